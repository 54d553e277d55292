// Sealing a number for the one use that needs it back (a notice to send, a citizen to call back):
// AES-256-GCM under a key derived from a secret for that purpose alone. Only the hub can open a
// seal; journals and backups carry it unreadable, and the retention job drops it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey } from './secret-key.js';

const SEALED = /^v1\.([\w-]+)$/;

export class Sealer {
  readonly #key: Buffer;

  constructor(secret: Buffer, purpose: string) {
    this.#key = deriveKey(secret, purpose);
  }

  seal(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The value, or undefined when the seal is not one of this key's (or was tampered with). */
  unseal(sealed: string): string | undefined {
    const raw = SEALED.exec(sealed)?.[1];
    if (!raw) return undefined;
    const bytes = Buffer.from(raw, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
