// A small secret that only its owner may read (mode 0600): the hall's keys (secret.key,
// appointments.key) and a print agent's device token. Written whole or not at all and synced with
// its folder, so a power cut never leaves half a key, nor a key whose name is lost.
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkReplaceable, createFile, ensureFolder, readFileIfAny, removeFile, replaceFile } from './files.js';

const OWNER_ONLY = 0o600;

export class SecretFile {
  constructor(readonly path: string) {}

  /** Its bytes; undefined when there is none yet. */
  read(): Promise<Buffer | undefined> {
    return readFileIfAny(this.path);
  }

  /** The secret, made by `make` when there is none yet: never over one another start has just made. */
  async readOrCreate(make: () => string | Buffer): Promise<Buffer> {
    const stored = await this.read();
    if (stored !== undefined) return stored;
    const made = make();
    await createFile(this.path, made, OWNER_ONLY);
    return Buffer.from(made);
  }

  /** Whether others than its owner may read it (Windows has no such mode bits). */
  async readableByOthers(): Promise<boolean> {
    return process.platform !== 'win32' && ((await stat(this.path)).mode & 0o077) !== 0;
  }

  /** Takes others' access away, e.g. from a copy restored by hand. */
  async restrictToOwner(): Promise<void> {
    await chmod(this.path, OWNER_ONLY);
  }

  /** Replaces it whole; readable by nobody else at any moment. Its folder is made (0700) if missing. */
  async write(secret: string | Buffer): Promise<void> {
    await ensureFolder(path.dirname(this.path), 0o700);
    await replaceFile(this.path, secret, OWNER_ONLY);
  }

  /** Fails as write() would, writing nothing: for checking before a secret is handed out that it can be kept. */
  async checkWritable(): Promise<void> {
    await ensureFolder(path.dirname(this.path), 0o700);
    await checkReplaceable(this.path, OWNER_ONLY);
  }

  remove(): Promise<void> {
    return removeFile(this.path);
  }
}
