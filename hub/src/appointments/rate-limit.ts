// Requests per client address and minute (fixed windows), for the phone page's open REST routes.
// The map holds the current minute's addresses only: on a LAN, and behind the hall's router, few.
export class RateLimiter {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
  ) {}

  /** Counts one request; false once the address has used up this minute. */
  take(address: string): boolean {
    const window = Math.floor(this.clock() / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const used = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, used);
    return used <= this.perMinute;
  }
}
