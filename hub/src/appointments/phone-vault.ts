// A booking's phone number is never stored in clear: the book keeps it masked (for people), as a
// keyed hash (for the per-person limits) and sealed with AES-256-GCM (for the notice sender only).
// The key is <dataDir>/appointments.key (0600), made at first start; journals forwarded to a centre
// carry no readable number. A backup holds key and journals together, so a restore still works.
import { createHmac, randomBytes } from 'node:crypto';
import { deriveKey, type KeyUse } from '../security/secret-key.js';
import { Sealer } from '../security/sealer.js';
import { dataFolder } from '../storage/data-folder.js';
import { SecretFile } from '../storage/secret-file.js';

const HEX_KEY = /^[0-9a-f]{64}$/;
const hexOf = (bytes: Buffer): string => bytes.toString('utf8').trim();

export class PhoneVault {
  readonly #hashKey: Buffer;
  readonly #sealer: Sealer;

  private constructor(secret: Buffer) {
    // Two keys from one secret, so the hash never gives away anything about the sealing key.
    this.#hashKey = deriveKey(secret, 'phone-hash');
    this.#sealer = new Sealer(secret, 'phone-seal');
  }

  /** `use.inUse`: the appointment book holds bookings, whose numbers were keyed and sealed with the key. */
  static async open(dataDir: string, use: KeyUse): Promise<PhoneVault> {
    const file = new SecretFile(dataFolder(dataDir).appointmentsKey);
    const stored = await file.readOrCreate(
      () => randomBytes(32).toString('hex'),
      { valid: (bytes) => HEX_KEY.test(hexOf(bytes)), replaceable: !use.inUse, protects: { zh: '预约的手机号', en: "bookings' phone numbers" } },
      use.log,
    );
    return new PhoneVault(Buffer.from(hexOf(stored), 'hex'));
  }

  /** The same number always gives the same key; the key gives nothing back without the secret. */
  key(phone: string): string {
    return createHmac('sha256', this.#hashKey).update(phone).digest('base64url').slice(0, 22);
  }

  seal(phone: string): string {
    return this.#sealer.seal(phone);
  }

  /** The number, or undefined when the seal is not one of this key's. */
  unseal(sealed: string): string | undefined {
    return this.#sealer.unseal(sealed);
  }
}
