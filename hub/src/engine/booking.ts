// The appointment book's rules: booking, changing and cancelling, no-shows, and the record of each
// notice sent. Commands run one at a time (HallService), so a slot's capacity check and the booking
// that fills it can never interleave with another booking.
import type { BookingRules } from '@yichuang/shared/appointments';
import type { Category, Hall, HallConfig, ServiceDay } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import { accept, fail, isError, refuse, type CommandOf } from './guards.js';
import { checkInWindow, slotToBook, type CheckInWindow, type Slot } from './slots.js';
import { appointmentsOf } from './state.js';
import type { Booking, DecideContext, Decision, DomainError, EngineEvent, EngineState } from './types.js';

const MINUTE = 60_000;

export function bookingByCode(state: EngineState, code: string): Booking | undefined {
  for (const b of appointmentsOf(state).bookings.values()) if (b.code === code) return b;
  return undefined;
}

/**
 * The check-in window a booking holds, cut by the one rule (slots.ts: checkInWindow) once more: a
 * booking made before the rule, or before the hours changed, holds times the hall cannot take. The
 * booking page, the notices and the check-in guard all read it here.
 */
export function promisedCheckIn(b: Booking, config: HallConfig): CheckInWindow {
  const held = { from: b.checkInFrom, until: b.checkInUntil };
  const category = config.categories.find((k) => k.id === b.categoryId);
  return category ? checkInWindow(category, b.slotStart, held, config.hall) : held;
}

/** A booking becomes a no-show once its check-in window has closed and its slot has ended. */
export const noShowAt = (b: Booking): number => Math.max(b.slotEnd, b.checkInUntil);

/** Bookings the no-show timer should mark now. */
export function dueNoShows(state: EngineState, now: number): Booking[] {
  return [...appointmentsOf(state).bookings.values()].filter((b) => b.status === 'booked' && now >= noShowAt(b));
}

/** Bookings a new day starts with: that day's and later ones, and earlier ones not yet resolved. */
export function carriedBookings(state: EngineState, day: ServiceDay): Booking[] {
  return [...appointmentsOf(state).bookings.values()].filter((b) => b.day >= day || b.status === 'booked');
}

/**
 * The booking behind a code; a citizen must also give the phone number's last 4 digits. A wrong
 * tail gets the same answer as a wrong code (APPOINTMENT_UNKNOWN), so codes cannot be probed.
 */
function claimed(state: EngineState, code: string, phoneTail: string | undefined): Booking | undefined {
  const b = bookingByCode(state, code);
  return b && (phoneTail === undefined || b.phone.masked.slice(-4) === phoneTail) ? b : undefined;
}

/** Only a booking still waiting for its day can be changed or cancelled. */
function stillBooked(b: Booking): DomainError | undefined {
  switch (b.status) {
    case 'booked':
      return undefined;
    case 'cancelled':
      return { code: 'APPOINTMENT_CANCELLED' };
    case 'noShow':
      return { code: 'APPOINTMENT_MISSED' };
    case 'checkedIn':
    case 'late':
      return { code: 'ALREADY_CHECKED_IN', params: { number: ticketNumberOf(b) } };
  }
}

/** Ticket ids are `${day}/${number}`. */
export const ticketNumberOf = (b: Booking): string => b.ticketId?.split('/')[1] ?? '';

/** Capacity and the per-person limits for putting a booking (not `self`) into `slot`. */
function room(state: EngineState, slot: Slot, categoryId: string, phoneKey: string, rules: BookingRules, timeZone: string, self?: string): DomainError | undefined {
  const day = serviceDay(slot.start, timeZone);
  let inSlot = 0;
  let active = 0;
  let sameDay = 0;
  for (const b of appointmentsOf(state).bookings.values()) {
    if (b.id === self || b.categoryId !== categoryId || b.status === 'cancelled') continue;
    if (b.slotStart === slot.start) inSlot++;
    if (b.phone.key !== phoneKey) continue;
    if (b.status === 'booked') active++;
    if (b.day === day) sameDay++;
  }
  if (inSlot >= rules.capacity) return { code: 'APPOINTMENT_SLOT_FULL' };
  if (active >= rules.perPerson.maxActive) return { code: 'BOOKING_LIMIT', params: { max: rules.perPerson.maxActive } };
  if (sameDay >= rules.perPerson.maxPerDay) return { code: 'BOOKING_DAY_LIMIT', params: { max: rules.perPerson.maxPerDay } };
  return undefined;
}

