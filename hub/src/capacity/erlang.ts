// The M/M/c queue (Erlang C): c windows, Poisson arrivals, exponential service times, one queue served
// first come first served. Pure arithmetic; README "Staffing advice" says where its assumptions are weak.

/** Offered load in erlangs: arrivals per minute × mean service minutes (the windows kept busy on average). */
export const offeredLoad = (arrivalsPerMin: number, serviceMin: number): number => arrivalsPerMin * serviceMin;

/**
 * Erlang C: the chance an arrival has to wait at all, with `c` windows and load `a` (< c). Through
 * Erlang B's recursion, which stays finite for any c (the textbook sum of a^k/k! overflows past c ≈ 170).
 */
export function waitProbability(c: number, a: number): number {
  if (a <= 0) return 0;
  if (c <= a) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** Mean wait in minutes, or Infinity when the windows cannot keep up (load ≥ c: the queue only grows). */
export function meanWaitMin(c: number, arrivalsPerMin: number, serviceMin: number): number {
  const a = offeredLoad(arrivalsPerMin, serviceMin);
  if (a <= 0) return 0;
  if (c <= a) return Infinity;
  return (waitProbability(c, a) * serviceMin) / (c - a);
}

/** P(wait ≤ t minutes): 1 − C·e^(−(c − a)·t / S). */
export function shareWithin(c: number, arrivalsPerMin: number, serviceMin: number, tMin: number): number {
  const a = offeredLoad(arrivalsPerMin, serviceMin);
  if (a <= 0) return 1;
  if (c <= a) return 0;
  return 1 - waitProbability(c, a) * Math.exp((-(c - a) * tMin) / serviceMin);
}

/** Never answer more windows than this: a slot that would need more is bad input, not advice. */
const MAX_WINDOWS = 500;

/** The fewest windows with at least `share` of waits ≤ `targetMin` (0 with no arrivals). */
export function windowsNeeded(arrivalsPerMin: number, serviceMin: number, targetMin: number, share: number): number {
  const a = offeredLoad(arrivalsPerMin, serviceMin);
  if (a <= 0) return 0;
  for (let c = Math.max(1, Math.floor(a) + 1); c <= MAX_WINDOWS; c++) {
    if (shareWithin(c, arrivalsPerMin, serviceMin, targetMin) >= share) return c;
  }
  return MAX_WINDOWS;
}
