// The hall's secret key (<dataDir>/secret.key, 32 random bytes, mode 0600), made at first start.
// It keys the hash of phone and ID numbers, so it must survive restarts and travel with backups.
import { createHmac, randomBytes } from 'node:crypto';
import { dataFolder } from '../storage/data-folder.js';
import { SecretFile } from '../storage/secret-file.js';

const KEY_BYTES = 32;

/** A key of its own for one use of a secret, so what one use reveals says nothing about another's key. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return createHmac('sha256', secret).update(purpose).digest();
}

/** Reads the key, or creates it (exclusively, synced) when the data folder has none yet. */
export async function loadSecretKey(dataDir: string): Promise<Buffer> {
  const file = new SecretFile(dataFolder(dataDir).secretKey);
  const key = await file.readOrCreate(() => randomBytes(KEY_BYTES));
  if (key.length !== KEY_BYTES) {
    throw new Error(`${file.path} 应为 ${KEY_BYTES} 字节，实为 ${key.length} 字节；请从备份恢复 / ${file.path} must hold ${KEY_BYTES} bytes, not ${key.length}; restore it from a backup`);
  }
  // A copy restored by hand may have lost its mode; nobody but the hub's user should read it.
  if (await file.readableByOthers()) await file.restrictToOwner();
  return key;
}
