// lowdb adapter that survives a power cut: lowdb's JSONFile renames its temp file without fsync,
// so an acknowledged configuration change could vanish. This one syncs the file and its folder.
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export class DurableJSONFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #temp: string;

  readonly #serialize: (data: T) => string;

  /** `serialize` lays the file out (default: indented JSON); reading always parses JSON. */
  constructor(file: string, serialize: (data: T) => string = (data) => JSON.stringify(data, null, 2)) {
    this.#file = file;
    this.#serialize = serialize;
    this.#temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  /** null when the file does not exist; a SyntaxError when it is not JSON. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    const handle = await open(this.#temp, 'w');
    try {
      await handle.writeFile(this.#serialize(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.#temp, this.#file);
    await syncFolder(path.dirname(this.#file));
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; there the rename is left to NTFS. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
