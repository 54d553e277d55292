// Append-only JSON lines: each append is written and fdatasync'ed before it resolves, appends run
// one at a time, and reading skips a last line torn by a crash (it was never acknowledged).
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { readTextIfAny, replaceFile, syncFolder } from './files.js';
import { writing } from './storage-error.js';

export interface JsonlOptions {
  /** Readable by its owner only: the file is made 0600 in a folder made 0700 (the audit log). */
  ownerOnly?: boolean;
  /** fsync, not fdatasync, after each append, so the file's times are kept as well (the audit log). */
  fullSync?: boolean;
}

export class JsonlFile {
  #handle: Promise<FileHandle> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly options: JsonlOptions = {},
  ) {}

  append(records: readonly object[]): Promise<void> {
    const run = this.#queue.then(async () => {
      if (records.length === 0) return;
      try {
        await writing(this.file, async () => {
          const handle = await this.#open();
          await handle.appendFile(jsonLines(records));
          await (this.options.fullSync ? handle.sync() : handle.datasync());
        });
      } catch (err) {
        // Half a line may be on disk: opened again, the file gets its newline before the next record.
        await this.#release().catch(() => undefined);
        throw err;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Replaces the whole file (written aside, synced, renamed over it): for purging old lines' data. */
  rewrite(records: readonly object[]): Promise<void> {
    const run = this.#queue.then(async () => {
      await this.#release();
      await replaceFile(this.file, jsonLines(records), this.#mode('file'));
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#release();
  }

  async #release(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

  #open(): Promise<FileHandle> {
    if (!this.#handle) {
      const opening = this.#openFile();
      this.#handle = opening;
      // A failed open (disk full, permissions) is tried again on the next append.
      opening.catch(() => {
        if (this.#handle === opening) this.#handle = undefined;
      });
    }
    return this.#handle;
  }

  async #openFile(): Promise<FileHandle> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: this.#mode('folder') });
    const handle = await open(this.file, 'a', this.#mode('file'));
    if ((await handle.stat()).size === 0) await syncFolder(path.dirname(this.file)); // a new file's name survives a power cut
    // A torn last line (a crash mid-write) must not swallow the next record.
    else if (!(await endsWithNewline(this.file))) await handle.appendFile('\n');
    return handle;
  }

  #mode(of: 'file' | 'folder'): number | undefined {
    if (!this.options.ownerOnly) return undefined;
    return of === 'file' ? 0o600 : 0o700;
  }
}

const jsonLines = (records: readonly object[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

async function endsWithNewline(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/** The records of a JSONL file; [] when it does not exist. Lines that do not parse are skipped. */
export async function readJsonl<T>(file: string): Promise<T[]> {
  const text = (await readTextIfAny(file)) ?? '';
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as T];
    } catch {
      return []; // torn by a crash before it was acknowledged
    }
  });
}
