// A report over one or more service days, from their roll-ups.
import type { TicketFact } from './facts.js';
import { groupBy, ticketFigures, windowFigures, type TicketFigures, type WindowFigures } from './figures.js';
import type { DayRollup } from './rollup.js';

const MINUTE = 60_000;
/** Upper bounds (minutes) of the wait-distribution bars; the last bar is everything above. */
export const WAIT_BUCKETS_MIN = [5, 10, 15, 20, 30, 45, 60] as const;

export interface Report {
  from: string;
  to: string;
  /** Days with any data. */
  days: string[];
  thresholdMs: number;
  total: TicketFigures;
  windowTotal: WindowFigures;
  byDay: Record<string, TicketFigures>;
  byCategory: Record<string, TicketFigures>;
  bySource: Record<string, TicketFigures>;
  byPriority: Record<string, TicketFigures>;
  byWindow: Record<string, TicketFigures & { time: WindowFigures }>;
  byStaff: Record<string, TicketFigures>;
  /** Tickets issued per local hour (0–23). */
  issuedByHour: number[];
  /** Arrivals per weekday (0 = Sunday) × hour. */
  arrivalsHeat: number[][];
  /** Waits per bucket of WAIT_BUCKETS_MIN, plus one for longer waits. */
  waitDistribution: number[];
}

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
