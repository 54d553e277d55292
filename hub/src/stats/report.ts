// A report over one or more service days, from their roll-ups.
import type { TicketFact } from './facts.js';
import type { Case, Rating } from '@yichuang/shared/ratings';
import { WAIT_BUCKETS_MIN, type Report, type TicketFigures } from '@yichuang/shared/reports';
import { groupBy, ticketFigures, windowFigures } from './figures.js';
import { caseFigures, ratingFigures } from './evaluation-figures.js';
import type { DayRollup } from './rollup.js';

const MINUTE = 60_000;

/**
 * `rollups` are the days of the period; `later` the days after it up to today, read only for the
 * latest state of the period's bad-rating cases (a case outlives the day of its rating).
 */
export function buildReport(
  rollups: readonly DayRollup[],
  range: { from: string; to: string },
  thresholdMs: number,
  cases: { later: readonly DayRollup[]; today: string; timeZone: string },
): Report {
  const days = rollups.filter((r) => r.tickets.length > 0 || r.windows.length > 0);
  const tickets: (TicketFact & { day: string })[] = days.flatMap((r) => r.tickets.map((t) => ({ ...t, day: r.day })));
  const windowFacts = days.flatMap((r) => r.windows);
  const figures = (rows: TicketFact[]): TicketFigures => ticketFigures(rows, thresholdMs);

  const byWindowTickets = groupBy(tickets, (t) => t.window, figures);
  const byWindowTime = groupBy(windowFacts, (w) => w.window, windowFigures);
  const windowIds = [...new Set([...Object.keys(byWindowTickets), ...Object.keys(byWindowTime)])].sort();
  const byWindow = Object.fromEntries(
    windowIds.map((id) => [id, { ...(byWindowTickets[id] ?? figures([])), time: byWindowTime[id] ?? windowFigures([]) }]),
  );

  const issuedByHour = Array.from({ length: 24 }, () => 0);
  const arrivalsHeat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const waitDistribution = Array.from({ length: WAIT_BUCKETS_MIN.length + 1 }, () => 0);
  for (const t of tickets) {
    issuedByHour[t.hour]!++;
    arrivalsHeat[t.weekday]![t.hour]!++;
    if (t.wait === undefined) continue;
    const bucket = WAIT_BUCKETS_MIN.findIndex((limit) => t.wait! <= limit * MINUTE);
    waitDistribution[bucket === -1 ? WAIT_BUCKETS_MIN.length : bucket]!++;
  }

  const ratings = days.flatMap((r) => r.ratings);
  const finished = tickets.filter((t) => t.end === 'finished');
  const ratingGroups = (key: (r: Rating) => string, visitKey: (t: TicketFact) => string | undefined) => {
    const visits = groupBy(finished, visitKey, (rows) => rows.length);
    const rated = groupBy(ratings, key, (rows) => rows);
    const ids = [...new Set([...Object.keys(visits), ...Object.keys(rated)])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return Object.fromEntries(ids.map((id) => [id, ratingFigures(rated[id] ?? [], visits[id] ?? 0)]));
  };
  // Each case in its latest version, if its rating falls in the period.
  const latest = new Map<string, Case>();
  for (const r of [...rollups, ...cases.later]) for (const c of r.cases) latest.set(c.id, c);
  const inPeriod = [...latest.values()].filter((c) => {
    const day = c.rating.ticketId.slice(0, c.rating.ticketId.indexOf('/')); // ticket ids carry their service day
    return day >= range.from && day <= range.to;
  });

  return {
    ...range,
    days: days.map((r) => r.day),
    thresholdMs,
    total: figures(tickets),
    windowTotal: windowFigures(windowFacts),
    byDay: groupBy(tickets, (t) => t.day, figures),
    byCategory: groupBy(tickets, (t) => t.category, figures),
    bySource: groupBy(tickets, (t) => t.source, figures),
    byPriority: groupBy(tickets, (t) => t.priority, figures),
    byWindow,
    byStaff: groupBy(tickets, (t) => t.staff, figures),
    issuedByHour,
    arrivalsHeat,
    waitDistribution,
    ratings: ratingFigures(ratings, finished.length),
    ratingsByWindow: ratingGroups((r) => r.windowId, (t) => t.window),
    ratingsByStaff: ratingGroups((r) => r.staffId, (t) => t.staff),
    cases: caseFigures(inPeriod, cases.today, cases.timeZone),
  };
}
