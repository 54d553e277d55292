import type { Period, ServiceDay, Ticket, WindowState } from '@yichuang/shared/domain';
import type { Case } from '@yichuang/shared/ratings';
import type { AppointmentBook, Booking, EngineState, EvaluationState, NoticeRecord } from './types.js';

export function initialState(): EngineState {
  return { day: null, tickets: {}, byNumber: {}, counters: {}, windows: {}, calls: [] };
}

/**
 * The state a new service day starts from: no tickets, numbers back at 1, every known window
 * closed with nobody signed in, and the bad-rating cases and bookings carried over. Builds new
 * collections and never touches `prev`, so decide can reason on it without mutating the state it was given.
 */
export function dayState(
  prev: EngineState,
  day: ServiceDay,
  at: number,
  cases: readonly Case[] = [],
  bookings: readonly Booking[] = [],
): EngineState {
  const windows: Record<string, WindowState> = {};
  for (const id of Object.keys(prev.windows)) windows[id] = { id, status: 'closed', priorityStreak: 0, since: at };
  const next: EngineState = { day, tickets: {}, byNumber: {}, counters: {}, windows, calls: [] };
  if (cases.length > 0) next.evaluation = { pads: {}, ratings: {}, cases: Object.fromEntries(cases.map((c) => [c.id, c])) };
  if (bookings.length > 0) next.appointments = { bookings: new Map(bookings.map((b) => [b.id, b])), notices: [] };
  return next;
}

const NO_EVALUATION: Readonly<EvaluationState> = Object.freeze({
  pads: Object.freeze({}),
  ratings: Object.freeze({}),
  cases: Object.freeze({}),
});

/** The day's evaluation state for reading; empty (and frozen) when there is none yet. */
/** The period in which the visit was finished (where and by whom), if it was. */
export function finishedPeriod(t: Ticket): Period | undefined {
  return t.periods.findLast((p) => p.state === 'finished');
}

/**
 * 今日办结 (handled today), the one definition the console's window table and the caller's own figures
 * both count: a visit counts once, when its ticket is finished (办结), for the window and the staff
 * member of its 办结 period. A visit transferred away, held, or passed (过号) counts nowhere until it
 * is finished, and then only where it was finished. docs/design.md §3, metric definitions.
 */
export function handledBy(t: Ticket): Pick<Period, 'windowId' | 'staffId'> | undefined {
  return t.state === 'finished' ? finishedPeriod(t) : undefined;
}

export function evaluationOf(state: EngineState): Readonly<EvaluationState> {
  return state.evaluation ?? NO_EVALUATION;
}

/** The evaluation state for evolve to write to, created on first use. */
export function writableEvaluation(state: EngineState): EvaluationState {
  state.evaluation ??= { pads: {}, ratings: {}, cases: {} };
  return state.evaluation;
}

/** The appointment book, read-only. */
export interface BookReader {
  readonly bookings: ReadonlyMap<string, Booking>;
  readonly notices: readonly NoticeRecord[];
}

const NO_APPOINTMENTS: BookReader = Object.freeze({ bookings: new Map<string, Booking>(), notices: Object.freeze([]) });

/** The appointment book for reading; empty (and frozen) when there is none yet. */
export function appointmentsOf(state: EngineState): BookReader {
  return state.appointments ?? NO_APPOINTMENTS;
}

/** The appointment book for evolve to write to, created on first use. */
export function writableAppointments(state: EngineState): AppointmentBook {
  state.appointments ??= { bookings: new Map(), notices: [] };
  return state.appointments;
}
