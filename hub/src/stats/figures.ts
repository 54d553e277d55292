// Aggregates ticket and window facts into the report figures defined in the README (Metric definitions).
import { OUTCOMES, PAUSE_REASONS, type Outcome, type PauseReason } from '@yichuang/shared/domain';
import type { DurationStats, TicketFigures, WindowFigures } from '@yichuang/shared/reports';
import type { TicketFact, WindowFact } from './facts.js';

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

export function durationStats(values: readonly number[], thresholdMs: number): DurationStats {
  if (values.length === 0) return { n: 0, mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: total / sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    max: sorted[sorted.length - 1]!,
    overThreshold: sorted.filter((v) => v > thresholdMs).length / sorted.length,
  };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function ticketFigures(facts: readonly TicketFact[], thresholdMs: number): TicketFigures {
  const count = (end: TicketFact['end']): number => facts.filter((f) => f.end === end).length;
  const values = (key: 'wait' | 'totalWait' | 'walk' | 'service' | 'stay'): number[] =>
    facts.flatMap((f) => (f[key] === undefined ? [] : [f[key]]));
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, facts.filter((f) => f.outcome === o).length])) as Record<Outcome, number>;
  const finished = count('finished');
  const noShow = count('no-show');
  return {
    issued: facts.length,
    finished,
    noShow,
    cancelled: count('cancelled'),
    open: count('open'),
    transfers: facts.reduce((s, f) => s + f.transfers, 0),
    holds: facts.reduce((s, f) => s + f.holds, 0),
    noShowRate: ratio(noShow, facts.filter((f) => f.called).length),
    wait: durationStats(values('wait'), thresholdMs),
    totalWait: durationStats(values('totalWait'), thresholdMs),
    walk: durationStats(values('walk'), thresholdMs),
    service: durationStats(values('service'), thresholdMs),
    stay: durationStats(values('stay'), thresholdMs),
    outcomes,
    doneShare: ratio(outcomes.done, finished),
  };
}

export function windowFigures(facts: readonly WindowFact[]): WindowFigures {
  const openMs = facts.reduce((s, f) => s + f.openMs, 0);
  const servingMs = facts.reduce((s, f) => s + f.servingMs, 0);
  const pauseMs = Object.fromEntries(
    PAUSE_REASONS.map((r) => [r, facts.reduce((s, f) => s + (f.pauseMs[r] ?? 0), 0)]),
  ) as Record<PauseReason, number>;
  return { openMs, servingMs, utilisation: ratio(servingMs, openMs), pauseMs };
}

/** Groups rows by a key and computes figures per group. */
export function groupBy<T, R>(rows: readonly T[], key: (row: T) => string | undefined, figures: (rows: T[]) => R): Record<string, R> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(row);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, g]) => [k, figures(g)]));
}
