// One queue per printer: slips print one after another, and a slip that could not start in time
// is dropped: the citizen already has an e-ticket, and a late slip would be taken by the next person.
export const EXPIRED = Symbol('expired');

export class PrintQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  constructor(private readonly onLength: (length: number) => void = () => undefined) {}

  /** Jobs queued or printing. */
  get length(): number {
    return this.#waiting;
  }

  /** Runs `job` after the jobs before it, unless `startBy` (performance.now() time) has passed by then. */
  run<T>(job: () => Promise<T>, startBy: number): Promise<T | typeof EXPIRED> {
    this.#resize(+1);
    const run = this.#tail.then((): Promise<T | typeof EXPIRED> | typeof EXPIRED => (performance.now() > startBy ? EXPIRED : job()));
    const done = run.finally(() => this.#resize(-1));
    this.#tail = done.catch(() => undefined);
    return done;
  }

  #resize(delta: number): void {
    this.#waiting += delta;
    this.onLength(this.#waiting);
  }
}
