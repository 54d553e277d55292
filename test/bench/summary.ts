// Percentile summaries of latency samples, in milliseconds (nearest rank, as the hub's reports).
import { percentile } from '../../hub/src/stats/figures.js';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

const ms = (x: number): number => Math.round(x * 100) / 100;

export function summary(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: ms(percentile(sorted, 0.5)), p99: ms(percentile(sorted, 0.99)), max: ms(sorted.at(-1) ?? 0) };
}
