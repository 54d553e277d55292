// What a report needs of one service day, in the form it aggregates fastest: the ticket columns as
// typed arrays, ratings already counted by level per window and staff member, the day's case versions,
// appointment and kiosk facts. A past day never changes, so the stats service keeps these in memory
// (ReportDayCache): a busy day (2,000 tickets) takes about 140 KB, a year ~50 MB.
import { RATING_LEVELS, type RatingLevel } from '@yichuang/shared/ratings';
import type { TicketFigures } from '@yichuang/shared/reports';
import { emptyLevels } from './evaluation-figures.js';
import type { AppointmentFact, CaseFact, KioskFact, WindowFact } from './facts.js';
import { itemCounts, type DayItems, type ItemCounts } from './item-facts.js';
import { UNRATED, type DayRollup, type RatingTable, type REPORT_RATING_FIELDS, type ReportRollup } from './rollup.js';

/**
 * TicketTable's columns as a report reads them: the roll-up's own arrays, group keys widened to
 * Int32Array (one element type per column, so the report's inner loops stay monomorphic), the hour of
 * issue for its time, and no ticket numbers: ~45 bytes a ticket.
 */
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
  transfers: Int16Array;
  holds: Int16Array;
  /** Local hour of issue (0–23). */
  hour: Int8Array;
  wait: Int32Array;
  totalWait: Int32Array;
  walk: Int32Array;
  service: Int32Array;
  stay: Int32Array;
  uncalledWait: Int32Array;
}

/** Rating records of a place counted by level; 'unrated' = 未评价. */
export class RatingTally {
  readonly levels: Record<RatingLevel, number> = emptyLevels();
  unrated = 0;

  addTally(other: RatingTally): void {
    this.unrated += other.unrated;
    for (const l of RATING_LEVELS) this.levels[l] += other.levels[l];
  }

  /** From counters by level code (RatingTable.level) at `at`…`at + CODES`. */
  static ofCodes(counts: Int32Array, at: number): RatingTally {
    const tally = new RatingTally();
    RATING_LEVELS.forEach((l, code) => (tally.levels[l] = counts[at + code]!));
    tally.unrated = counts[at + UNRATED]!;
    return tally;
  }
}

/** Level codes of RatingTable.level: the five levels, then UNRATED. */
export const CODES = UNRATED + 1;

/** A day's rating records counted by level code (CODES counters a place): all of them, per window, per staff member. */
export interface RatingCounts {
  windowIds: string[];
  staffIds: string[];
  all: Int32Array;
  byWindow: Int32Array;
  byStaff: Int32Array;
}

/** A day as a month pack holds it (month-pack.ts): tickets as a report reads them (and their time of issue), ratings counted. */
export type PackedDay = Omit<ReportRollup, 'tickets' | 'ratings' | 'partial'> & { tickets: TicketColumns & { issued: Int32Array }; ratings: RatingCounts; memos: DayMemos };

export interface ReportDay {
  day: string;
  weekday: number;
  tickets: TicketColumns;
  windows: WindowFact[];
  ratings: RatingTally;
  ratingsByWindow: Map<string, RatingTally>;
  ratingsByStaff: Map<string, RatingTally>;
  cases: CaseFact[];
  appointments: AppointmentFact[];
  kiosks: KioskFact[];
  /** Its visits finished with a 事项 recorded, counted by item code (absent on days without). */
  items?: ItemCounts;
  /** The day's own figures by threshold, worked out once (a report's byDay). */
  figures: Map<number, TicketFigures>;
  /** The day's ticket counters per dimension (figures.ts), worked out once. */
  counts: Map<string, Int32Array>;
  /** Its tickets by hour of issue and its waits by bar of the report's distribution (report.ts daySpread), worked out once. */
  spread?: DaySpread;
}

export interface DaySpread {
  byHour: Int32Array;
  waitBars: Int32Array;
}

/** What a month pack keeps of a day's memos (report.ts dayMemos), so a first report after a start finds them made. */
export interface DayMemos {
  counts: Record<string, Int32Array>;
  figures: Array<[thresholdMs: number, figures: TicketFigures]>;
  spread: DaySpread;
}

/** Rating records counted by level per value of a dictionary column (window or staff). */
function countBy(t: ReportRollup['ratings'], ids: readonly string[], column: Int16Array): Int32Array {
  const counts = new Int32Array(ids.length * CODES);
  for (let i = 0; i < t.length; i++) counts[column[i]! * CODES + t.level[i]!]!++;
  return counts;
}

