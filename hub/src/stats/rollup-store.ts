// Day roll-ups in <dataDir>/rollups/YYYY-MM-DD.json, each a lowdb file (for a busy day ~115 KB of
// ticket columns, plus its ratings and the bad-rating cases it carries), so a year's report reads 365
// of them instead of replaying 365 journals.
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
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
    return new Low<DayRollup | null>(new RollupFile(path.join(this.dir, `${day}.json`)), null);
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

/** Written like storage/durable-json-file.ts: temp file, fsync, rename, fsync of the folder. */
class RollupFile implements Adapter<DayRollup | null> {
  readonly #file: string;
  readonly #temp: string;

  constructor(file: string) {
    this.#file = file;
    this.#temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  /** null when the file does not exist; a SyntaxError when it is not JSON. */
  async read(): Promise<DayRollup | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as DayRollup;
  }

  async write(data: DayRollup | null): Promise<void> {
    const handle = await open(this.#temp, 'w');
    try {
      await handle.writeFile(data === null ? 'null\n' : rollupJson(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.#temp, this.#file);
    if (process.platform === 'win32') return; // Windows cannot fsync a folder; the rename is left to NTFS
    const folder = await open(path.dirname(this.#file), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}
