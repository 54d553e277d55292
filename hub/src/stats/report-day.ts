// What a report needs of one service day, in the form it aggregates fastest: the ticket columns as
// typed arrays (one element type per column, so the report's inner loop stays monomorphic), ratings
// already counted by level per window and staff member, and the day's cases. A past day never
// changes, so the stats service keeps these in memory (ReportDayCache): a busy day (2,000 tickets)
// takes about 190 KB (110 KB of columns, the rest mostly its bad-rating cases), a year ~70 MB.
import type { Case, Rating, RatingLevel } from '@yichuang/shared/ratings';
import type { TicketFigures } from '@yichuang/shared/reports';
import { emptyLevels } from './evaluation-figures.js';
import type { WindowFact } from './facts.js';
import type { DayRollup, TicketTable } from './rollup.js';

/** TicketTable's columns as typed arrays (NONE = -1 where a value is absent), without ticket numbers
 * and with the hour of issue for its time: ~55 bytes a ticket. */
export interface TicketColumns {
  length: number;
  categoryIds: string[];
  windowIds: string[];
  staffIds: string[];
  category: Int32Array;
  window: Int32Array;
  staff: Int32Array;
  source: Int32Array;
  priority: Int32Array;
  end: Int8Array;
  outcome: Int8Array;
  called: Int8Array;
  transfers: Int32Array;
  holds: Int32Array;
  /** Local hour of issue (0–23). */
  hour: Int8Array;
  wait: Int32Array;
  totalWait: Int32Array;
  walk: Int32Array;
  service: Int32Array;
  stay: Int32Array;
}

/** Rating records of a place counted by level; 'unrated' = 未评价. */
export class RatingTally {
  readonly levels: Record<RatingLevel, number> = emptyLevels();
  unrated = 0;

  add(level: RatingLevel | 'unrated', n = 1): void {
    if (level === 'unrated') this.unrated += n;
    else this.levels[level] += n;
  }

  addTally(other: RatingTally): void {
    this.unrated += other.unrated;
    for (const l of Object.keys(other.levels) as RatingLevel[]) this.levels[l] += other.levels[l];
  }
}

export interface ReportDay {
  day: string;
  weekday: number;
  tickets: TicketColumns;
  windows: WindowFact[];
  ratings: RatingTally;
  ratingsByWindow: Map<string, RatingTally>;
  ratingsByStaff: Map<string, RatingTally>;
  cases: Case[];
  /** The day's own figures by threshold, worked out once (a report's byDay). */
  figures: Map<number, TicketFigures>;
  /** The day's ticket counters per dimension (figures.ts), worked out once. */
  counts: Map<string, Int32Array>;
}

function tallyBy(ratings: readonly Rating[], key: (r: Rating) => string): Map<string, RatingTally> {
  const out = new Map<string, RatingTally>();
  for (const r of ratings) {
    const k = key(r);
    let t = out.get(k);
    if (!t) out.set(k, (t = new RatingTally()));
    t.add(r.level);
  }
  return out;
}

export function ticketColumns(t: TicketTable): TicketColumns {
  return {
    length: t.length,
    categoryIds: t.categoryIds,
    windowIds: t.windowIds,
    staffIds: t.staffIds,
    category: Int32Array.from(t.category),
    window: Int32Array.from(t.window),
    staff: Int32Array.from(t.staff),
    source: Int32Array.from(t.source),
    priority: Int32Array.from(t.priority),
    end: Int8Array.from(t.end),
    outcome: Int8Array.from(t.outcome),
    called: Int8Array.from(t.called),
    transfers: Int32Array.from(t.transfers),
    holds: Int32Array.from(t.holds),
    hour: Int8Array.from(t.issued, (s) => Math.floor(s / 3600)),
    wait: Int32Array.from(t.wait),
    totalWait: Int32Array.from(t.totalWait),
    walk: Int32Array.from(t.walk),
    service: Int32Array.from(t.service),
    stay: Int32Array.from(t.stay),
  };
}

export function reportDay(rollup: DayRollup): ReportDay {
  const ratings = new RatingTally();
  for (const r of rollup.ratings) ratings.add(r.level);
  return {
    day: rollup.day,
    weekday: rollup.weekday,
    tickets: ticketColumns(rollup.tickets),
    windows: rollup.windows,
    ratings,
    ratingsByWindow: tallyBy(rollup.ratings, (r) => r.windowId),
    ratingsByStaff: tallyBy(rollup.ratings, (r) => r.staffId),
    cases: rollup.cases,
    figures: new Map(),
    counts: new Map(),
  };
}

/** Roughly what a ReportDay holds in memory, in bytes. */
export function reportDayBytes(d: ReportDay): number {
  const t = d.tickets;
  const columns = [t.category, t.window, t.staff, t.source, t.priority, t.end, t.outcome, t.called, t.transfers, t.holds, t.hour, t.wait, t.totalWait, t.walk, t.service, t.stay];
  const arrays = columns.reduce((s, c) => s + c.byteLength + 100, 0);
  const ids = t.categoryIds.length + t.windowIds.length + t.staffIds.length;
  const tallies = 1 + d.ratingsByWindow.size + d.ratingsByStaff.size;
  // Objects by their JSON size, a fair proxy for V8's heap (~1–2×).
  const objects = 2 * (JSON.stringify(d.windows).length + JSON.stringify(d.cases).length);
  // Room for a few byDay figures and per-dimension counters, worked out later.
  return 1_000 + arrays + 50 * ids + 200 * tallies + objects + 10_000 + 60 * ids;
}

/**
 * Past days' ReportDays, within `maxBytes`: when full, the oldest service day goes first (reports
 * mostly look at recent periods; dropping the least recently used would empty the cache on every
 * report over a period longer than it holds). Only days that are over may be put here: their
 * roll-ups never change again.
 */
export class ReportDayCache {
  private readonly days = new Map<string, { day: ReportDay; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  get(day: string): ReportDay | undefined {
    return this.days.get(day)?.day;
  }

  set(day: ReportDay): void {
    this.delete(day.day);
    const bytes = reportDayBytes(day);
    this.days.set(day.day, { day, bytes });
    this.total += bytes;
    while (this.total > this.maxBytes && this.days.size > 0) {
      let oldest: string | undefined;
      for (const key of this.days.keys()) if (oldest === undefined || key < oldest) oldest = key;
      this.delete(oldest!);
    }
  }

  delete(day: string): void {
    const entry = this.days.get(day);
    if (!entry) return;
    this.days.delete(day);
    this.total -= entry.bytes;
  }

  get size(): { days: number; bytes: number } {
    return { days: this.days.size, bytes: this.total };
  }
}
