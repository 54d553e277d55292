// The duration accumulator against the plain definition (sort everything, nearest rank), in both modes.
import { describe, expect, it } from 'vitest';
import type { DurationStats } from '@yichuang/shared/reports';
import { DurationAccumulator, HISTOGRAM_SECONDS, SMALL_LIMIT } from './duration-accumulator.js';

const MINUTE = 60_000;
const HOUR_S = 3600;

/** README, "Metric definitions", computed the obvious way: every value kept and sorted. */
function reference(seconds: readonly number[], thresholdMs: number): DurationStats {
  if (seconds.length === 0) return { n: 0, mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };
  const ms = seconds.map((s) => s * 1000).sort((a, b) => a - b);
  const at = (p: number): number => ms[Math.max(1, Math.ceil(p * ms.length)) - 1]!;
  return {
    n: ms.length,
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
    p50: at(0.5),
    p90: at(0.9),
    max: ms[ms.length - 1]!,
    overThreshold: ms.filter((v) => v > thresholdMs).length / ms.length,
  };
}

function accumulate(seconds: readonly number[], smallLimit = SMALL_LIMIT): DurationAccumulator {
  const acc = new DurationAccumulator(smallLimit);
  for (const s of seconds) acc.add(s);
  return acc;
}

/** Deterministic pseudo-random waits: mostly minutes, a tail of hours, some past 4 h. */
function waits(n: number, seed: number): number[] {
  let x = seed;
  const next = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => {
    const r = next();
    if (r < 0.01) return HISTOGRAM_SECONDS + Math.floor(next() * 6 * HOUR_S); // beyond the histogram
    if (r < 0.05) return Math.floor(next() * HISTOGRAM_SECONDS);
    return Math.floor(-Math.log(1 - next()) * 12 * 60);
  });
}

