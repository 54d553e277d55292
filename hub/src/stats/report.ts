// A report over one or more service days. Ticket figures are worked out per dimension (category,
// window, …) straight from each day's ticket columns, so a year of tickets is never gathered, copied
// or sorted whole (figures.ts, duration-accumulator.ts).
import { WAIT_BUCKETS_MIN, type AppointmentFigures, type KioskUptime, type OneWindowFigures, type RatingFigures, type Report, type TicketFigures, type UptimeFigures } from '@yichuang/shared/reports';
import { caseFigures, ratingFiguresOf } from './evaluation-figures.js';
import type { AppointmentFact, CaseFact, KioskFact, WindowFact } from './facts.js';
import { DAY, dayCounts, emptyFigures, figuresBy, groupBy, inKeyOrder, sortKeys, topsOf, windowFigures, type Dimension } from './figures.js';
import { RatingTally, reportDay, reportRollupFrom, type DayMemos, type DaySpread, type ReportDay } from './report-day.js';
import { NONE, PRIORITIES, SOURCES, type DayRollup } from './rollup.js';

/** The share-over threshold of a report that names none (GET /api/reports thresholdMin). */
export const DEFAULT_THRESHOLD_MIN = 30;

/** Upper bounds of the wait-distribution bars, in seconds. */
const WAIT_BUCKETS_S = WAIT_BUCKETS_MIN.map((m) => m * 60);
/** Bars of the wait distribution: one per bound, and one above the last. */
export const WAIT_BARS = WAIT_BUCKETS_S.length + 1;
/** Thresholds whose byDay figures a day keeps; more are worked out again each time. */
const KEPT_THRESHOLDS = 4;

/** The category of issue: every ticket has one, so its groups add up to the total. */
const CATEGORY: Dimension = { name: 'category', key: (t) => t.category, ids: (d) => d.tickets.categoryIds };
const SOURCE: Dimension = { name: 'source', key: (t) => t.source, ids: () => SOURCES };
const PRIORITY: Dimension = { name: 'priority', key: (t) => t.priority, ids: () => PRIORITIES };
/** The window and staff member that finished the visit (or last handled the ticket); not every ticket has one. */
const WINDOW: Dimension = { name: 'window', key: (t) => t.window, ids: (d) => d.tickets.windowIds };
const STAFF: Dimension = { name: 'staff', key: (t) => t.staff, ids: (d) => d.tickets.staffIds };

/** Every dimension a report counts a day's tickets by. */
const DIMENSIONS = [DAY, CATEGORY, SOURCE, PRIORITY, WINDOW, STAFF];

function waitBucket(seconds: number): number {
  for (let b = 0; b < WAIT_BUCKETS_S.length; b++) if (seconds <= WAIT_BUCKETS_S[b]!) return b;
  return WAIT_BUCKETS_S.length;
}

/** A day's tickets by hour of issue and its waits by bar, worked out once. */
function daySpread(d: ReportDay): DaySpread {
  if (d.spread) return d.spread;
  const t = d.tickets;
  const byHour = new Int32Array(24);
  const waitBars = new Int32Array(WAIT_BARS);
  for (let i = 0; i < t.length; i++) {
    byHour[t.hour[i]!]!++;
    const wait = t.wait[i]!;
    if (wait !== NONE) waitBars[waitBucket(wait)]!++;
  }
  return (d.spread = { byHour, waitBars });
}

/**
 * Works out a day's memos — its counters per dimension, its own figures at the default threshold, its
 * spread — for a month pack to carry (month-pack.ts): a first report after a start then counts only
 * the period's groupings, as later ones do.
 */
export function dayMemos(d: ReportDay): DayMemos {
  fillDayMemos(d);
  return { counts: Object.fromEntries(d.counts), figures: [...d.figures], spread: daySpread(d) };
}

