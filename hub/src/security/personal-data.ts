// Phone and ID numbers never reach storage in full: they are masked, plus a keyed hash so the same
// person's visits can be counted. Without the hall's secret key the hash cannot be reversed by
// trying every number (a plain hash of an 11-digit phone number could).
import { createHmac } from 'node:crypto';
import type { MaskedIdentity } from '@yichuang/shared/domain';
import { maskIdNumber, maskPhone } from '@yichuang/shared/identity';

export interface IdentityInput {
  kind: 'phone' | 'id';
  value: string;
}

export class PersonalData {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  mask(identity: IdentityInput): MaskedIdentity {
    const masked = identity.kind === 'phone' ? maskPhone(identity.value) : maskIdNumber(identity.value);
    return { kind: identity.kind, masked, hash: this.hash(identity) };
  }

  /** HMAC-SHA256 over kind and number (ID check letter upper-cased), base64url. */
  hash(identity: IdentityInput): string {
    return createHmac('sha256', this.#key).update(`${identity.kind}:${identity.value.trim().toUpperCase()}`, 'utf8').digest('base64url');
  }
}
