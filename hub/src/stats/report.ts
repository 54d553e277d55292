// A report over one or more service days. Ticket figures are worked out per dimension (category,
// window, …) straight from each day's ticket columns, so a year of tickets is never gathered, copied
// or sorted whole (figures.ts, duration-accumulator.ts).
import type { Case } from '@yichuang/shared/ratings';
import { WAIT_BUCKETS_MIN, type RatingFigures, type Report, type TicketFigures } from '@yichuang/shared/reports';
import { caseFigures, ratingFiguresOf } from './evaluation-figures.js';
import type { WindowFact } from './facts.js';
import { ALL, emptyFigures, figuresBy, groupBy, inKeyOrder, sortKeys, windowFigures, type Dimension } from './figures.js';
import { RatingTally, reportDay, type ReportDay } from './report-day.js';
import { NONE, PRIORITIES, SOURCES, type DayRollup } from './rollup.js';

/** Upper bounds of the wait-distribution bars, in seconds. */
const WAIT_BUCKETS_S = WAIT_BUCKETS_MIN.map((m) => m * 60);
/** Thresholds whose byDay figures a day keeps; more are worked out again each time. */
const KEPT_THRESHOLDS = 4;

/** The category of issue: every ticket has one, so its groups add up to the total. */
const CATEGORY: Dimension = { name: 'category', key: (t) => t.category, ids: (t) => t.categoryIds };
const SOURCE: Dimension = { name: 'source', key: (t) => t.source, ids: () => SOURCES };
const PRIORITY: Dimension = { name: 'priority', key: (t) => t.priority, ids: () => PRIORITIES };
/** The window and staff member that finished the visit (or last handled the ticket); not every ticket has one. */
const WINDOW: Dimension = { name: 'window', key: (t) => t.window, ids: (t) => t.windowIds };
const STAFF: Dimension = { name: 'staff', key: (t) => t.staff, ids: (t) => t.staffIds };

function waitBucket(seconds: number): number {
  for (let b = 0; b < WAIT_BUCKETS_S.length; b++) if (seconds <= WAIT_BUCKETS_S[b]!) return b;
  return WAIT_BUCKETS_S.length;
}

/** A day's own figures (byDay), from its memo when the same threshold was asked before. */
function dayFigures(d: ReportDay, thresholdMs: number): TicketFigures {
  let f = d.figures.get(thresholdMs);
  if (f) return f;
  f = figuresBy([d], ALL, thresholdMs, true).sum!;
  if (d.figures.size >= KEPT_THRESHOLDS) d.figures.clear();
  d.figures.set(thresholdMs, f);
  return f;
}

/** Ratings per window (or staff member) over the finished visits there; a place with neither is left out. */
function ratingGroups(visits: Map<string, TicketFigures>, days: readonly ReportDay[], byPlace: (d: ReportDay) => Map<string, RatingTally>): Record<string, RatingFigures> {
  const rated = new Map<string, RatingTally>();
  for (const d of days) {
    for (const [id, t] of byPlace(d)) {
      let sum = rated.get(id);
      if (!sum) rated.set(id, (sum = new RatingTally()));
      sum.addTally(t);
    }
  }
  const finished = (id: string): number => visits.get(id)?.finished ?? 0;
  const ids = new Set([...[...visits.keys()].filter((id) => finished(id) > 0), ...rated.keys()]);
  return Object.fromEntries(
    sortKeys(ids).map((id) => {
      const t = rated.get(id) ?? new RatingTally();
      return [id, ratingFiguresOf(t.levels, t.unrated, finished(id))];
    }),
  );
}

export interface ReportPeriod {
  range: { from: string; to: string };
  thresholdMs: number;
  /** As of when the period's bad-rating cases are judged against their deadlines. */
  cases: { today: string; timeZone: string };
}

/**
 * `allDays` are the days of the period; `later` the days after it up to today, read only for the
 * latest state of the period's bad-rating cases (a case outlives the day of its rating).
 */
export function reportOf(allDays: readonly ReportDay[], later: readonly ReportDay[], { range, thresholdMs, cases }: ReportPeriod): Report {
  const days = allDays.filter((d) => d.tickets.length > 0 || d.windows.length > 0);
  const withTickets = days.filter((d) => d.tickets.length > 0);

  const issuedByHour = Array.from({ length: 24 }, () => 0);
  const arrivalsHeat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const waitDistribution = Array.from({ length: WAIT_BUCKETS_MIN.length + 1 }, () => 0);
  for (const { tickets: t, weekday } of withTickets) {
    const heat = arrivalsHeat[weekday]!;
    for (let i = 0; i < t.length; i++) {
      const hour = t.hour[i]!;
      issuedByHour[hour]!++;
      heat[hour]!++;
      const wait = t.wait[i]!;
      if (wait !== NONE) waitDistribution[waitBucket(wait)]!++;
    }
  }

  const byCategory = figuresBy(withTickets, CATEGORY, thresholdMs, true);
  const total = byCategory.sum!;
  const byWindowTickets = figuresBy(withTickets, WINDOW, thresholdMs).groups;
  const byStaff = figuresBy(withTickets, STAFF, thresholdMs).groups;
  const windowFacts: WindowFact[] = days.flatMap((d) => d.windows);
  const byWindowTime = groupBy(windowFacts, (w) => w.window, windowFigures);
  const windowIds = [...new Set([...byWindowTickets.keys(), ...Object.keys(byWindowTime)])].sort();
  const byWindow = Object.fromEntries(
    windowIds.map((id) => [id, { ...(byWindowTickets.get(id) ?? emptyFigures(thresholdMs)), time: byWindowTime[id] ?? windowFigures([]) }]),
  );

  const ratings = new RatingTally();
  for (const d of days) ratings.addTally(d.ratings);
  // Each case in its latest version, if its rating falls in the period.
  const latest = new Map<string, Case>();
  for (const d of [...allDays, ...later]) for (const c of d.cases) latest.set(c.id, c);
  const inPeriod = [...latest.values()].filter((c) => {
    const day = c.rating.ticketId.slice(0, c.rating.ticketId.indexOf('/')); // ticket ids carry their service day
    return day >= range.from && day <= range.to;
  });

  return {
    ...range,
    days: days.map((d) => d.day),
    thresholdMs,
    total,
    windowTotal: windowFigures(windowFacts),
    byDay: inKeyOrder(new Map(withTickets.map((d) => [d.day, dayFigures(d, thresholdMs)]))),
    byCategory: inKeyOrder(byCategory.groups),
    bySource: inKeyOrder(figuresBy(withTickets, SOURCE, thresholdMs).groups),
    byPriority: inKeyOrder(figuresBy(withTickets, PRIORITY, thresholdMs).groups),
    byWindow,
    byStaff: inKeyOrder(byStaff),
    issuedByHour,
    arrivalsHeat,
    waitDistribution,
    ratings: ratingFiguresOf(ratings.levels, ratings.unrated, total.finished),
    ratingsByWindow: ratingGroups(byWindowTickets, days, (d) => d.ratingsByWindow),
    ratingsByStaff: ratingGroups(byStaff, days, (d) => d.ratingsByStaff),
    cases: caseFigures(inPeriod, cases.today, cases.timeZone),
  };
}

/** The report of the given day roll-ups (see reportOf). */
export function buildReport(
  rollups: readonly DayRollup[],
  range: { from: string; to: string },
  thresholdMs: number,
  cases: { later: readonly DayRollup[]; today: string; timeZone: string },
): Report {
  return reportOf(rollups.map(reportDay), cases.later.map(reportDay), { range, thresholdMs, cases });
}
