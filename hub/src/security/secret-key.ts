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

/** Where a key is used: whether anything may have been sealed or hashed with it yet, and the hub's log. */
export interface KeyUse {
  inUse: boolean;
  log: (line: string) => void;
}

/**
 * Reads the key, or creates it (atomically, synced) when the data folder has none yet. A damaged one
 * is made anew only while `inUse` is false (the journal holds no record yet); afterwards repeat-visit
 * hashes, slip links and the follow-up numbers of bad-rating cases depend on it.
 */
export async function loadSecretKey(dataDir: string, use: KeyUse): Promise<Buffer> {
  const file = new SecretFile(dataFolder(dataDir).secretKey);
  const key = await file.readOrCreate(
    () => randomBytes(KEY_BYTES),
    {
      valid: (stored) => stored.length === KEY_BYTES,
      replaceable: !use.inUse,
      protects: { zh: '已记录号码的散列、号票上的链接和差评回访号码', en: "recorded numbers' hashes, the links on slips and bad-rating cases' follow-up numbers" },
    },
    use.log,
  );
  // A copy restored by hand may have lost its mode; nobody but the hub's user should read it.
  if (await file.readableByOthers()) await file.restrictToOwner();
  return key;
}
