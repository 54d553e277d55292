// The hall's secret key (<dataDir>/secret.key, 32 random bytes, mode 0600), made at first start.
// It keys the hash of phone and ID numbers, so it must survive restarts and travel with backups.
import { closeSync, chmodSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { dataFolder } from '../storage/data-folder.js';

const KEY_BYTES = 32;

/** A key of its own for one use of a secret, so what one use reveals says nothing about another's key. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return createHmac('sha256', secret).update(purpose).digest();
}

/** Reads the key, or creates it (exclusively, synced) when the data folder has none yet. */
export function loadSecretKey(dataDir: string): Buffer {
  const file = dataFolder(dataDir).secretKey;
  try {
    const key = readFileSync(file);
    if (key.length !== KEY_BYTES) {
      throw new Error(`${file} 应为 ${KEY_BYTES} 字节，实为 ${key.length} 字节；请从备份恢复 / ${file} must hold ${KEY_BYTES} bytes, not ${key.length}; restore it from a backup`);
    }
    // A copy restored by hand may have lost its mode; nobody but the hub's user should read it.
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(KEY_BYTES);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dataDir);
  return key;
}

function syncFolder(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a folder for fsync
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
