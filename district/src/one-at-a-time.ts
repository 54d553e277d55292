// A job the server runs one at a time (projecting records, reading ahead), however many ask for it.

export interface OneAtATime<T> {
  /** The run under way, or a new one. */
  join(): Promise<T>;
  /** A new run: now, or once after the run under way (which may have begun before what the caller waits for), one for all who ask meanwhile. */
  again(): Promise<T>;
  /** The run waiting for the one under way, or the last one begun (under way or done). */
  latest(): Promise<T> | undefined;
  /** Resolves once no run is under way or waiting (a run's failure included). */
  idle(): Promise<void>;
}

export function oneAtATime<T>(run: () => Promise<T>): OneAtATime<T> {
  let running: Promise<T> | undefined;
  let waiting: Promise<T> | undefined;
  let last: Promise<T> | undefined;
  const join = (): Promise<T> => (running ??= last = run().finally(() => (running = undefined)));
  return {
    join,
    again: () =>
      running
        ? (waiting ??= running.catch(() => undefined).then(() => {
            waiting = undefined;
            return join();
          }))
        : join(),
    latest: () => waiting ?? last,
    async idle() {
      await waiting?.catch(() => undefined);
      await running?.catch(() => undefined);
    },
  };
}
