// Appointment check-in by code: within the booking's check-in window (booking.ts: promisedCheckIn) it issues a ticket with the
// appointment priority, due at the slot's start; after the window only a normal ticket, and only
// when the citizen accepts it. The ticket and the check-in are one decision, journaled together.
import type { ServiceDay } from '@yichuang/shared/domain';
import { formatClock } from '@yichuang/shared/time';
import { bookingByCode, promisedCheckIn, ticketNumberOf } from './booking.js';
import { accept, fail, type CommandOf } from './guards.js';
import { decideIssue } from './issuing.js';
import type { DecideContext, Decision, EngineState } from './types.js';

export function decideCheckIn(state: EngineState, c: CommandOf<'checkIn'>, ctx: DecideContext, today: ServiceDay): Decision {
  const { now, config } = ctx;
  const timeZone = config.hall.timeZone;
  const b = bookingByCode(state, c.code);
  if (!b) return fail('APPOINTMENT_UNKNOWN');
  if (b.status === 'cancelled') return fail('APPOINTMENT_CANCELLED');
  if (b.status === 'checkedIn' || b.status === 'late') return fail('ALREADY_CHECKED_IN', { number: ticketNumberOf(b) });
  if (b.day !== today) return fail('APPOINTMENT_NOT_TODAY', { day: b.day });
  const { from, until } = promisedCheckIn(b, config);
  if (now < from) return fail('CHECKIN_TOO_EARLY', { from: formatClock(from, timeZone) });
  const late = b.status === 'noShow' || now > until;
  if (late && !c.acceptNormal) return fail('CHECKIN_TOO_LATE', { until: formatClock(until, timeZone) });

  const issued = decideIssue(
    state,
    {
      type: 'issue',
      categoryId: b.categoryId,
      // A late arrival queues like a walk-in; source 'appointment' still admits it in appointment-only hours.
      priority: late ? 'normal' : 'appointment',
      source: 'appointment',
      identity: { kind: 'phone', masked: b.phone.masked },
      ...(c.kioskId !== undefined && { kioskId: c.kioskId }),
      ...(!late && { dueAt: b.slotStart }),
    },
    ctx,
    today,
  );
  if (!issued.ok) return issued;
  const ticket = issued.events.find((e) => e.type === 'ticket.issued');
  if (ticket?.type !== 'ticket.issued') return issued;
  return accept(...issued.events, {
    type: 'appointment.checkedIn',
    at: now,
    bookingId: b.id,
    categoryId: b.categoryId,
    day: b.day,
    slotStart: b.slotStart,
    ticketId: ticket.ticketId,
    late,
    ...(b.status === 'noShow' && { afterNoShow: true as const }),
  });
}
