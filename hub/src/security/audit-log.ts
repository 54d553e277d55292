// The audit log: who changed the configuration, paired or revoked a device, signed in, or viewed or
// exported personal data — appended to <dataDir>/audit/YYYY-MM.jsonl and fsync'ed before the action
// is acknowledged. Never rewritten; retention does not touch it.
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry } from '@yichuang/shared/admin';
import { serviceDay } from '@yichuang/shared/time';
import { dataFolder } from '../storage/data-folder.js';

export class AuditLog {
  readonly #dir: string;
  #file: { month: string; handle: FileHandle } | undefined;
  /** One append at a time: whole lines, in order. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly clock: () => number,
    private readonly timeZone: () => string,
  ) {
    this.#dir = dataFolder(dataDir).audit;
  }

  /** Resolves once the entry is on disk. */
  append(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry> {
    const run = this.#queue.then(async () => {
      const full: AuditEntry = { at: this.clock(), ...entry };
      const handle = await this.#handleFor(this.#month(full.at));
      await handle.write(JSON.stringify(full) + '\n');
      await handle.sync();
      return full;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** A month's entries, newest first (default: this month). */
  async read(month: string | undefined, limit: number): Promise<AuditEntry[]> {
    await this.#queue;
    let text: string;
    try {
      text = await readFile(path.join(this.#dir, `${month ?? this.#month(this.clock())}.jsonl`), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const entries: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as AuditEntry);
      } catch {
        // a line torn by a power cut: skip it, keep the rest
      }
    }
    return entries.reverse().slice(0, limit);
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#file?.handle.close();
    this.#file = undefined;
  }

  #month(at: number): string {
    return serviceDay(at, this.timeZone()).slice(0, 7);
  }

  async #handleFor(month: string): Promise<FileHandle> {
    if (this.#file?.month === month) return this.#file.handle;
    await this.#file?.handle.close();
    this.#file = undefined;
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    this.#file = { month, handle: await open(path.join(this.#dir, `${month}.jsonl`), 'a', 0o600) };
    return this.#file.handle;
  }
}