describe('duration accumulator', () => {
  it('gives the README example: waits 5, 7, 8, 21, 22 min → p50 8, p90 22, 2 of 5 over 20 min', () => {
    const stats = accumulate([5, 7, 8, 21, 22].map((m) => m * 60)).stats(20 * MINUTE);
    expect(stats).toEqual({ n: 5, mean: (63 / 5) * MINUTE, p50: 8 * MINUTE, p90: 22 * MINUTE, max: 22 * MINUTE, overThreshold: 2 / 5 });
  });

  it('reports an empty group as zeros, in either mode', () => {
    const empty = { n: 0, mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };
    expect(new DurationAccumulator().stats(30 * MINUTE)).toEqual(empty);
    expect(DurationAccumulator.over(new Int32Array(HISTOGRAM_SECONDS + 1)).stats(30 * MINUTE)).toEqual(empty);
    expect(new DurationAccumulator(SMALL_LIMIT, SMALL_LIMIT + 1).stats(30 * MINUTE)).toEqual(empty);
  });

  it('switches to its histogram past the small limit, with the same figures as keeping every value', () => {
    for (const [n, seed] of [[1, 1], [2, 2], [10, 3], [SMALL_LIMIT, 4], [SMALL_LIMIT + 1, 5], [20_000, 6]] as const) {
      const values = waits(n, seed);
      const small = accumulate(values, Infinity);
      const histogram = accumulate(values, 0);
      const mixed = accumulate(values);
      expect(small.mode).toBe('small');
      expect(histogram.mode).toBe('histogram');
      expect(mixed.mode).toBe(n > SMALL_LIMIT ? 'histogram' : 'small');
      for (const thresholdMs of [0, 1, 999, 1000, 30 * MINUTE, 30 * MINUTE + 500, 5 * 60 * MINUTE, 24 * 60 * MINUTE]) {
        const expected = reference(values, thresholdMs);
        expect(small.stats(thresholdMs)).toEqual(expected);
        expect(histogram.stats(thresholdMs)).toEqual(expected);
        expect(mixed.stats(thresholdMs)).toEqual(expected);
      }
    }
  });

  it('counts a small group spread over few seconds (a day of waits) with the same figures as sorting it', () => {
    // Counted, not sorted (a few past 4 h apart); one group after another, as a report's days are.
    for (const [n, seed, wrap] of [[2000, 10, Infinity], [300, 11, 2 * HOUR_S], [2000, 12, 2 * HOUR_S], [40, 13, HOUR_S / 2], [1, 14, Infinity]] as const) {
      const values = waits(n, seed).map((v) => v % wrap);
      for (const thresholdMs of [0, 30 * MINUTE, 30 * MINUTE + 500, 3 * 60 * MINUTE]) {
        expect(accumulate(values, Infinity).stats(thresholdMs)).toEqual(reference(values, thresholdMs));
      }
    }
  });

  it('keeps values above 4 h exactly: as max, as percentiles, and against a threshold above 4 h', () => {
    const h = HISTOGRAM_SECONDS;
    // 10 values, 3 of them past the histogram: p50 is the 5th value, p90 the 9th.
    const values = [60, 120, 180, 240, h, h + 1, 5 * HOUR_S + 7, 9 * HOUR_S, 10 * HOUR_S + 1, 300];
    const histogram = accumulate(values, 0);
    const stats = histogram.stats(5 * 60 * MINUTE); // 5 h: only the 9 h and 10 h waits are over it
    expect(stats).toEqual(reference(values, 5 * 60 * MINUTE));
    expect(stats).toMatchObject({ n: 10, p50: 300_000, p90: 9 * HOUR_S * 1000, max: (10 * HOUR_S + 1) * 1000, overThreshold: 3 / 10 });
    expect(histogram.stats(h * 1000)).toMatchObject({ overThreshold: 4 / 10 }); // strictly above 4 h: h + 1 and beyond
    expect(accumulate([h + 50, h + 10], 0).stats(0)).toEqual(reference([h + 50, h + 10], 0)); // nothing in the counters
  });

  it('merges groups (a dimension whose groups add up to the total) with the same figures', () => {
    const parts = [waits(100, 7), waits(5000, 8), waits(3, 9), []];
    const all = parts.flat();
    for (const order of [parts, [...parts].reverse()]) {
      const sum = new DurationAccumulator();
      for (const p of order) sum.addAll(accumulate(p));
      expect(sum.count).toBe(all.length);
      expect(sum.stats(30 * MINUTE)).toEqual(reference(all, 30 * MINUTE));
    }
    // A histogram over a caller's buffer, counted into directly (up to the second it says) and through add().
    const counts = new Int32Array(HISTOGRAM_SECONDS + 1);
    const acc = DurationAccumulator.over(counts);
    counts[90]! += 2;
    acc.countedUpTo(90);
    acc.add(HISTOGRAM_SECONDS + 1);
    acc.add(60);
    expect(acc.stats(0)).toEqual(reference([60, 90, 90, HISTOGRAM_SECONDS + 1], 0));
    const merged = new DurationAccumulator();
    merged.addAll(acc);
    merged.addAll(accumulate([3000, 3001]));
    expect(merged.stats(0)).toEqual(reference([60, 90, 90, 3000, 3001, HISTOGRAM_SECONDS + 1], 0));
  });
  it('reads, merges and clears its counters up to the highest second counted, however it was counted', () => {
    const counts = new Int32Array(HISTOGRAM_SECONDS + 1);
    const acc = DurationAccumulator.over(counts);
    counts[5000]!++;
    counts[7]!++;
    acc.countedUpTo(5000);
    expect(acc.stats(0)).toEqual(reference([7, 5000], 0));
    acc.clear();
    expect(counts.every((c) => c === 0)).toBe(true);
    counts[12]!++;
    acc.countedUpTo(12);
    acc.add(3);
    expect(acc.stats(0)).toEqual(reference([3, 12], 0));
    // A value counted up to where the buffer ends.
    counts[HISTOGRAM_SECONDS]!++;
    acc.countedUpTo(HISTOGRAM_SECONDS + 100);
    expect(acc.stats(0)).toEqual(reference([3, 12, HISTOGRAM_SECONDS], 0));
  });
  it('is reused after clear(): the next values alone, in either mode, whatever the one before held', () => {
    const first = waits(5000, 11);
    const second = waits(700, 12);
    for (const acc of [new DurationAccumulator(), new DurationAccumulator(SMALL_LIMIT, 5000), DurationAccumulator.over(new Int32Array(HISTOGRAM_SECONDS + 1))]) {
      for (const s of first) acc.add(s);
      acc.clear();
      expect(acc.stats(0)).toEqual(reference([], 0));
      for (const s of second) acc.add(s);
      expect(acc.count).toBe(second.length);
      expect(acc.stats(30 * MINUTE)).toEqual(reference(second, 30 * MINUTE));
    }
  });
});
