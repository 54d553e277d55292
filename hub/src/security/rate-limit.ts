// Token buckets per key: a burst of `burst` requests, then `perMinute` a minute. For commands a
// device should send at a human pace (taking a number, signing in) and for open REST entries.
export interface RateRule {
  burst: number;
  perMinute: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again and can be forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  #lastSweep = 0;

  constructor(private readonly clock: () => number) {}

  /** Takes one token; false when the key has none left (the request is refused). */
  take(key: string, rule: RateRule): boolean {
    const now = this.clock();
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: rule.burst, at: now };
    const tokens = Math.min(rule.burst, bucket.tokens + ((now - bucket.at) * rule.perMinute) / 60_000);
    const allowed = tokens >= 1;
    this.#buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed;
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < FORGET_AFTER_MS) return;
    this.#lastSweep = now;
    for (const [key, b] of this.#buckets) if (now - b.at > FORGET_AFTER_MS) this.#buckets.delete(key);
  }
}