/** The check-in window and the slot's bounds, as stored on the booking. */
function terms(category: Category, slot: Slot, rules: BookingRules, hall: Hall) {
  const wanted = { from: slot.start - rules.checkIn.earlyMinutes * MINUTE, until: slot.start + rules.checkIn.lateMinutes * MINUTE };
  const { from, until } = checkInWindow(category, slot.start, wanted, hall);
  return { day: serviceDay(slot.start, hall.timeZone), slotStart: slot.start, slotEnd: slot.end, checkInFrom: from, checkInUntil: until };
}

export function decideBook(state: EngineState, c: CommandOf<'book'>, { now, config }: DecideContext, today: ServiceDay): Decision {
  const category = config.categories.find((k) => k.id === c.categoryId);
  if (!category) return fail('UNKNOWN_CATEGORY', { categoryId: c.categoryId });
  if (!category.allowAppointment || !c.rules.enabled) return fail('APPOINTMENT_NOT_ALLOWED');
  const slot = slotToBook(category, c.rules, c.slotStart, config.hall, today, now);
  if (isError(slot)) return refuse(slot);
  const full = room(state, slot, category.id, c.phone.key, c.rules, config.hall.timeZone);
  if (full) return refuse(full);
  if (bookingByCode(state, c.code) || appointmentsOf(state).bookings.has(c.bookingId)) return fail('APPOINTMENT_CODE_TAKEN');
  return accept({
    type: 'appointment.booked',
    at: now,
    booking: {
      id: c.bookingId,
      code: c.code,
      categoryId: category.id,
      ...terms(category, slot, c.rules, config.hall),
      name: c.name,
      phone: c.phone,
      ...(c.contact !== undefined && { contact: c.contact }),
      by: c.by,
      bookedAt: now,
    },
  });
}

export function decideChangeBooking(state: EngineState, c: CommandOf<'changeBooking'>, { now, config }: DecideContext, today: ServiceDay): Decision {
  const b = claimed(state, c.code, c.phoneTail);
  if (!b) return fail('APPOINTMENT_UNKNOWN');
  const closed = stillBooked(b);
  if (closed) return refuse(closed);
  if (now >= b.slotStart) return fail('APPOINTMENT_STARTED');
  if (c.slotStart === b.slotStart) return accept();
  const category = config.categories.find((k) => k.id === b.categoryId);
  if (!category) return fail('UNKNOWN_CATEGORY', { categoryId: b.categoryId });
  if (!category.allowAppointment || !c.rules.enabled) return fail('APPOINTMENT_NOT_ALLOWED');
  const slot = slotToBook(category, c.rules, c.slotStart, config.hall, today, now);
  if (isError(slot)) return refuse(slot);
  const full = room(state, slot, category.id, b.phone.key, c.rules, config.hall.timeZone, b.id);
  if (full) return refuse(full);
  return accept({
    type: 'appointment.changed',
    at: now,
    bookingId: b.id,
    categoryId: b.categoryId,
    fromDay: b.day,
    fromSlotStart: b.slotStart,
    ...terms(category, slot, c.rules, config.hall),
  });
}

export function decideCancelBooking(state: EngineState, c: CommandOf<'cancelBooking'>, { now }: DecideContext): Decision {
  const b = claimed(state, c.code, c.phoneTail);
  if (!b) return fail('APPOINTMENT_UNKNOWN');
  const closed = stillBooked(b);
  if (closed) return refuse(closed);
  return accept({ type: 'appointment.cancelled', at: now, bookingId: b.id, categoryId: b.categoryId, day: b.day, slotStart: b.slotStart, by: c.by });
}

export function decideMarkNoShows(state: EngineState, { now }: DecideContext): Decision {
  return accept(
    ...dueNoShows(state, now).map(
      (b): EngineEvent => ({ type: 'appointment.noShow', at: now, bookingId: b.id, categoryId: b.categoryId, day: b.day, slotStart: b.slotStart }),
    ),
  );
}

export function decideRecordNotice(state: EngineState, c: CommandOf<'recordNotice'>, { now }: DecideContext): Decision {
  if (!appointmentsOf(state).bookings.has(c.bookingId)) return fail('APPOINTMENT_UNKNOWN');
  const { bookingId, kind, channel, to, text, ok, reason } = c;
  return accept({ type: 'appointment.notified', at: now, bookingId, kind, channel, to, text, ok, ...(reason !== undefined && { reason }) });
}
