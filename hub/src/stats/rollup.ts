// One service day's facts, as stored in <dataDir>/rollups/YYYY-MM-DD.json.
//
// The ticket fact table is columnar: one array per field, one entry per ticket, ids replaced by
// indexes into per-day dictionaries and fixed lists of codes, durations in whole seconds. A busy day's
// tickets (2,000) take about 115 KB instead of ~1 MB as one pretty-printed JSON object per ticket
// (roll-up version 2). Durations are kept to the second: every report figure is exact at one-second
// resolution (the engine's clock has milliseconds; reports show minutes).
import { OUTCOMES, type PriorityClass, type TicketSource } from '@yichuang/shared/domain';
import type { Case, Rating } from '@yichuang/shared/ratings';
import type { TicketEnd, TicketFact, WindowFact } from './facts.js';

/** Bumped when the shape changes: a stored roll-up of another version is rebuilt from its journal. */
export const ROLLUP_VERSION = 4;

/** Codes of the small-int columns: a row stores the index into these lists. Append only. */
export const SOURCES = ['kiosk', 'appointment', 'staff', 'terminal24', 'phone'] as const satisfies readonly TicketSource[];
export const PRIORITIES = ['normal', 'appointment', 'green'] as const satisfies readonly PriorityClass[];
export const ENDS = ['finished', 'no-show', 'cancelled', 'open'] as const satisfies readonly TicketEnd[];

// A value added to one of the unions above but not to its list fails to compile here.
type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;
const exhaustive: [Exhaustive<TicketSource, typeof SOURCES>, Exhaustive<PriorityClass, typeof PRIORITIES>, Exhaustive<TicketEnd, typeof ENDS>] = [true, true, true];
void exhaustive;

/** Absent duration, outcome, window or staff. */
export const NONE = -1;

/** Columns whose values are whole seconds, NONE where the ticket never reached that step. */
export const DURATION_KEYS = ['wait', 'totalWait', 'walk', 'service', 'stay'] as const;
export type DurationKey = (typeof DURATION_KEYS)[number];

/** The day's tickets in issue order, one array per field, all of the same `length`. */
export interface TicketTable {
  length: number;
  /** Per-day dictionaries: the `category`, `window` and `staff` columns hold indexes into them. */
  categoryIds: string[];
  windowIds: string[];
  staffIds: string[];
  number: string[];
  /** Category of issue (a transfer does not move it). */
  category: number[];
  /** Index into SOURCES, PRIORITIES, ENDS; OUTCOMES or NONE. */
  source: number[];
  priority: number[];
  end: number[];
  outcome: number[];
  /** Window and staff that finished the visit (or last handled it), or NONE. */
  window: number[];
  staff: number[];
  /** Issue time by the hall's clock: seconds since local midnight (its hour is issued / 3600). */
  issued: number[];
  /** 1 if the ticket was ever called, else 0. */
  called: number[];
  transfers: number[];
  holds: number[];
  wait: number[];
  totalWait: number[];
  walk: number[];
  service: number[];
  stay: number[];
}

export interface DayRollup {
  v: typeof ROLLUP_VERSION;
  hall: string;
  day: string;
  /** Journal sequence number of the last event included. */
  seq: number;
  /** The service day's weekday (0 = Sunday): every ticket of the day was issued on it. */
  weekday: number;
  tickets: TicketTable;
  windows: WindowFact[];
  /** The day's ratings and 未评价 records, with the national fields. */
  ratings: Rating[];
  /** Bad-rating cases opened or moved on this day, as they stood at its end (the latest version wins in reports). */
  cases: Case[];
}

const SECOND = 1000;
/** Milliseconds to whole seconds (nearest). */
const toSeconds = (ms: number): number => Math.round(ms / SECOND);

function code<T>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  if (i === -1) throw new Error(`roll-up: no code for ${String(value)}`);
  return i;
}

/** Interns ids into a dictionary, in order of first appearance. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(id: string | undefined): number {
    if (id === undefined) return NONE;
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

export function encodeTickets(facts: readonly TicketFact[]): TicketTable {
  const categories = new Dictionary();
  const windows = new Dictionary();
  const staff = new Dictionary();
  const category = facts.map((f) => categories.of(f.category));
  const window = facts.map((f) => windows.of(f.window));
  const staffIndex = facts.map((f) => staff.of(f.staff));
  const duration = (key: DurationKey): number[] => facts.map((f) => (f[key] === undefined ? NONE : toSeconds(f[key])));
  return {
    length: facts.length,
    categoryIds: categories.values,
    windowIds: windows.values,
    staffIds: staff.values,
    number: facts.map((f) => f.number),
    category,
    source: facts.map((f) => code(SOURCES, f.source)),
    priority: facts.map((f) => code(PRIORITIES, f.priority)),
    end: facts.map((f) => code(ENDS, f.end)),
    outcome: facts.map((f) => (f.outcome === undefined ? NONE : code(OUTCOMES, f.outcome))),
    window,
    staff: staffIndex,
    issued: facts.map((f) => f.issued),
    called: facts.map((f) => (f.called ? 1 : 0)),
    transfers: facts.map((f) => f.transfers),
    holds: facts.map((f) => f.holds),
    wait: duration('wait'),
    totalWait: duration('totalWait'),
    walk: duration('walk'),
    service: duration('service'),
    stay: duration('stay'),
  };
}

/** The table back as one fact per ticket (durations in milliseconds, whole seconds), for drill-down and tests. */
export function decodeTickets(t: TicketTable): TicketFact[] {
  const rows: TicketFact[] = [];
  for (let i = 0; i < t.length; i++) {
    const fact: TicketFact = {
      number: t.number[i]!,
      category: t.categoryIds[t.category[i]!]!,
      source: SOURCES[t.source[i]!]!,
      priority: PRIORITIES[t.priority[i]!]!,
      issued: t.issued[i]!,
      end: ENDS[t.end[i]!]!,
      called: t.called[i] === 1,
      transfers: t.transfers[i]!,
      holds: t.holds[i]!,
    };
    if (t.window[i] !== NONE) fact.window = t.windowIds[t.window[i]!]!;
    if (t.staff[i] !== NONE) fact.staff = t.staffIds[t.staff[i]!]!;
    if (t.outcome[i] !== NONE) fact.outcome = OUTCOMES[t.outcome[i]!]!;
    for (const key of DURATION_KEYS) {
      const s = t[key][i]!;
      if (s !== NONE) fact[key] = s * SECOND;
    }
    rows.push(fact);
  }
  return rows;
}
