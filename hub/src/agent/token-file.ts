// The token the agent was paired with, kept in a file only its owner can read (mode 0600): it is
// this kiosk PC's password to the hub. Written whole or not at all, so a crash never leaves half a token.
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../storage/durable-json-file.js';

export class TokenFileError extends Error {}

export class TokenFile {
  constructor(readonly path: string) {}

  /** The stored token, or undefined when none is stored yet. */
  async read(): Promise<string | undefined> {
    try {
      return (await readFile(this.path, 'utf8')).trim() || undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new TokenFileError(`无法读取凭证文件 / cannot read the token file ${this.path}: ${(err as Error).message}`);
    }
  }

  /** Whether others than its owner may read it (Windows has no such mode bits). */
  async readableByOthers(): Promise<boolean> {
    return process.platform !== 'win32' && ((await stat(this.path)).mode & 0o077) !== 0;
  }

  /** Fails before a code is shown if the token could not be kept: a token is handed out only once. */
  async checkWritable(): Promise<void> {
    await this.#writeTemp('').then((temp) => rm(temp));
  }

  async write(token: string): Promise<void> {
    await rename(await this.#writeTemp(`${token}\n`), this.path);
    // The rename survives a power cut only once the folder is synced: the hub hands a token out once.
    await syncFolder(path.dirname(this.path));
  }

  async forget(): Promise<void> {
    await rm(this.path, { force: true });
  }

  async #writeTemp(text: string): Promise<string> {
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.path), { recursive: true, mode: 0o700 });
      await rm(temp, { force: true });
      // Created with its final mode: the token is never readable by others, not even for a moment.
      const file = await open(temp, 'wx', 0o600);
      try {
        await file.writeFile(text);
        await file.sync();
      } finally {
        await file.close();
      }
      return temp;
    } catch (err) {
      throw new TokenFileError(`无法写入凭证文件 / cannot write the token file ${this.path}: ${(err as Error).message}`);
    }
  }
}
