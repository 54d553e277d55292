// Signed ticket links. The QR code on a slip opens /t/<number>?d=<day>&s=<signature>; rating the
// visit from a phone needs that signature, because ticket numbers are easy to guess (A001, A002…)
// and the phone page has no device token. The key is derived from the hall's secret.key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './secret-key.js';

/** 60 bits: far beyond guessing over the LAN at the phone routes' rate limit, and short enough for the
 * slip's QR code (the shared SIGNATURE pattern checks links by it). */
const SIGNATURE_CHARS = 10;

export class TicketLinks {
  readonly #key: Buffer;

  constructor(secretKey: Buffer) {
    // Its own key, so a signature can never stand for another use of the secret (the identity hash).
    this.#key = deriveKey(secretKey, 'yichuang ticket link v1');
  }

  sign(day: string, number: string): string {
    return createHmac('sha256', this.#key).update(`${day}/${number.toUpperCase()}`).digest('base64url').slice(0, SIGNATURE_CHARS);
  }

  verify(day: string, number: string, signature: string): boolean {
    const given = Buffer.from(signature);
    const expected = Buffer.from(this.sign(day, number));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
