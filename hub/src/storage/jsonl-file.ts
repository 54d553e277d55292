// Append-only JSON lines: each append is written and fdatasync'ed before it resolves, appends run
// one at a time, and reading skips a last line torn by a crash (it was never acknowledged).
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DurableJSONFile, syncFolder } from './durable-json-file.js';

export class JsonlFile {
  #handle: Promise<FileHandle> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  append(records: readonly object[]): Promise<void> {
    const run = this.#queue.then(async () => {
      if (records.length === 0) return;
      const handle = await this.#open();
      await handle.appendFile(jsonLines(records));
      await handle.datasync();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Replaces the whole file (written aside, synced, renamed over it): for purging old lines' data. */
  rewrite(records: readonly object[]): Promise<void> {
    const run = this.#queue.then(async () => {
      await this.#release();
      await new DurableJSONFile<readonly object[]>(this.file, jsonLines).write(records);
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
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a');
    if ((await handle.stat()).size === 0) await syncFolder(path.dirname(this.file)); // a new file's name survives a power cut
    // A torn last line (a crash mid-write) must not swallow the next record.
    else if (!(await endsWithNewline(this.file))) await handle.appendFile('\n');
    return handle;
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as T];
    } catch {
      return []; // torn by a crash before it was acknowledged
    }
  });
}
