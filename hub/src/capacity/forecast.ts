// Expected arrivals per category and 30-minute slot for a chosen day, from the hall's own history
// (README "Staffing advice"). Explainable by design: the mean of the same slot on the last few days of
// the same kind (same weekday; holidays with holidays), times one ratio per working-day effect measured
// on the past days that had it. Pure: the history comes in, nothing is read.
import { SLOT_MIN, type DayEffect } from '@yichuang/shared/capacity';
import type { WorkCalendar } from '../engine/working-days.js';
import { dayKind, type DayKind } from './day-kind.js';

export const SLOTS = (24 * 60) / SLOT_MIN;

/** One past day's arrivals: per category, SLOTS counts (tickets issued in each slot). */
export interface DayCounts {
  day: string;
  counts: Record<string, readonly number[]>;
}

export interface SlotForecast {
  mean: number;
  /** 80% prediction interval. */
  low: number;
  high: number;
}

export interface DayForecast {
  day: string;
  kind: DayKind;
  /** The past days the baseline is the mean of, most recent first. */
  basis: string[];
  factor: number;
  byCategory: Record<string, SlotForecast[]>;
}

/** Peers averaged: two months of one weekday; fewer when the history is shorter. */
export const PEERS = 8;
/** z of a two-sided 80% interval. */
const Z80 = 1.2816;
/** An effect's ratio counts this many ordinary days (ratio 1) among its samples: few samples, small move. */
const PRIOR_DAYS = 1;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export class Forecaster {
  private readonly kinds = new Map<string, DayKind>();
  private readonly totals = new Map<string, number>();
  private readonly baselineTotals = new Map<string, number | null>();

  /** `history`: days with data, oldest first. */
  constructor(
    private readonly history: readonly DayCounts[],
    private readonly calendar: WorkCalendar,
  ) {
    for (const d of history) {
      this.kinds.set(d.day, dayKind(d.day, calendar));
      this.totals.set(d.day, sum(Object.values(d.counts).map(sum)));
    }
  }

  kindOf(day: string): DayKind {
    return this.kinds.get(day) ?? dayKind(day, this.calendar);
  }

  /** Whether `d` (a past day) is a peer of a day of kind `k`: same weekday and kind, no effects. */
  private isPeer(d: DayKind, k: DayKind): boolean {
    if (k.working) {
      if (!d.working || d.effects.length > 0) return false;
      // A make-up workday falls on a weekend: any ordinary working day stands for it.
      return k.effects.includes('makeup') || d.weekday === k.weekday;
    }
    if (k.holiday) return d.holiday;
    return !d.working && !d.holiday && d.weekday === k.weekday;
  }

  /** The last PEERS days before `day` of its kind, most recent first. */
  peers(day: string, kind = this.kindOf(day)): DayCounts[] {
    const out: DayCounts[] = [];
    for (let i = this.history.length - 1; i >= 0 && out.length < PEERS; i--) {
      const d = this.history[i]!;
      if (d.day < day && this.isPeer(this.kinds.get(d.day)!, kind)) out.push(d);
    }
    return out;
  }

  /** The peers' mean total of a past day (memoized: it only depends on the days before it). */
  private baselineTotal(day: string): number | null {
    if (!this.baselineTotals.has(day)) {
      const peers = this.peers(day);
      this.baselineTotals.set(day, peers.length ? sum(peers.map((p) => this.totals.get(p.day)!)) / peers.length : null);
    }
    return this.baselineTotals.get(day)!;
  }

  /**
   * The ratio for one effect, from the days before `day` that had it: their arrivals over their
   * baselines, with PRIOR_DAYS ordinary days among them.
   */
  effectRatio(effect: DayEffect, day: string): number {
    let actual = 0;
    let base = 0;
    let n = 0;
    for (const d of this.history) {
      if (d.day >= day) break;
      if (!this.kinds.get(d.day)!.effects.includes(effect)) continue;
      const b = this.baselineTotal(d.day);
      if (b === null || b <= 0) continue;
      actual += this.totals.get(d.day)!;
      base += b;
      n++;
    }
    if (n === 0) return 1;
    const prior = (PRIOR_DAYS * base) / n;
    return (actual + prior) / (base + prior);
  }

  forecast(day: string, categories: readonly string[]): DayForecast {
    const kind = this.kindOf(day);
    const peers = this.peers(day, kind);
    const factor = kind.effects.reduce((f, e) => f * this.effectRatio(e, day), 1);
    const byCategory: Record<string, SlotForecast[]> = {};
    for (const c of categories) {
      byCategory[c] = Array.from({ length: SLOTS }, (_, s) => slotForecast(peers.map((p) => p.counts[c]?.[s] ?? 0), factor));
    }
    return { day, kind, basis: peers.map((p) => p.day), factor, byCategory };
  }
}

/**
 * The peers' mean × factor, with an interval from their spread: a new day varies like the peers did
 * (at least as much as Poisson counts do), plus the uncertainty of their mean.
 */
function slotForecast(xs: readonly number[], factor: number): SlotForecast {
  const n = xs.length;
  if (n === 0) return { mean: 0, low: 0, high: 0 };
  const m = sum(xs) / n;
  const variance = n > 1 ? sum(xs.map((x) => (x - m) ** 2)) / (n - 1) : m;
  const sd = factor * Math.sqrt(Math.max(variance, m) * (1 + 1 / n));
  const mean = factor * m;
  return { mean, low: Math.max(0, mean - Z80 * sd), high: mean + Z80 * sd };
}
