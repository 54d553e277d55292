// The audit log: who changed the configuration, paired or revoked a device, signed in, or viewed or
// exported personal data — appended to <dataDir>/audit/YYYY-MM.jsonl and fsync'ed before the action
// is acknowledged. Never rewritten; retention does not touch it.
import path from 'node:path';
import type { AuditEntry } from '@yichuang/shared/admin';
import { serviceDay } from '@yichuang/shared/time';
import { dataFolder } from '../storage/data-folder.js';
import { JsonlFile, readJsonl } from '../storage/jsonl-file.js';

export class AuditLog {
  readonly #dir: string;
  #file: { month: string; file: JsonlFile } | undefined;
  /** One append at a time: whole lines, in order. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(
    dataDir: string,
    private readonly clock: () => number,
    private readonly timeZone: () => string,
  ) {
    this.#dir = dataFolder(dataDir).audit;
  }

  /**
   * Resolves once the entry is on disk. Refused once closed: a command still finishing as the hub
   * stops must not reopen the file.
   */
  append(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry> {
    if (this.#closed) return Promise.reject(new Error('audit log: closed'));
    const run = this.#queue.then(async () => {
      const full: AuditEntry = { at: this.clock(), ...entry };
      const file = await this.#fileFor(this.#month(full.at));
      await file.append([full]);
      return full;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** A month's entries, newest first (default: this month). Lines torn by a power cut are skipped. */
  async read(month: string | undefined, limit: number): Promise<AuditEntry[]> {
    await this.#queue;
    const entries = await readJsonl<AuditEntry>(this.#path(month ?? this.#month(this.clock())));
    return entries.reverse().slice(0, limit);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.#file?.file.close();
    this.#file = undefined;
  }

  #month(at: number): string {
    return serviceDay(at, this.timeZone()).slice(0, 7);
  }

  #path(month: string): string {
    return path.join(this.#dir, `${month}.jsonl`);
  }

  async #fileFor(month: string): Promise<JsonlFile> {
    if (this.#file?.month !== month) {
      await this.#file?.file.close();
      this.#file = { month, file: new JsonlFile(this.#path(month), { ownerOnly: true, fullSync: true }) };
    }
    return this.#file.file;
  }
}
