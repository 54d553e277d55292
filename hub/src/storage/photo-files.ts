// The staff photos' folder (<dataDir>/photos): each photo a file written whole (temp file, fsync,
// rename, folder fsync) under a name its owner chose.
import path from 'node:path';
import { ensureFolder, removeFile, replaceFile } from './files.js';

export class PhotoFiles {
  constructor(readonly dir: string) {}

  async save(name: string, bytes: Buffer): Promise<void> {
    await ensureFolder(this.dir);
    await replaceFile(this.path(name), bytes);
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  remove(name: string): Promise<void> {
    return removeFile(this.path(name));
  }
}
