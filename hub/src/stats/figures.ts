// Aggregates ticket and window facts into the report figures defined in the README (Metric definitions).
import { OUTCOMES, PAUSE_REASONS, type Outcome, type PauseReason } from '@yichuang/shared/domain';
import type { DurationStats, TicketFigures, WindowFigures } from '@yichuang/shared/reports';
import { DurationAccumulator, HISTOGRAM_SECONDS, SMALL_LIMIT } from './duration-accumulator.js';
import type { TicketEnd, WindowFact } from './facts.js';
import type { ReportDay, TicketColumns } from './report-day.js';
import { DURATION_KEYS, ENDS, NONE } from './rollup.js';

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** a / b, 0 when there is no b. */
export const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** One way of grouping a day's tickets: a key column (NONE = in no group) and the ids its values stand for. */
export interface Dimension {
  /** Names the day's memo of its counts by this dimension (dimensions with the same key column may share it). */
  name: string;
  key(t: TicketColumns): Int32Array;
  ids(d: ReportDay): readonly string[];
}

let zeros = new Int32Array(0);
/** Every ticket of a day in one group, named by the day: each day's own figures. */
export const DAY: Dimension = {
  name: 'day',
  key: (t) => {
    if (zeros.length < t.length) zeros = new Int32Array(Math.max(t.length, 2 * zeros.length));
    return zeros;
  },
  ids: (d) => [d.day],
};

// Counters of a group, side by side in an Int32Array: issued, called, transfers, holds, then one per
// ENDS code and one per OUTCOMES code.
const ISSUED = 0;
const CALLED = 1;
const TRANSFERS = 2;
const HOLDS = 3;
const ENDS_AT = 4;
const OUTCOMES_AT = ENDS_AT + ENDS.length;
const COUNTERS = OUTCOMES_AT + OUTCOMES.length;
/** Counters of a histogram: one per second, 0…HISTOGRAM_SECONDS. */
const BINS = HISTOGRAM_SECONDS + 1;

/** A day's counters per group of a dimension (group g at g × COUNTERS), worked out once per day. */
export function dayCounts(d: ReportDay, dim: Dimension): Int32Array {
  let counts = d.counts.get(dim.name);
  if (counts) return counts;
  const t = d.tickets;
  const key = dim.key(t);
  const { end, called, transfers, holds, outcome } = t;
  counts = new Int32Array(dim.ids(d).length * COUNTERS);
  for (let i = 0; i < t.length; i++) {
    const k = key[i]!;
    if (k === NONE) continue;
    const at = k * COUNTERS;
    counts[at + ISSUED]!++;
    counts[at + CALLED]! += called[i]!;
    counts[at + TRANSFERS]! += transfers[i]!;
    counts[at + HOLDS]! += holds[i]!;
    counts[at + ENDS_AT + end[i]!]!++;
    const o = outcome[i]!;
    if (o !== NONE) counts[at + OUTCOMES_AT + o]!++;
  }
  d.counts.set(dim.name, counts);
  return counts;
}

function figuresOf(counts: ArrayLike<number>, at: number, durations: readonly DurationStats[]): TicketFigures {
  const ended = (e: TicketEnd): number => counts[at + ENDS_AT + ENDS.indexOf(e)]!;
  return ticketFigures(
    {
      issued: counts[at + ISSUED]!,
      finished: ended('finished'),
      noShow: ended('no-show'),
      cancelled: ended('cancelled'),
      open: ended('open'),
      transfers: counts[at + TRANSFERS]!,
      holds: counts[at + HOLDS]!,
      called: counts[at + CALLED]!,
      outcomes: Object.fromEntries(OUTCOMES.map((o, i) => [o, counts[at + OUTCOMES_AT + i]!])) as Record<Outcome, number>,
    },
    durations,
  );
}

/** What a group of tickets counts, however it was counted (the hall's roll-ups, the district's SQL); `called`: at least once, the no-show rate's base. */
export type TicketCounts = Pick<TicketFigures, 'issued' | 'finished' | 'noShow' | 'cancelled' | 'open' | 'transfers' | 'holds' | 'outcomes'> & { called: number };

/** A group's figures from its counts and its durations (in DURATION_KEYS order): the rates defined once. */
export function ticketFigures(c: TicketCounts, durations: readonly DurationStats[]): TicketFigures {
  const [wait, totalWait, walk, service, stay, uncalledWait] = durations as [DurationStats, DurationStats, DurationStats, DurationStats, DurationStats, DurationStats];
  return {
    issued: c.issued,
    finished: c.finished,
    noShow: c.noShow,
    cancelled: c.cancelled,
    open: c.open,
    transfers: c.transfers,
    holds: c.holds,
    noShowRate: ratio(c.noShow, c.called),
    wait,
    totalWait,
    walk,
    service,
    stay,
    uncalledWait,
    outcomes: c.outcomes,
    doneShare: ratio(c.outcomes.done, c.finished),
  };
}

