// A day's roll-up is a fact table: one row per ticket, one per window. Reports over any period
// aggregate these rows, so every figure (percentiles included) is exact, not an average of averages.
// The roll-up stores the ticket rows columnar, durations in whole seconds (rollup.ts).
import type { Outcome, PauseReason, PriorityClass, Ticket, TicketSource } from '@yichuang/shared/domain';
import { localParts } from '@yichuang/shared/time';

export type TicketEnd = 'finished' | 'no-show' | 'cancelled' | 'open';

/** Durations in milliseconds (stored to the second); absent where the ticket never reached that step. */
export interface TicketFact {
  number: string;
  /** Category the ticket was issued in (a transfer does not move its arrival). */
  category: string;
  source: TicketSource;
  priority: PriorityClass;
  /** Issue time by the hall's clock, in seconds since local midnight (its hour: issued / 3600). */
  issued: number;
  end: TicketEnd;
  /** Window and staff that finished the visit (or last handled the ticket). */
  window?: string;
  staff?: string;
  outcome?: Outcome;
  called: boolean;
  transfers: number;
  holds: number;
  wait?: number;
  totalWait?: number;
  walk?: number;
  service?: number;
  stay?: number;
}

export interface WindowFact {
  window: string;
  /** Signed in and not paused. */
  openMs: number;
  servingMs: number;
  pauseMs: Partial<Record<PauseReason, number>>;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Metric definitions of DESIGN.md §3 (and the README), read off the ticket's period log. */
export function ticketFact(t: Ticket, timeZone: string): TicketFact {
  const periods = t.periods;
  const first = periods[0];
  const local = localParts(t.issuedAt, timeZone);
  const closed = periods.filter((p) => p.end !== undefined);
  const lengths = (state: string): number[] => closed.filter((p) => p.state === state).map((p) => p.end! - p.start);
  const firstCall = periods.find((p) => p.state === 'called');
  const firstServing = periods.findIndex((p) => p.state === 'serving');
  const finish = periods.find((p) => p.state === 'finished');
  const last = periods[periods.length - 1];
  const handler = finish ?? [...periods].reverse().find((p) => p.windowId !== undefined);
  const end: TicketEnd = t.state === 'finished' || t.state === 'no-show' || t.state === 'cancelled' ? t.state : 'open';

  const fact: TicketFact = {
    number: t.number,
    category: first?.categoryId ?? t.categoryId,
    source: t.source,
    priority: t.priority,
    issued: Math.round(local.minutes * 60),
    end,
    called: firstCall !== undefined,
    transfers: t.transfers,
    holds: periods.filter((p) => p.state === 'on-hold').length,
  };
  if (handler?.windowId) fact.window = handler.windowId;
  if (handler?.staffId) fact.staff = handler.staffId;
  if (t.outcome) fact.outcome = t.outcome;
  if (firstCall) fact.wait = Math.max(0, firstCall.start - Math.max(t.issuedAt, t.dueAt ?? t.issuedAt));
  const waits = lengths('waiting');
  if (waits.length > 0 && last?.state !== 'waiting') fact.totalWait = sum(waits);
  if (firstServing > 0 && periods[firstServing - 1]?.state === 'called') {
    fact.walk = periods[firstServing]!.start - periods[firstServing - 1]!.start;
  }
  const serving = lengths('serving');
  if (serving.length > 0) fact.service = sum(serving);
  if (finish) fact.stay = finish.start - t.issuedAt;
  return fact;
}
