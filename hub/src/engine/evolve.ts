// Applies one event to the state: facts only, no rule checks, no configuration.
//
// evolve MUTATES `state` in place and returns the same object. Replaying a busy day (2,000
// tickets × ~8 events) is a tight loop, and copying the ticket map per event would make it
// quadratic. Whoever keeps a state must not expect an older reference to stay unchanged.
import type { Period, Ticket, TicketState, WindowState } from '@yichuang/shared/domain';
import { LEVEL_CODE, type Case, type CaseStepRecord, type Rating } from '@yichuang/shared/ratings';
import { dayState, finishedPeriod, writableAppointments, writableEvaluation } from './state.js';
import type { Booking, CallRecord, EngineEvent, EngineState } from './types.js';

const MAX_CALLS = 50;
const MAX_NOTICES = 100;
const TERMINAL: ReadonlySet<TicketState> = new Set(['finished', 'no-show', 'cancelled']);

export function evolve(state: EngineState, e: EngineEvent): EngineState {
  switch (e.type) {
    case 'day.started': {
      const next = dayState(state, e.day, e.at, e.cases, e.bookings);
      // Yesterday's pads and ratings go too; the new day has evaluation state only if cases carried
      // over, and an appointment book only if bookings did.
      delete state.evaluation;
      delete state.appointments;
      return Object.assign(state, next);
    }

    case 'ticket.issued': {
      const ticket: Ticket = {
        id: e.ticketId,
        number: e.number,
        // Ticket ids are `${day}/${number}`, so the day travels with the event.
        day: e.ticketId.slice(0, e.ticketId.indexOf('/')),
        categoryId: e.categoryId,
        source: e.source,
        priority: e.priority,
        issuedAt: e.at,
        arrivalAt: e.at,
        queueAt: e.at,
        state: 'waiting',
        recalls: 0,
        returns: 0,
        transfers: 0,
        periods: [{ state: 'waiting', categoryId: e.categoryId, start: e.at }],
      };
      if (e.dueAt !== undefined) ticket.dueAt = e.dueAt;
      if (e.identity) ticket.identity = e.identity;
      if (e.kioskId !== undefined) ticket.kioskId = e.kioskId;
      state.tickets[ticket.id] = ticket;
      state.byNumber[ticket.number] = ticket.id;
      state.counters[e.categoryId] = (state.counters[e.categoryId] ?? 0) + 1;
      return state;
    }

    case 'ticket.called': {
      const t = ticketOf(state, e.ticketId);
      const w = windowOf(state, e.windowId);
      t.windowId = e.windowId;
      t.staffId = e.staffId;
      // The recall budget is per call: a re-queued or transferred ticket starts afresh.
      t.recalls = 0;
      enter(t, 'called', e.at, e.windowId, e.staffId);
      w.currentTicketId = t.id;
      // A call by number is the staff's own choice and leaves the anti-starvation count alone.
      if (e.by === 'next') w.priorityStreak = e.priorityPick ? w.priorityStreak + 1 : 0;
      logCall(state, { ticketId: t.id, windowId: e.windowId, at: e.at, recall: 0 });
      return state;
    }

    case 'ticket.recalled': {
      ticketOf(state, e.ticketId).recalls = e.count;
      logCall(state, { ticketId: e.ticketId, windowId: e.windowId, at: e.at, recall: e.count });
      return state;
    }

    case 'ticket.started': {
      const t = ticketOf(state, e.ticketId);
      t.staffId = e.staffId;
      enter(t, 'serving', e.at, e.windowId, e.staffId);
      return state;
    }

    case 'ticket.finished': {
      const t = ticketOf(state, e.ticketId);
      t.outcome = e.outcome;
      if (e.note !== undefined) t.outcomeNote = e.note;
      if (e.caseNumber !== undefined) t.caseNumber = e.caseNumber;
      if (e.itemCode !== undefined) t.itemCode = e.itemCode;
      enter(t, 'finished', e.at, e.windowId, e.staffId);
      release(state, e.windowId, t.id);
      // The visit is now this window's pad's to rate.
      writableEvaluation(state).pads[e.windowId] = { ticketId: t.id, staffId: e.staffId, finishedAt: e.at };
      return state;
    }

    case 'ticket.caseLinked': {
      const t = ticketOf(state, e.ticketId);
      if (e.caseNumber !== undefined) t.caseNumber = e.caseNumber;
      if (e.itemCode !== undefined) t.itemCode = e.itemCode;
      // The citizen often rates before staff have the number: the rating given is tied to it too.
      const rating = state.evaluation?.ratings[t.id];
      if (rating && e.caseNumber !== undefined) writableEvaluation(state).ratings[t.id] = { ...rating, caseNumber: e.caseNumber };
      return state;
    }

    case 'ticket.noShow': {
      const t = ticketOf(state, e.ticketId);
      enter(t, 'no-show', e.at, e.windowId, t.staffId);
      release(state, e.windowId, t.id);
      return state;
    }

    case 'ticket.held': {
      const t = ticketOf(state, e.ticketId);
      // windowId stays: it records where the ticket is held, for resume.
      enter(t, 'on-hold', e.at, e.windowId, t.staffId);
      release(state, e.windowId, t.id);
      return state;
    }

    case 'ticket.transferred': {
      const t = ticketOf(state, e.ticketId);
      release(state, e.windowId, t.id);
      t.categoryId = e.toCategoryId;
      if (e.toWindowId === undefined) delete t.targetWindowId;
      else t.targetWindowId = e.toWindowId;
      t.transfers += 1;
      requeue(t, t.arrivalAt, e.at);
      return state;
    }

    case 'ticket.resumed': {
      const t = ticketOf(state, e.ticketId);
      t.targetWindowId = e.windowId;
      requeue(t, t.arrivalAt, e.at);
      return state;
    }

    case 'ticket.requeued': {
      const t = ticketOf(state, e.ticketId);
      // A returning no-show rejoins its category's queue, not any one window.
      delete t.targetWindowId;
      t.returns += 1;
      requeue(t, e.queueAt, e.at);
      return state;
    }

    case 'ticket.cancelled': {
      enter(ticketOf(state, e.ticketId), 'cancelled', e.at);
      return state;
    }

    case 'ticket.printed': {
      const t = ticketOf(state, e.ticketId);
      t.print = { ok: e.ok, printerId: e.printerId, at: e.at, reason: e.reason, ...(e.jobId !== undefined && { jobId: e.jobId }) };
      return state;
    }

    case 'window.paused': {
      const w = windowOf(state, e.windowId);
      w.status = 'paused';
      w.pauseReason = e.reason;
      w.since = e.at;
      return state;
    }

    case 'window.unpaused': {
      const w = windowOf(state, e.windowId);
      w.status = 'open';
      delete w.pauseReason;
      w.since = e.at;
      return state;
    }

    case 'rating.recorded': {
      const { channel, level, reasons, text, contact } = e;
      return rate(state, e, { channel, level, code: LEVEL_CODE[level], reasons, ...(text !== undefined && { text }), ...(contact && { contact }) });
    }

    case 'rating.levelChosen': {
      const pads = writableEvaluation(state).pads;
      const prompt = pads[e.windowId];
      if (prompt?.ticketId === e.ticketId) pads[e.windowId] = { ...prompt, chosen: { level: e.level, reasons: e.reasons, at: e.at } };
      return state;
    }

    case 'rating.expired':
      return rate(state, e, { channel: 'pad', level: 'unrated', reasons: [] });

    case 'case.opened': {
      const rating = writableEvaluation(state).ratings[e.ticketId];
      if (!rating) throw new Error(`evolve: case ${e.caseId} for unrated ticket ${e.ticketId}`);
      const opened: Case = {
        id: e.caseId,
        rating,
        department: e.department,
        openedAt: e.at,
        due: e.due,
        reached: 'opened',
        steps: [],
        ...(e.sealedContact && { sealedContact: e.sealedContact }),
      };
      writableEvaluation(state).cases[e.caseId] = opened;
      return state;
    }

    case 'case.verified':
      return step(state, e.caseId, { step: 'verify', at: e.at, by: e.by, text: e.notes, verdict: e.verdict }, e.verdict);
    case 'case.rectified':
      return step(state, e.caseId, { step: 'rectify', at: e.at, by: e.by, text: e.measures });
    case 'case.followedUp':
      return step(state, e.caseId, { step: 'followUp', at: e.at, by: e.by, text: e.notes, result: e.result });
    case 'case.closed':
      return step(state, e.caseId, { step: 'close', at: e.at, by: e.by, text: e.notes ?? '' });

    case 'appointment.booked':
      writableAppointments(state).bookings.set(e.booking.id, { ...e.booking, status: 'booked', notices: [] });
      return state;

    case 'appointment.changed': {
      const { day, slotStart, slotEnd, checkInFrom, checkInUntil } = e;
      // New terms: the citizen is told again, and reminded again.
      return rebook(state, e.bookingId, (b) => ({ ...b, day, slotStart, slotEnd, checkInFrom, checkInUntil, notices: b.notices.filter((k) => k === 'called') }));
    }

    case 'appointment.cancelled':
      return rebook(state, e.bookingId, (b) => ({ ...b, status: 'cancelled' }));

    case 'appointment.checkedIn':
      return rebook(state, e.bookingId, (b) => ({ ...b, status: e.late ? 'late' : 'checkedIn', ticketId: e.ticketId }));

    case 'appointment.noShow':
      return rebook(state, e.bookingId, (b) => ({ ...b, status: 'noShow' }));

    case 'appointment.notified': {
      const { type: _, at, ...notice } = e;
      const { code } = bookingOf(state, e.bookingId);
      rebook(state, e.bookingId, (b) => ({ ...b, notices: [...b.notices, e.kind] }));
      const notices = writableAppointments(state).notices;
      notices.unshift({ at, code, ...notice });
      if (notices.length > MAX_NOTICES) notices.length = MAX_NOTICES;
      return state;
    }

    case 'staff.signedIn': {
      // Whoever signs in at a tidal window works the queue it was switched to.
      const assigned = state.windows[e.windowId]?.assignedCategoryId;
      state.windows[e.windowId] = { id: e.windowId, status: 'open', staffId: e.staffId, priorityStreak: 0, since: e.at, ...(assigned !== undefined && { assignedCategoryId: assigned }) };
      return state;
    }

    case 'window.assigned':
      state.windows[e.windowId] ??= { id: e.windowId, status: 'closed', priorityStreak: 0, since: e.at };
      state.windows[e.windowId]!.assignedCategoryId = e.categoryId;
      return state;

    case 'window.restored':
      delete windowOf(state, e.windowId).assignedCategoryId;
      return state;

    case 'staff.signedOut': {
      const w = windowOf(state, e.windowId);
      w.status = 'closed';
      delete w.staffId;
      delete w.pauseReason;
      w.since = e.at;
      return state;
    }
  }
}

