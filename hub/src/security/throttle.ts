// Sign-in throttling: failed attempts are counted per account (a staff number) and per place (the
// device or address tried from). After ACCOUNT_FAILURES on one account, or PLACE_FAILURES from one
// place (guessing across accounts), within the window, that key is locked for LOCK_MS — the right
// PIN or password included, or guessing would simply go on. A successful sign-in clears its account.
const ACCOUNT_FAILURES = 5;
const PLACE_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export interface Attempt {
  account: string;
  place: string;
}

interface Failures {
  count: number;
  first: number;
  lockedUntil?: number;
}

export class SignInThrottle {
  readonly #failures = new Map<string, Failures>();

  constructor(private readonly clock: () => number) {}

  /** Milliseconds until this attempt may be made; 0 when neither its account nor its place is locked. */
  wait(attempt: Attempt): number {
    const now = this.clock();
    let wait = 0;
    for (const [key] of keysOf(attempt)) wait = Math.max(wait, (this.#failures.get(key)?.lockedUntil ?? 0) - now);
    return wait;
  }

  fail(attempt: Attempt): void {
    const now = this.clock();
    this.#prune(now);
    for (const [key, max] of keysOf(attempt)) {
      const f = this.#failures.get(key);
      const current = f && now - f.first < WINDOW_MS ? f : { count: 0, first: now };
      current.count++;
      if (current.count >= max) current.lockedUntil = now + LOCK_MS;
      this.#failures.set(key, current);
    }
  }

  succeed(attempt: Attempt): void {
    this.#failures.delete(`account:${attempt.account}`);
  }

  /** Forgets old failures, so keys tried once and never again do not pile up. */
  #prune(now: number): void {
    for (const [key, f] of this.#failures) {
      if (now - f.first >= WINDOW_MS && (f.lockedUntil ?? 0) <= now) this.#failures.delete(key);
    }
  }
}

function keysOf({ account, place }: Attempt): [string, number][] {
  return [
    [`account:${account}`, ACCOUNT_FAILURES],
    [`place:${place}`, PLACE_FAILURES],
  ];
}

/** Whole minutes to tell the person, at least 1. */
export const waitMinutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
