// What the staffing advice needs of one day's roll-up: arrivals per category and slot, and each
// category's service and wait times (sums, for means and spread), read off the ticket table's columns.
import { SLOT_MIN } from '@yichuang/shared/capacity';
import { NONE, type TicketTable } from '../stats/rollup.js';
import { SLOTS, type DayCounts } from './forecast.js';

export interface Moments {
  n: number;
  /** Seconds. */
  sum: number;
  sumSq: number;
}

export interface DaySummary extends DayCounts {
  counts: Record<string, number[]>;
  service: Record<string, Moments>;
  wait: Record<string, Moments>;
}

export const emptyMoments = (): Moments => ({ n: 0, sum: 0, sumSq: 0 });

export function addMoments(into: Moments, m: Moments): void {
  into.n += m.n;
  into.sum += m.sum;
  into.sumSq += m.sumSq;
}

export function daySummary(day: string, tickets: Omit<TicketTable, 'number'>): DaySummary {
  const out: DaySummary = { day, counts: {}, service: {}, wait: {} };
  for (let i = 0; i < tickets.length; i++) {
    const c = tickets.categoryIds[tickets.category[i]!]!;
    const slot = Math.min(SLOTS - 1, Math.floor(tickets.issued[i]! / 60 / SLOT_MIN));
    (out.counts[c] ??= new Array<number>(SLOTS).fill(0))[slot]!++;
    add((out.service[c] ??= emptyMoments()), tickets.service[i]!);
    add((out.wait[c] ??= emptyMoments()), tickets.wait[i]!);
  }
  return out;
}

function add(m: Moments, seconds: number): void {
  if (seconds === NONE) return;
  m.n++;
  m.sum += seconds;
  m.sumSq += seconds * seconds;
}
