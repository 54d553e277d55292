// Reports under way, so that work which can wait (reading roll-ups ahead after a start) gives way to
// them: a report awaits the database some 500 times, and a step of that work ran at each of them.

/** How long after a report other work waits: a console asks for a period and the one before it together. */
const QUIET_MS = 500;

export class ReportActivity {
  #running = 0;
  /** A start counts as a report: the first asked after it go first. */
  #lastEnded = performance.now();
  #closed = false;
  readonly #sleeping = new Set<() => void>();

  /** Runs a report, counted while it runs. */
  async run<T>(report: () => Promise<T>): Promise<T> {
    this.#running++;
    try {
      return await report();
    } finally {
      this.#running--;
      this.#lastEnded = performance.now();
    }
  }

  /** Resolves once no report is running nor has ended within QUIET_MS, or at once when closed. */
  async quiet(): Promise<void> {
    for (let wait = this.#quietIn(); wait > 0 && !this.#closed; wait = this.#quietIn()) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.#sleeping.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, wait);
        this.#sleeping.add(wake);
      });
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The server is closing: whatever waits for quiet goes on (to see that it must stop). */
  close(): void {
    this.#closed = true;
    for (const wake of [...this.#sleeping]) wake();
  }

  #quietIn(): number {
    return this.#running > 0 ? QUIET_MS : this.#lastEnded + QUIET_MS - performance.now();
  }
}
