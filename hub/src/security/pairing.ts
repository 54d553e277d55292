// Pairing new screens. An unpaired screen asks for a code and shows it; a manager types the code
// into the console's devices page and chooses the device's role and place; the screen, polling
// with a secret claim only it knows, then collects its token once. Codes live in memory for 5 min
// (a screen asks for a fresh one by itself). The codes never turn a screen away: a full list, or
// an address at its cap, drops the oldest request of whoever holds the most, so flooding it from
// a few addresses cannot keep a hall's new console from pairing.
import { randomBytes, randomInt } from 'node:crypto';
import type { PairingRequest, PairingStatus } from '@yichuang/shared/admin';
import type { DeviceRole } from '@yichuang/shared/domain';

/** No 0/O, 1/I/L: a code is read off a screen and typed by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;
export const PAIRING_TTL_MS = 5 * 60_000;
/** More open requests than a hall sets up at once means someone is flooding the endpoint. */
export const MAX_OPEN = 50;
/** A screen needs one code; two allow for a reload while the first is still shown. */
export const MAX_PER_ADDRESS = 2;

interface Pending extends PairingRequest {
  code: string;
  claim: string;
  approved?: { token: string; page: string };
}

export class PairingCodes {
  readonly #byClaim = new Map<string, Pending>();

  constructor(private readonly clock: () => number) {}

  /** A new code for a screen, making room if need be. */
  request(screen: DeviceRole, address: string): { code: string; claim: string; expiresAt: number } {
    const now = this.#sweep();
    const own = this.#waiting().filter((p) => p.address === address);
    if (own.length >= MAX_PER_ADDRESS) this.#byClaim.delete(own[0]!.claim);
    else if (this.#byClaim.size >= MAX_OPEN) this.#dropFromBusiest();
    const taken = new Set([...this.#byClaim.values()].map((p) => p.code));
    let code: string;
    do code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    while (taken.has(code));
    const pending: Pending = { code, claim: randomBytes(24).toString('base64url'), screen, address, requestedAt: now, expiresAt: now + PAIRING_TTL_MS };
    this.#byClaim.set(pending.claim, pending);
    return { code, claim: pending.claim, expiresAt: pending.expiresAt };
  }

  /** What the screen holding `claim` gets; an approved token is handed out once. */
  status(claim: string): PairingStatus | undefined {
    this.#sweep();
    const pending = this.#byClaim.get(claim);
    if (!pending) return undefined;
    if (!pending.approved) return { status: 'pending', code: pending.code, expiresAt: pending.expiresAt };
    this.#byClaim.delete(claim);
    return { status: 'approved', ...pending.approved };
  }

  /** Open requests not yet approved, oldest first, without their codes. */
  open(): PairingRequest[] {
    return this.#waiting().map(({ screen, address, requestedAt, expiresAt }) => ({ screen, address, requestedAt, expiresAt }));
  }

  /** Whether a screen is waiting with this code. */
  has(code: string): boolean {
    return this.#waiting().some((p) => p.code === code);
  }

  /** Gives the request's screen its token (on its next poll). */
  approve(code: string, approved: { token: string; page: string }): boolean {
    const pending = this.#waiting().find((p) => p.code === code);
    if (!pending) return false;
    pending.approved = approved;
    return true;
  }

  /** Drops the oldest waiting request of the address with the most waiting. */
  #dropFromBusiest(): void {
    const byAddress = new Map<string, Pending[]>();
    for (const p of this.#waiting()) byAddress.set(p.address, [...(byAddress.get(p.address) ?? []), p]);
    const busiest = [...byAddress.values()].sort((a, b) => b.length - a.length)[0];
    if (busiest) this.#byClaim.delete(busiest[0]!.claim);
  }

  #waiting(): Pending[] {
    this.#sweep();
    return [...this.#byClaim.values()].filter((p) => !p.approved);
  }

  #sweep(): number {
    const now = this.clock();
    for (const [claim, p] of this.#byClaim) if (p.expiresAt <= now) this.#byClaim.delete(claim);
    return now;
  }
}