function ticketOf(state: EngineState, id: string): Ticket {
  const t = state.tickets[id];
  // An event for a ticket the state never saw means a broken journal: fail loudly.
  if (!t) throw new Error(`evolve: unknown ticket ${id}`);
  return t;
}

function windowOf(state: EngineState, id: string): WindowState {
  const w = state.windows[id];
  if (!w) throw new Error(`evolve: unknown window ${id}`);
  return w;
}

/** Closes the open period and opens one for the new state; terminal states end where they start. */
function enter(t: Ticket, to: TicketState, at: number, windowId?: string, staffId?: string): void {
  const open = t.periods[t.periods.length - 1];
  if (open && open.end === undefined) open.end = at;
  t.state = to;
  const period: Period = { state: to, categoryId: t.categoryId, start: at };
  if (windowId !== undefined) period.windowId = windowId;
  if (staffId !== undefined) period.staffId = staffId;
  if (TERMINAL.has(to)) period.end = at;
  t.periods.push(period);
}

function requeue(t: Ticket, queueAt: number, at: number): void {
  t.queueAt = queueAt;
  delete t.windowId;
  delete t.staffId;
  enter(t, 'waiting', at);
}

function release(state: EngineState, windowId: string, ticketId: string): void {
  const w = state.windows[windowId];
  if (w?.currentTicketId === ticketId) delete w.currentTicketId;
}