/** Works a day's memos out on the day itself (dayMemos, without their copy for a pack): for days kept in memory. */
export function fillDayMemos(d: ReportDay): void {
  for (const dim of DIMENSIONS) dayCounts(d, dim);
  topsOf(d.tickets);
  dayFigures([d], DEFAULT_THRESHOLD_MIN * 60_000);
  daySpread(d);
}

/** Each day's own figures (byDay), from its memo when the same threshold was asked before; the rest worked out together. */
function dayFigures(days: readonly ReportDay[], thresholdMs: number): Map<string, TicketFigures> {
  const fresh = figuresBy(
    days.filter((d) => !d.figures.has(thresholdMs)),
    DAY,
    thresholdMs,
  ).groups;
  for (const d of days) {
    const f = fresh.get(d.day);
    if (!f) continue;
    if (d.figures.size >= KEPT_THRESHOLDS) d.figures.clear();
    d.figures.set(thresholdMs, f);
  }
  return new Map(days.map((d) => [d.day, d.figures.get(thresholdMs)!]));
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

type AppointmentCounts = Omit<AppointmentFact, 'day' | 'category'>;
/** What appointment figures read of a day's roll-up (the district has these from its tables). */
export type AppointmentDay = Pick<ReportDay, 'day' | 'appointments'>;
const noAppointments = (): AppointmentCounts => ({ booked: 0, changed: 0, cancelled: 0, checkedIn: 0, late: 0, afterNoShow: 0, noShow: 0 });

function appointmentFigures(c: AppointmentCounts): AppointmentFigures {
  // A no-show who came after all checked in: that mark no longer stands.
  const noShow = c.noShow - c.afterNoShow;
  const due = c.checkedIn + noShow;
  return { booked: c.booked, changed: c.changed, cancelled: c.cancelled, checkedIn: c.checkedIn, late: c.late, afterNoShow: c.afterNoShow, noShow, noShowRate: due === 0 ? null : noShow / due };
}

/**
 * Appointment figures of the period: bookings made, changed and cancelled on its days; check-ins and
 * no-shows of the bookings for its days, wherever they were journaled (`withLater`: the period's days
 * and every later one, for no-shows marked after the day).
 */
export function appointmentsOf(days: readonly AppointmentDay[], withLater: readonly AppointmentDay[], range: { from: string; to: string }): Pick<Report, 'appointments' | 'appointmentsByCategory' | 'appointmentsByDay'> {
  const total = noAppointments();
  const byCategory = new Map<string, AppointmentCounts>();
  const byDay = new Map<string, AppointmentCounts>();
  const counts = (groups: Map<string, AppointmentCounts>, key: string): AppointmentCounts => {
    let c = groups.get(key);
    if (!c) groups.set(key, (c = noAppointments()));
    return c;
  };
  const MADE = ['booked', 'changed', 'cancelled'] as const;
  const DUE = ['checkedIn', 'late', 'afterNoShow', 'noShow'] as const;
  const add = (keys: readonly (keyof AppointmentCounts)[], a: AppointmentFact, day: string): void => {
    if (keys.every((k) => a[k] === 0)) return;
    for (const c of [total, counts(byCategory, a.category), counts(byDay, day)]) for (const k of keys) c[k] += a[k];
  };
  for (const d of days) for (const a of d.appointments) add(MADE, a, d.day);
  for (const d of withLater) for (const a of d.appointments) if (a.day >= range.from && a.day <= range.to) add(DUE, a, a.day);
  const figures = (groups: Map<string, AppointmentCounts>): Record<string, AppointmentFigures> => inKeyOrder(new Map([...groups].map(([k, c]) => [k, appointmentFigures(c)])));
  return { appointments: appointmentFigures(total), appointmentsByCategory: figures(byCategory), appointmentsByDay: figures(byDay) };
}

function uptimeFigures(facts: readonly KioskFact[]): UptimeFigures {
  const dueMs = facts.reduce((s, f) => s + f.dueMs, 0);
  const upMs = facts.reduce((s, f) => s + f.upMs, 0);
  return { kiosks: new Set(facts.map((f) => f.kiosk)).size, dueMs, upMs, uptime: dueMs === 0 ? null : upMs / dueMs };
}

/** Kiosk and 24-hour uptime of the days' kiosk facts (the district has these from its presence records). */
export function uptimeOf(days: readonly Pick<ReportDay, 'kiosks'>[]): Report['uptime'] {
  const facts = days.flatMap((d) => d.kiosks);
  const byKiosk = groupBy(facts, (f) => f.kiosk, (fs): KioskUptime => ({ ...uptimeFigures(fs), allDay: fs.at(-1)!.allDay }));
  return { kiosks: uptimeFigures(facts.filter((f) => !f.allDay)), terminals24: uptimeFigures(facts.filter((f) => f.allDay)), byKiosk };
}

export interface ReportPeriod {
  range: { from: string; to: string };
  thresholdMs: number;
  /** As of when the period's bad-rating cases are judged against their deadlines. */
  cases: { today: string };
  /** Ids of the comprehensive windows (综合窗口), for "一窗"分类受理率. */
  comprehensiveWindows: readonly string[];
}

/** "一窗"分类受理率 (OneWindowFigures) from the figures by window. */
export function oneWindowOf(byWindow: Report['byWindow'], comprehensive: readonly string[]): OneWindowFigures {
  let intake = 0;
  let atComprehensive = 0;
  for (const [id, f] of Object.entries(byWindow)) {
    const n = f.finished - f.outcomes.enquiry;
    intake += n;
    if (comprehensive.includes(id)) atComprehensive += n;
  }
  return { intake, atComprehensive, rate: intake === 0 ? null : atComprehensive / intake };
}

/**
 * `allDays` are the days of the period; `later` the days after it up to today, read only for the
 * latest state of the period's bad-rating cases (a case outlives the day of its rating).
 */
export function reportOf(allDays: readonly ReportDay[], later: readonly ReportDay[], { range, thresholdMs, cases, comprehensiveWindows }: ReportPeriod): Report {
  const days = allDays.filter((d) => d.tickets.length > 0 || d.windows.length > 0);
  const withTickets = days.filter((d) => d.tickets.length > 0);

  const issuedByHour = Array.from({ length: 24 }, () => 0);
  const arrivalsHeat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const waitDistribution = Array.from({ length: WAIT_BARS }, () => 0);
  for (const d of withTickets) {
    const heat = arrivalsHeat[d.weekday]!;
    const { byHour, waitBars } = daySpread(d);
    for (let h = 0; h < 24; h++) {
      issuedByHour[h]! += byHour[h]!;
      heat[h]! += byHour[h]!;
    }
    for (let b = 0; b < waitBars.length; b++) waitDistribution[b]! += waitBars[b]!;
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
  const latest = new Map<string, CaseFact>();
  for (const d of [...allDays, ...later]) for (const c of d.cases) latest.set(c.id, c);
  const inPeriod = [...latest.values()].filter((c) => c.day >= range.from && c.day <= range.to);

  return {
    ...range,
    days: days.map((d) => d.day),
    thresholdMs,
    total,
    windowTotal: windowFigures(windowFacts),
    byDay: inKeyOrder(dayFigures(withTickets, thresholdMs)),
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
    cases: caseFigures(inPeriod, cases.today),
    oneWindow: oneWindowOf(byWindow, comprehensiveWindows),
    ...appointmentsOf(allDays, [...allDays, ...later], range),
    uptime: uptimeOf(allDays),
  };
}

/** The report of the given day roll-ups (see reportOf). */
export function buildReport(
  rollups: readonly DayRollup[],
  range: { from: string; to: string },
  thresholdMs: number,
  cases: { later: readonly DayRollup[]; today: string },
  comprehensiveWindows: readonly string[] = [],
): Report {
  const days = (rs: readonly DayRollup[]): ReportDay[] => rs.map((r) => reportDay(reportRollupFrom(r)));
  return reportOf(days(rollups), days(cases.later), { range, thresholdMs, cases, comprehensiveWindows });
}
