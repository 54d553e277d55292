// Exact duration figures (n, mean, nearest-rank p50/p90, max, share over a threshold) of a group of
// tickets, without keeping and sorting every value of a year. Values are whole seconds — roll-ups keep
// durations to the second — so a counting histogram over seconds is exact:
// - small mode: the values themselves in a growing Int32Array, counted (or, spread thin, sorted) at the end;
// - histogram mode, once a group has more than SMALL_LIMIT values: one counter per second from 0 to
//   4 h (HISTOGRAM_SECONDS), plus an exact list of the rare values above 4 h.
// Either way an accumulator holds at most ~58 KB (the overflow list aside), whatever the period.
// Past a few thousand values, one pass over the histogram (~14,400 counters) is cheaper than a sort.
import type { DurationStats } from '@yichuang/shared/reports';

/** Seconds 0…HISTOGRAM_SECONDS get a counter each; longer values go to the overflow list. */
export const HISTOGRAM_SECONDS = 4 * 3600;
/** Above this many values (8 KB of them) a group switches to its histogram (~58 KB). */
export const SMALL_LIMIT = 2048;

const SECOND = 1000;
/** Small groups whose largest value is below this many seconds per value are counted, not sorted. */
const COUNTING_SPREAD = 16;
/** Counters for counting a small group (fromValues); zero between uses. */
let scratch: Int32Array | null = null;
const EMPTY: DurationStats = { n: 0, mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };

/** Nearest-rank rank (1-based) of percentile p among n values. */
const rankOf = (p: number, n: number): number => Math.max(1, Math.ceil(p * n));

export class DurationAccumulator {
  /** Small mode: how many values, in values[0…size). */
  private size = 0;
  private values: Int32Array | null;
  /** Histogram mode: counts[s] = how many values were s seconds. */
  private counts: Int32Array | null = null;
  /** Histogram mode: the values above HISTOGRAM_SECONDS, exactly. */
  private readonly overflow: number[] = [];
  /**
   * Histogram mode: no counter above this one is set. Reading, adding and clearing stop there: a
   * service's or a station's seconds fill a small part of the 4 h of counters.
   */
  private top = 0;

  /** `expected`: how many values may come (at most); past smallLimit the accumulator starts as a histogram. */
  constructor(
    private readonly smallLimit = SMALL_LIMIT,
    expected = 0,
  ) {
    this.values = new Int32Array(Math.min(Math.max(8, expected), smallLimit));
    if (expected > smallLimit) this.toHistogram(new Int32Array(HISTOGRAM_SECONDS + 1));
  }

  /**
   * An accumulator in histogram mode over `counts` (HISTOGRAM_SECONDS + 1 zeros, e.g. a view into a
   * larger block): whoever passes it in may also count values up to HISTOGRAM_SECONDS into it directly,
   * and then says how far they went (countedUpTo).
   */
  static over(counts: Int32Array): DurationAccumulator {
    const acc = new DurationAccumulator();
    acc.toHistogram(counts);
    return acc;
  }

  /** Values counted straight into the counters (over) were at most `seconds`. */
  countedUpTo(seconds: number): void {
    this.top = Math.max(this.top, Math.min(seconds, HISTOGRAM_SECONDS));
  }

  /** Adds one value in whole, non-negative seconds. Sum, max and the rest are worked out in stats(). */
  add(seconds: number): void {
    const counts = this.counts;
    if (counts !== null) {
      if (seconds > HISTOGRAM_SECONDS) this.overflow.push(seconds);
      else {
        counts[seconds]!++;
        if (seconds > this.top) this.top = seconds;
      }
      return;
    }
    let values = this.values!;
    if (this.size === values.length) {
      if (this.size >= this.smallLimit) {
        this.toHistogram(new Int32Array(HISTOGRAM_SECONDS + 1));
        this.add(seconds);
        return;
      }
      const grown = new Int32Array(Math.min(values.length * 2, this.smallLimit));
      grown.set(values);
      this.values = values = grown;
    }
    values[this.size++] = seconds;
  }

  /** Adds every value of another accumulator (which is left as it was). */
  addAll(other: DurationAccumulator): void {
    if (other.counts === null) {
      for (let i = 0; i < other.size; i++) this.add(other.values![i]!);
      return;
    }
    if (this.counts === null) this.toHistogram(new Int32Array(HISTOGRAM_SECONDS + 1));
    const counts = this.counts!;
    for (let s = 0; s <= other.top; s++) counts[s]! += other.counts[s]!;
    this.top = Math.max(this.top, other.top);
    for (const v of other.overflow) this.overflow.push(v);
  }

  /** Forgets every value, keeping the mode and the memory, for the next group or duration. */
  clear(): void {
    this.counts?.fill(0, 0, this.top + 1);
    this.top = 0;
    this.overflow.length = 0;
    this.size = 0;
  }

  /** Moves the values so far into `counts` (zeros). */
  private toHistogram(counts: Int32Array): void {
    const values = this.values!;
    for (let i = 0; i < this.size; i++) {
      const v = values[i]!;
      if (v > HISTOGRAM_SECONDS) this.overflow.push(v);
      else {
        counts[v]!++;
        if (v > this.top) this.top = v;
      }
    }
    this.counts = counts;
    this.values = null;
    this.size = 0;
  }