/** A roll-up's rating records counted, as a month pack stores them. */
export function ratingCounts(r: ReportRollup['ratings']): RatingCounts {
  const all = new Int32Array(CODES);
  for (let i = 0; i < r.length; i++) all[r.level[i]!]!++;
  return { windowIds: r.windowIds, staffIds: r.staffIds, all, byWindow: countBy(r, r.windowIds, r.window), byStaff: countBy(r, r.staffIds, r.staff) };
}

/** What a report reads of a whole roll-up (today's as it stands, one just rebuilt): as reportRollupOf reads it from the file. */
export function reportRollupFrom(r: DayRollup): ReportRollup {
  const { hall: _hall, seq: _seq, items, tickets: { number: _numbers, ...tickets }, ratings, ...rest } = r;
  return { ...rest, tickets, ...ratingsForReport(ratings, items) };
}

/** Of a day's ratings, who was rated how; its 事项 counted with them (the ratings' ticket numbers are needed for that alone). */
export function ratingsForReport(r: Pick<RatingTable, (typeof REPORT_RATING_FIELDS)[number] | 'number'>, items: DayItems | undefined): Pick<ReportRollup, 'ratings' | 'items'> {
  const ratings = { length: r.length, windowIds: r.windowIds, staffIds: r.staffIds, window: r.window, staff: r.staff, level: r.level };
  return { ratings, ...(items && { items: itemCounts(items, r) }) };
}


const talliesOf = (ids: readonly string[], counts: Int32Array): Map<string, RatingTally> => new Map(ids.map((id, k) => [id, RatingTally.ofCodes(counts, k * CODES)]));

/** A packed day's ticket columns but the time of issue (reports read its hour). */
const packedColumns = ({ issued: _issued, ...columns }: PackedDay['tickets']): TicketColumns => columns;

const isPacked = (d: ReportRollup | PackedDay): d is PackedDay => 'all' in d.ratings;

export function ticketColumns(t: ReportRollup['tickets']): TicketColumns {
  const hour = new Int8Array(t.length);
  for (let i = 0; i < t.length; i++) hour[i] = Math.floor(t.issued[i]! / 3600);
  return {
    length: t.length,
    categoryIds: t.categoryIds,
    windowIds: t.windowIds,
    staffIds: t.staffIds,
    category: new Int32Array(t.category),
    window: new Int32Array(t.window),
    staff: new Int32Array(t.staff),
    source: new Int32Array(t.source),
    priority: new Int32Array(t.priority),
    end: t.end,
    outcome: t.outcome,
    called: t.called,
    transfers: t.transfers,
    holds: t.holds,
    hour,
    wait: t.wait,
    totalWait: t.totalWait,
    walk: t.walk,
    service: t.service,
    stay: t.stay,
    uncalledWait: t.uncalledWait,
  };
}

/** A day's roll-up, or a day of a month pack (already in this form but for the tallies: nearly free), as a report reads it. */
export function reportDay(rollup: ReportRollup | PackedDay): ReportDay {
  const packed = isPacked(rollup);
  const tickets = packed ? packedColumns(rollup.tickets) : ticketColumns(rollup.tickets);
  const r = packed ? rollup.ratings : ratingCounts(rollup.ratings);
  return {
    day: rollup.day,
    weekday: rollup.weekday,
    tickets,
    windows: rollup.windows,
    ratings: RatingTally.ofCodes(r.all, 0),
    ratingsByWindow: talliesOf(r.windowIds, r.byWindow),
    ratingsByStaff: talliesOf(r.staffIds, r.byStaff),
    cases: rollup.cases,
    appointments: rollup.appointments,
    kiosks: rollup.kiosks,
    ...(rollup.items && { items: rollup.items }),
    figures: new Map(packed ? rollup.memos.figures : []),
    counts: new Map(packed ? Object.entries(rollup.memos.counts) : []),
    ...(packed && { spread: rollup.memos.spread }),
  };
}

/** Roughly what a ReportDay holds in memory, in bytes (objects at ~250 bytes each, as V8 keeps these small ones). */
export function reportDayBytes(d: ReportDay): number {
  const t = d.tickets;
  const columns = [t.category, t.window, t.staff, t.source, t.priority, t.end, t.outcome, t.called, t.transfers, t.holds, t.hour, t.wait, t.totalWait, t.walk, t.service, t.stay, t.uncalledWait];
  const arrays = columns.reduce((s, c) => s + c.byteLength + 100, 0);
  const ids = t.categoryIds.length + t.windowIds.length + t.staffIds.length;
  const tallies = 1 + d.ratingsByWindow.size + d.ratingsByStaff.size;
  const objects = 250 * (d.windows.length + d.cases.length + d.appointments.length + d.kiosks.length + Object.keys(d.items ?? {}).length);
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
