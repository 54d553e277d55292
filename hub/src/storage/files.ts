// The file operations the rest of the hub needs, kept with every other use of node:fs in the storage
// layer: writes that are whole or not at all and survive a power cut (file and folder synced), reads
// that take a missing file for "none yet", and the few looks outside the data folder (built screens,
// programs on the search path, serial devices, the TLS files given at start).
import { constants, existsSync, readFileSync } from 'node:fs';
import { access, link, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { StorageError, writing } from './storage-error.js';

/** Makes a rename or a new file's name durable. Windows cannot open a folder for fsync; there it is left to NTFS. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` whole: written to a temp file beside it, fsync'ed, renamed over it, the folder
 * fsync'ed, so a reader or a restart after a power cut finds the old content or the new, never half.
 * `mode` applies from the moment the temp file exists (0600 for a secret is never readable by others).
 */
export function replaceFile(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
  return writing(file, async () => {
    const temp = tempOf(file);
    await writeNew(temp, data, mode);
    await rename(temp, file);
    await syncFolder(path.dirname(file));
  });
}

/**
 * Fails as replaceFile would (folder missing or read-only, disk full), without touching `file`: a few
 * bytes are written beside it, fsync'ed and removed. Bytes, not an empty file: a full disk still has
 * room for a name.
 */
export function checkReplaceable(file: string, mode?: number): Promise<void> {
  return writing(file, async () => {
    const temp = tempOf(file);
    await writeNew(temp, 'probe\n', mode);
    await rm(temp);
  });
}

/**
 * Writes a file that must not exist yet, whole or not at all: written aside and fsync'ed, then linked
 * under its name (EEXIST if another start has just made it), the folder fsync'ed. A crash leaves the
 * file complete or absent, never empty.
 */
export function createFile(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
  return writing(file, async () => {
    const temp = tempOf(file);
    await writeNew(temp, data, mode);
    try {
      await link(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
    await syncFolder(path.dirname(file));
  });
}

/** Moves a file aside under another name in its folder, durably (a damaged key kept for a look later). */
export function moveAside(file: string, aside: string): Promise<void> {
  return writing(file, async () => {
    await rename(file, aside);
    await syncFolder(path.dirname(file));
  });
}

/** Fails with a StorageError (naming `dir`) unless the folder takes a write now. */
export function probeWritable(dir: string): Promise<void> {
  return checkReplaceable(path.join(dir, 'write-probe')).catch((err: StorageError) => {
    throw new StorageError(dir, err.cause);
  });
}

/** A time for a file name: ISO 8601 without ':' and '.', which Windows refuses in names. */
export function fileStamp(at = Date.now()): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

const tempOf = (file: string): string => path.join(path.dirname(file), `.${path.basename(file)}.tmp`);

/**
 * A temp file left by a crash is removed first: it would keep its own mode and content. One whose
 * write failed is removed at once: on a full disk it would hold on to what space it took.
 */
async function writeNew(temp: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  await rm(temp, { force: true });
  try {
    await writeExclusive(temp, data, mode);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

async function writeExclusive(file: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file's bytes; undefined when it does not exist. */
export async function readFileIfAny(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The file as UTF-8 text; undefined when it does not exist. */
export async function readTextIfAny(file: string): Promise<string | undefined> {
  return (await readFileIfAny(file))?.toString('utf8');
}

/** The folders in a folder (not their contents); [] when it does not exist. */
export async function listSubfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The names in a folder; [] when it does not exist. */
export async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function ensureFolder(dir: string, mode?: number): Promise<void> {
  return writing(dir, async () => void (await mkdir(dir, { recursive: true, mode })));
}

export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}

export function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** A file the hub cannot start without (the TLS certificate and key), read once at start; `what` names it in the error. */
export function readFileAtStart(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`无法读取 ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}
