// Day roll-ups in <dataDir>/rollups/YYYY-MM-DD.json, each a small lowdb file (tens of KB for a
// busy day), so a year's report reads 365 of them instead of replaying 365 journals.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from '../storage/durable-json-file.js';
import { ROLLUP_VERSION, type DayRollup } from './rollup.js';

const FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

export class RollupStore {
  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<RollupStore> {
    const dir = path.join(dataDir, 'rollups');
    await mkdir(dir, { recursive: true });
    return new RollupStore(dir);
  }

  private file(day: string): Low<DayRollup | null> {
    return new Low<DayRollup | null>(new DurableJSONFile<DayRollup | null>(path.join(this.dir, `${day}.json`)), null);
  }

  /** The stored roll-up, or null when there is none or it has an older shape (rebuild it). */
  async read(day: string): Promise<DayRollup | null> {
    const db = this.file(day);
    await db.read();
    return db.data?.v === ROLLUP_VERSION ? db.data : null;
  }

  async write(rollup: DayRollup): Promise<void> {
    const db = this.file(rollup.day);
    db.data = rollup;
    await db.write();
  }

  async days(): Promise<string[]> {
    return (await readdir(this.dir)).flatMap((f) => FILE.exec(f)?.[1] ?? []).sort();
  }
}
