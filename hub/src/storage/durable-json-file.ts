// lowdb adapter that survives a power cut: lowdb's JSONFile renames its temp file without fsync,
// so an acknowledged configuration change could vanish. This one syncs the file and its folder.
import type { Adapter } from 'lowdb';
import { readTextIfAny, replaceFile } from './files.js';

export class DurableJSONFile<T> implements Adapter<T> {
  /** `serialize` lays the file out (default: indented JSON); reading always parses JSON. */
  constructor(
    readonly file: string,
    private readonly serialize: (data: T) => string = (data) => JSON.stringify(data, null, 2),
  ) {}

  /** null when the file does not exist; a SyntaxError when it is not JSON. */
  async read(): Promise<T | null> {
    const text = await readTextIfAny(this.file);
    return text === undefined ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    return replaceFile(this.file, this.serialize(data));
  }
}
