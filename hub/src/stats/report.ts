// A report over one or more service days, from their roll-ups.
import type { TicketFact } from './facts.js';
import { WAIT_BUCKETS_MIN, type Report, type TicketFigures } from '@yichuang/shared/reports';
import { groupBy, ticketFigures, windowFigures } from './figures.js';
import type { DayRollup } from './rollup.js';

const MINUTE = 60_000;

export function buildReport(rollups: readonly DayRollup[], range: { from: string; to: string }, thresholdMs: number): Report {
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
  };
}