/** Records a visit's rating (or its 未评价) and takes the visit off its window's pad. */
function rate(
  state: EngineState,
  e: { at: number; ticketId: string; windowId: string; staffId: string },
  given: Pick<Rating, 'channel' | 'level' | 'code' | 'reasons' | 'text' | 'contact'>,
): EngineState {
  const t = ticketOf(state, e.ticketId);
  const finished = finishedPeriod(t);
  const rating: Rating = {
    ticketId: t.id,
    ticketNumber: t.number,
    categoryId: t.categoryId,
    windowId: e.windowId,
    staffId: e.staffId,
    finishedAt: finished?.start ?? e.at,
    at: e.at,
    ...given,
    ...(t.caseNumber !== undefined && { caseNumber: t.caseNumber }),
  };
  const evaluation = writableEvaluation(state);
  evaluation.ratings[t.id] = rating;
  if (evaluation.pads[e.windowId]?.ticketId === t.id) delete evaluation.pads[e.windowId];
  return state;
}

/**
 * Appends a step to a case. Cases are replaced, never changed in place: a day.started event holds
 * the carried cases themselves, and that event must stay as it was journaled.
 */
function step(state: EngineState, caseId: string, record: CaseStepRecord, verdict?: Case['verdict']): EngineState {
  const cases = writableEvaluation(state).cases;
  const c = cases[caseId];
  if (!c) throw new Error(`evolve: unknown case ${caseId}`);
  cases[caseId] = { ...c, reached: record.step, steps: [...c.steps, record], ...(verdict && { verdict }) };
  return state;
}

/**
 * Replaces a booking. Bookings are replaced, never changed in place: a day.started event holds the
 * carried bookings themselves, and that event must stay as it was journaled.
 */
function rebook(state: EngineState, bookingId: string, change: (b: Booking) => Booking): EngineState {
  writableAppointments(state).bookings.set(bookingId, change(bookingOf(state, bookingId)));
  return state;
}

function bookingOf(state: EngineState, id: string): Booking {
  const b = state.appointments?.bookings.get(id);
  if (!b) throw new Error(`evolve: unknown booking ${id}`);
  return b;
}

function logCall(state: EngineState, call: CallRecord): void {
  state.calls.unshift(call);
  if (state.calls.length > MAX_CALLS) state.calls.length = MAX_CALLS;
}