/** The figures of no ticket at all. */
export const emptyFigures = (thresholdMs: number): TicketFigures =>
  figuresOf(new Int32Array(COUNTERS), 0, DURATION_KEYS.map(() => new DurationAccumulator().stats(thresholdMs)));

export interface GroupFigures {
  /** Per group with any ticket. */
  groups: Map<string, TicketFigures>;
  /** With `withSum`: all grouped tickets together — the total, for a dimension that puts every ticket in a group. */
  sum?: TicketFigures;
}

/** Adds a day's counters per group (`day`, its group k at k × COUNTERS) to the period's group `group[k]` and to the sum after the `groups`. */
function addCounts(counts: Float64Array, day: Int32Array, group: Int32Array, groups: number): void {
  for (let k = 0; k < group.length; k++) {
    for (let c = 0; c < COUNTERS; c++) {
      counts[group[k]! * COUNTERS + c]! += day[k * COUNTERS + c]!;
      counts[groups * COUNTERS + c]! += day[k * COUNTERS + c]!;
    }
  }
}

/** Where each ticket's values go, per dimension (slotsOf): reused, grown as needed, so a report allocates none. */
let slotBuffer = new Int32Array(0);

/**
 * Counts a day's duration column into its groups by the tickets' slots (slotsOf, from `from` on): a
 * big group's histogram in `block`, the others' accumulators. The hot loop of a report, on its own so
 * that it is optimised once and stays so (as addCounts): inlined in figuresBy, each new kind of
 * dimension or group threw the whole function's optimised code away, and a cold year report spent more
 * time re-optimising than counting.
 */
function countColumn(column: Int32Array, length: number, slots: Int32Array, from: number, block: Int32Array, bigGroup: Int32Array, accumulators: readonly DurationAccumulator[]): void {
  for (let i = 0; i < length; i++) {
    const v = column[i]!;
    if (v === NONE) continue;
    const at = slots[from + i]!;
    if (at >= 0) {
      if (v < BINS) block[at + v]!++;
      else accumulators[bigGroup[(at / BINS) | 0]!]!.add(v);
    } else if (at !== NONE) accumulators[SMALL - at]!.add(v);
  }
}

/** Each duration column's largest value of a day's tickets (NONE without any), in DURATION_KEYS order: columns never change, so worked out once. */
const columnTops = new WeakMap<TicketColumns, Int32Array>();
export function topsOf(t: TicketColumns): Int32Array {
  let tops = columnTops.get(t);
  if (tops) return tops;
  tops = Int32Array.from(DURATION_KEYS, (name) => {
    const column = t[name];
    let top = NONE;
    for (let i = 0; i < t.length; i++) if (column[i]! > top) top = column[i]!;
    return top;
  });
  columnTops.set(t, tops);
  return tops;
}

/** Small group g's slot is SMALL − g (below NONE); a big group's, its histogram's offset in the block (≥ 0). */
const SMALL = NONE - 1;

/**
 * Ticket figures of the days' tickets per group of one dimension, groups with no ticket left out.
 * One duration at a time: only one duration accumulator per group is alive at once, reused for the
 * next duration, so the memory a report needs is bounded by the largest dimension (e.g. 80 staff ×
 * ~58 KB), whatever the period. Each ticket's group and its histogram are looked up once, into its
 * slot, for the six durations; each inner loop is then a tight pass over typed arrays.
 */