  /** Whether the group has switched to its histogram (for tests). */
  get mode(): 'small' | 'histogram' {
    return this.counts ? 'histogram' : 'small';
  }

  /** How many values were added. */
  get count(): number {
    if (this.counts === null) return this.size;
    let n = this.overflow.length;
    for (let s = 0; s <= this.top; s++) n += this.counts[s]!;
    return n;
  }

  /** The figures, in milliseconds; a value counts as over the threshold when strictly above it. */
  stats(thresholdMs: number): DurationStats {
    // For whole seconds v: v × 1000 > thresholdMs ⇔ v > floor(thresholdMs / 1000).
    const limit = Math.floor(thresholdMs / SECOND);
    const f = this.counts ? this.fromHistogram(this.counts, limit) : this.size === 0 ? null : this.fromValues(this.size, limit);
    if (f === null) return { ...EMPTY };
    const n = f.n;
    return {
      n,
      mean: (f.sum * SECOND) / n,
      p50: f.p50 * SECOND,
      p90: f.p90 * SECOND,
      max: f.max * SECOND,
      overThreshold: (n - f.atOrBelow) / n,
    };
  }

  /**
   * Small mode. Values spread over few seconds for their number (a day's 2,000 waits, nearly all within
   * a couple of hours) are counted into a scratch histogram, read off up to the 90th percentile (the
   * rare values past 4 h sorted apart): ~4× faster than sorting them all. Others are sorted.
   */
  private fromValues(n: number, limit: number): Figures {
    const values = this.values!;
    let max = 0;
    let sum = 0;
    let atOrBelow = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      sum += v;
      if (v > max) max = v;
      if (v <= limit) atOrBelow++;
    }
    if (Math.min(max, HISTOGRAM_SECONDS) >= n * COUNTING_SPREAD) {
      const sorted = values.subarray(0, n).sort();
      return { n, sum, max, p50: sorted[rankOf(0.5, n) - 1]!, p90: sorted[rankOf(0.9, n) - 1]!, atOrBelow };
    }
    const counts = (scratch ??= new Int32Array(HISTOGRAM_SECONDS + 1));
    const over: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v <= HISTOGRAM_SECONDS) counts[v]!++;
      else over.push(v);
    }
    const r50 = rankOf(0.5, n);
    const r90 = rankOf(0.9, n);
    let p50 = -1;
    let p90 = -1;
    let seen = 0;
    for (let v = 0; v <= HISTOGRAM_SECONDS && p90 === -1; v++) {
      seen += counts[v]!;
      if (p50 === -1 && seen >= r50) p50 = v;
      if (seen >= r90) p90 = v;
    }
    if (p90 === -1) {
      over.sort((a, b) => a - b);
      if (p50 === -1) p50 = over[r50 - seen - 1]!;
      p90 = over[r90 - seen - 1]!;
    }
    for (let i = 0; i < n; i++) if (values[i]! <= HISTOGRAM_SECONDS) counts[values[i]!] = 0; // all zeros for the next group
    return { n, sum, max, p50, p90, atOrBelow };
  }

  /**
   * Histogram mode, null without values. One pass over the counters up to the top for n and sum
   * (without a branch per counter: most are zero, at random), split at the threshold for the values
   * within it; max from the top; then the sorted overflow; a second pass from the start that stops at
   * the 90th percentile.
   */
  private fromHistogram(counts: Int32Array, limit: number): Figures | null {
    const top = this.top;
    let n = 0;
    let sum = 0;
    const split = Math.min(limit, top);
    for (let s = 0; s <= split; s++) {
      const c = counts[s]!;
      n += c;
      sum += s * c;
    }
    let atOrBelow = n;
    for (let s = split + 1; s <= top; s++) {
      const c = counts[s]!;
      n += c;
      sum += s * c;
    }
    let max = top;
    while (max > 0 && counts[max] === 0) max--;
    const over = this.overflow.length === 0 ? this.overflow : [...this.overflow].sort((a, b) => a - b);
    for (const v of over) {
      n++;
      sum += v;
      max = v;
      if (v <= limit) atOrBelow = n;
    }
    if (n === 0) return null;
    const r50 = rankOf(0.5, n);
    const r90 = rankOf(0.9, n);
    let p50 = -1;
    let p90 = -1;
    let seen = 0;
    for (let s = 0; s <= top && p90 === -1; s++) {
      seen += counts[s]!;
      if (p50 === -1 && seen >= r50) p50 = s;
      if (seen >= r90) p90 = s;
    }
    if (p90 === -1) {
      if (p50 === -1) p50 = over[r50 - seen - 1]!;
      p90 = over[r90 - seen - 1]!;
    }
    return { n, sum, max, p50, p90, atOrBelow };
  }
}

interface Figures {
  n: number;
  sum: number;
  max: number;
  p50: number;
  p90: number;
  atOrBelow: number;
}
