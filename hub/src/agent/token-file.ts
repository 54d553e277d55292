// The token the agent was paired with, kept in a file only its owner can read (mode 0600): it is
// this kiosk PC's password to the hub. Written whole or not at all, so a crash never leaves half a token.
import { SecretFile } from '../storage/secret-file.js';

export class TokenFileError extends Error {}

export class TokenFile {
  readonly #file: SecretFile;

  constructor(readonly path: string) {
    this.#file = new SecretFile(path);
  }

  /** The stored token, or undefined when none is stored yet. */
  async read(): Promise<string | undefined> {
    const bytes = await this.#file.read().catch((err: unknown) => {
      throw new TokenFileError(`无法读取凭证文件 / cannot read the token file ${this.path}: ${(err as Error).message}`);
    });
    return bytes?.toString('utf8').trim() || undefined;
  }

  /** Whether others than its owner may read it (Windows has no such mode bits). */
  readableByOthers(): Promise<boolean> {
    return this.#file.readableByOthers();
  }

  /** Fails before a code is shown if the token could not be kept: a token is handed out only once. */
  checkWritable(): Promise<void> {
    return this.#writing(() => this.#file.checkWritable());
  }

  /** The rename is durable (folder synced) before this resolves: the hub hands a token out once. */
  write(token: string): Promise<void> {
    return this.#writing(() => this.#file.write(`${token}\n`));
  }

  forget(): Promise<void> {
    return this.#file.remove();
  }

  async #writing(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      throw new TokenFileError(`无法写入凭证文件 / cannot write the token file ${this.path}: ${(err as Error).message}`);
    }
  }
}