export function figuresBy(days: readonly ReportDay[], dim: Dimension, thresholdMs: number, withSum = false): GroupFigures {
  const index = new Map<string, number>();
  const groupOf = (id: string): number => {
    let g = index.get(id);
    if (g === undefined) index.set(id, (g = index.size));
    return g;
  };
  // Per day: its key values mapped to the period's groups.
  const groupsOf = days.map((d) => Int32Array.from(dim.ids(d), groupOf));
  const groups = index.size;
  // Group g's counters at g × COUNTERS; the sum of all groups after them.
  const counts = new Float64Array((groups + 1) * COUNTERS);
  days.forEach((d, i) => addCounts(counts, dayCounts(d, dim), groupsOf[i]!, groups));
  // A group's ticket count bounds its values: a big group counts straight into its histogram, a view
  // into one block for the dimension (one typed-array store per value); the others keep their values.
  const big = Int32Array.from({ length: groups }, (_, g) => (counts[g * COUNTERS + ISSUED]! > SMALL_LIMIT ? 0 : NONE));
  let bigGroups = 0;
  for (let g = 0; g < groups; g++) if (big[g] === 0) big[g] = BINS * bigGroups++;
  const bigGroup = new Int32Array(bigGroups);
  for (let g = 0; g < groups; g++) if (big[g] !== NONE) bigGroup[big[g]! / BINS] = g;
  const block = new Int32Array(BINS * bigGroups);
  const accumulators = Array.from({ length: groups }, (_, g) =>
    big[g] === NONE ? new DurationAccumulator(SMALL_LIMIT, counts[g * COUNTERS + ISSUED]) : DurationAccumulator.over(block.subarray(big[g]!, big[g]! + BINS)),
  );
  const slots = slotsOf(days, dim, groupsOf, big);
  const sum = withSum ? new DurationAccumulator() : null;
  const durations: DurationStats[][] = Array.from({ length: groups + 1 }, () => []);
  const tops = days.map((d) => topsOf(d.tickets));
  DURATION_KEYS.forEach((name, k) => {
    let from = 0;
    // No value of the period is above its days' largest: the big groups' histograms are read up to it.
    let top = 0;
    days.forEach(({ tickets: t }, i) => {
      countColumn(t[name], t.length, slots, from, block, bigGroup, accumulators);
      from += t.length;
      top = Math.max(top, tops[i]![k]!);
    });
    for (let b = 0; b < bigGroups; b++) accumulators[bigGroup[b]!]!.countedUpTo(top);
    accumulators.forEach((a, g) => durations[g]!.push(a.stats(thresholdMs)));
    if (sum) {
      for (const a of accumulators) sum.addAll(a);
      durations[groups]!.push(sum.stats(thresholdMs));
      sum.clear();
    }
    for (const a of accumulators) a.clear();
  });
  const out = new Map<string, TicketFigures>();
  for (const [id, g] of index) if (counts[g * COUNTERS + ISSUED]! > 0) out.set(id, figuresOf(counts, g * COUNTERS, durations[g]!));
  return withSum ? { groups: out, sum: figuresOf(counts, groups * COUNTERS, durations[groups]!) } : { groups: out };
}

/** Each ticket's slot (SMALL), the days' tickets one after another, in the reused slot buffer. */
function slotsOf(days: readonly ReportDay[], dim: Dimension, groupsOf: readonly Int32Array[], big: Int32Array): Int32Array {
  const n = days.reduce((s, d) => s + d.tickets.length, 0);
  if (slotBuffer.length < n) slotBuffer = new Int32Array(Math.max(n, 2 * slotBuffer.length));
  const slots = slotBuffer;
  let at = 0;
  for (let i = 0; i < days.length; i++) at = fillSlots(slots, at, dim.key(days[i]!.tickets), days[i]!.tickets.length, groupsOf[i]!, big);
  return slots;
}

/** Writes a day's slots from `at` on and returns where the next day's slots start (a loop of its own, as countColumn). */
function fillSlots(slots: Int32Array, at: number, key: Int32Array, length: number, group: Int32Array, big: Int32Array): number {
  for (let j = 0; j < length; j++) {
    const k = key[j]!;
    const g = k === NONE ? NONE : group[k]!;
    slots[at + j] = g === NONE ? NONE : big[g] !== NONE ? big[g]! : SMALL - g;
  }
  return at + length;
}

/** The figures as a record, keys in report order. */
export const inKeyOrder = <T>(groups: Map<string, T>): Record<string, T> => Object.fromEntries(sortKeys(groups.keys()).map((k) => [k, groups.get(k)!]));

/** One collator for every sort: localeCompare with options builds one per call (a year's district report spent ~0.2 s on it). */
const reportOrder = new Intl.Collator('en', { numeric: true });
/** Group keys in report order: numbers inside ids in numeric order (w2 before w10). */
export const sortKeys = (keys: Iterable<string>): string[] => [...keys].sort(reportOrder.compare);

export function windowFigures(facts: readonly WindowFact[]): WindowFigures {
  const openMs = facts.reduce((s, f) => s + f.openMs, 0);
  const servingMs = facts.reduce((s, f) => s + f.servingMs, 0);
  const pauseMs = Object.fromEntries(
    PAUSE_REASONS.map((r) => [r, facts.reduce((s, f) => s + (f.pauseMs[r] ?? 0), 0)]),
  ) as Record<PauseReason, number>;
  return { openMs, servingMs, utilisation: ratio(servingMs, openMs), pauseMs };
}

/** Groups rows by a key (rows without one are left out), keys in report order. */
export function groupBy<T, R>(rows: readonly T[], key: (row: T) => string | undefined, figures: (rows: T[]) => R): Record<string, R> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(row);
  }
  return Object.fromEntries(sortKeys(groups.keys()).map((k) => [k, figures(groups.get(k)!)]));
}
