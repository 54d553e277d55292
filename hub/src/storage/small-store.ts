// A domain's small lowdb file (boards.json, alerts.json, appointments.json) on the durable adapter:
// every change is written (temp file, fsync, rename) before the promise resolves, one at a time.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from './durable-json-file.js';
import { fileStamp } from './files.js';

export interface Versioned {
  schemaVersion: number;
}

export class SmallStore<T extends Versioned> {
  readonly #db: Low<T>;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(db: Low<T>) {
    this.#db = db;
  }

  /**
   * Opens `file`, seeding it when missing. A file that is not JSON, or of another schema version, is
   * kept aside as `<file>.unreadable-<stamp>` and replaced by the seed: these are display
   * settings and alerts, and a hall is better served by boards that run than by a hub that refuses to start.
   */
  static async open<T extends Versioned>(file: string, seed: () => T, log: (line: string) => void): Promise<SmallStore<T>> {
    const name = path.basename(file);
    const adapter = new DurableJSONFile<T>(file);
    let stored: T | null = null;
    let unreadable: boolean;
    try {
      stored = await adapter.read();
      unreadable = stored !== null && stored.schemaVersion !== seed().schemaVersion;
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      unreadable = true;
    }
    if (unreadable) {
      const aside = `${file}.unreadable-${fileStamp()}`;
      await copyFile(file, aside);
      log(`${name} 无法读取，已另存为 ${aside} 并使用默认值 / ${name} unreadable; kept as ${aside}, using defaults`);
      stored = null;
    }
    const db = new Low<T>(adapter, stored ?? seed());
    if (!stored) await db.write();
    return new SmallStore(db);
  }

  /** The current data: callers must not mutate it; use update(). */
  get data(): T {
    return this.#db.data;
  }

  /** Applies `mutator` to a copy, writes it durably, then swaps it in; on failure nothing changes. */
  update<R>(mutator: (draft: T) => R): Promise<R> {
    const run = this.#queue.then(async () => {
      const draft = structuredClone(this.#db.data);
      const result = mutator(draft);
      await this.#db.adapter.write(draft);
      this.#db.data = draft;
      return result;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every update begun so far has finished. */
  async settled(): Promise<void> {
    await this.#queue;
  }
}
