// Day roll-ups in <dataDir>/rollups/YYYY-MM-DD.json, each a lowdb file (for a busy day ~115 KB of
// ticket columns, plus its ratings and the bad-rating cases it carries), so a year's report reads 365
// of them instead of replaying 365 journals.
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
    return new Low<DayRollup | null>(
      new DurableJSONFile<DayRollup | null>(path.join(this.dir, `${day}.json`), (data) => (data === null ? 'null\n' : rollupJson(data))),
      null,
    );
  }

  /** The stored roll-up, or null when there is none or it has another shape (rebuild it). */
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

/** JSON with every non-ASCII character as \uXXXX: the file reads back as a one-byte string, which
 * decodes and parses ~15% faster than one with a single Chinese character in it. */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A roll-up as JSON that stays readable but compact: one top-level field per line ("seq": N among
 * them), each ticket column on one line, one window, rating or case per line; all ASCII.
 */
export function rollupJson(rollup: DayRollup): string {
  const field = (key: string, value: unknown, indent: string): string => `${indent}${JSON.stringify(key)}: ${value}`;
  const lines = Object.entries(rollup).map(([key, value]) => {
    if (Array.isArray(value)) {
      if (value.length === 0) return field(key, '[]', '  ');
      return field(key, `[\n${value.map((v) => `    ${asciiJson(v)}`).join(',\n')}\n  ]`, '  ');
    }
    if (typeof value === 'object' && value !== null) {
      const inner = Object.entries(value).map(([k, v]) => field(k, asciiJson(v), '    '));
      return field(key, `{\n${inner.join(',\n')}\n  }`, '  ');
    }
    return field(key, asciiJson(value), '  ');
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
