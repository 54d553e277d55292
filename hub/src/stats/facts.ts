// A day's roll-up is a fact table: one row per ticket, one per window, rating, case version, kiosk,
// and day and category of appointments. Reports over any period aggregate these rows, so every figure
// (percentiles included) is exact, not an average of averages.
// The roll-up stores the ticket rows columnar, durations in whole seconds (rollup.ts).
import type { Outcome, PauseReason, PriorityClass, ServiceDay, Ticket, TicketSource } from '@yichuang/shared/domain';
import type { DeadlineStep, StepStanding, Verdict } from '@yichuang/shared/ratings';
import type { AppointmentFigures } from '@yichuang/shared/reports';
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
  /** Never called and still waiting: issue (appointments: booked time) → the roll-up's `until`. */
  uncalledWait?: number;
}

export interface WindowFact {
  window: string;
  /** Signed in and not paused. */
  openMs: number;
  servingMs: number;
  pauseMs: Partial<Record<PauseReason, number>>;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Metric definitions of docs/design.md §3 (and the README), read off the ticket's period log.
 * `until`: when the day's figures are taken (now for today, the day's last record for a past day).
 */
export function ticketFact(t: Ticket, timeZone: string, until: number): TicketFact {
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
  const waitFrom = Math.max(t.issuedAt, t.dueAt ?? t.issuedAt);
  if (firstCall) fact.wait = Math.max(0, firstCall.start - waitFrom);
  else if (end === 'open') fact.uncalledWait = Math.max(0, until - waitFrom);
  // Waits count only called tickets: one cancelled before any call has no total wait either.
  const waits = lengths('waiting');
  if (firstCall && waits.length > 0 && last?.state !== 'waiting') fact.totalWait = sum(waits);
  if (firstServing > 0 && periods[firstServing - 1]?.state === 'called') {
    fact.walk = periods[firstServing]!.start - periods[firstServing - 1]!.start;
  }
  const serving = lengths('serving');
  if (serving.length > 0) fact.service = sum(serving);
  if (finish) fact.stay = finish.start - t.issuedAt;
  return fact;
}

/**
 * One day's appointment events about the bookings of one day and category. Bookings made, changed
 * and cancelled count on the day they happened (the roll-up's day); check-ins and no-shows on the day
 * booked for, which a no-show marked after a hub outage may precede.
 */
export interface AppointmentFact extends Pick<AppointmentFigures, 'booked' | 'changed' | 'cancelled' | 'checkedIn' | 'late' | 'afterNoShow'> {
  /** The day booked for (after a change, the new day). */
  day: string;
  category: string;
  /** No-show marks: a check-in after one (afterNoShow) undoes it. */
  noShow: number;
}

/** A kiosk's day: the time it was due to be up, and how much of it it was online. */
export interface KioskFact {
  kiosk: string;
  /** A 24-hour terminal (the self-service zone), due all day; else a take-a-number kiosk, due in the hall's opening hours. */
  allDay: boolean;
  dueMs: number;
  upMs: number;
}

/**
 * A bad-rating case as reports judge it, as it stood at the end of a day that opened or moved it. The
 * case itself (rating, steps, texts) stays in the journal and the console's case pages; reports need
 * only this, and read it from a year of roll-ups.
 */
export interface CaseFact {
  id: string;
  /** Service day of the rated visit: the case counts in the period that holds it. */
  day: ServiceDay;
  /** 实名差评: the rating left a contact. */
  realName: boolean;
  verdict?: Verdict;
  closed: boolean;
  due: Record<DeadlineStep, ServiceDay>;
  /** Deadline steps settled: done in time, done late, or skipped (no rectification of an unfounded case). */
  settled: Partial<Record<DeadlineStep, SettledStanding>>;
}

export type SettledStanding = Extract<StepStanding, 'done' | 'late' | 'skipped'>;
