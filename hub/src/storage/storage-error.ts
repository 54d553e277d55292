// A write to the data folder that failed (disk full, read-only, no permission, I/O error): the
// storage layer throws it for every failed write, so whoever answers a client can tell "could not
// save" (STORAGE_FAILED) from a fault of the hub's own (INTERNAL), and say why in both languages.
import path from 'node:path';
import type { Bilingual } from '@yichuang/shared/errors';

const REASONS: Record<string, Bilingual> = {
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EDQUOT: { zh: '磁盘配额已用完', en: 'the disk quota is used up' },
  EROFS: { zh: '磁盘为只读', en: 'the file system is read-only' },
  EACCES: { zh: '没有写入权限', en: 'no permission to write' },
  EPERM: { zh: '没有写入权限', en: 'no permission to write' },
  EIO: { zh: '磁盘读写出错', en: 'an I/O error' },
};

/** Why a write failed, said in both languages. */
export function writeFailure(err: unknown): Bilingual {
  const code = (err as NodeJS.ErrnoException).code;
  return (code !== undefined && REASONS[code]) || { zh: `写入失败（${code ?? String(err)}）`, en: `the write failed (${code ?? String(err)})` };
}

export class StorageError extends Error {
  /** The system's code (ENOSPC, EROFS…), when there is one. */
  readonly code: string | undefined;
  readonly reason: Bilingual;

  constructor(
    readonly file: string,
    cause: unknown,
    reason = writeFailure(cause),
  ) {
    super(`无法写入 ${file}：${reason.zh} / cannot write ${file}: ${reason.en}`, { cause });
    this.code = (cause as NodeJS.ErrnoException).code;
    this.reason = reason;
  }

  /** The file, relative to the data folder `root` (for a message that goes beyond the hub's own log). */
  fileIn(root: string): string {
    return path.relative(root, this.file) || '.';
  }
}

/** Runs a write to `file`; whatever fails comes out as a StorageError. */
export async function writing<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof StorageError ? err : new StorageError(file, err);
  }
}
