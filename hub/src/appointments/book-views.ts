// Read models of the appointment book for the phone page and the console, projected from engine
// state, the hall's categories and the booking rules. Names and phones are masked in the book already.
import { BOOKING_STATUSES, type AppointmentDay, type BookableService, type BookingRules, type BookingStatus, type BookingView, type SlotBookings, type SlotView } from '@yichuang/shared/appointments';
import type { Category, HallConfig, ServiceDay } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import { promisedCheckIn, ticketNumberOf } from '../engine/booking.js';
import { bookableDays, beforeCutoff, slotsOn } from '../engine/slots.js';
import { appointmentsOf } from '../engine/state.js';
import type { Booking, EngineState } from '../engine/types.js';

export type RulesFor = (categoryId: string) => BookingRules;

export function bookingView(b: Booking, config: HallConfig): BookingView {
  const checkIn = promisedCheckIn(b, config);
  const view: BookingView = {
    code: b.code,
    categoryId: b.categoryId,
    day: b.day,
    slotStart: b.slotStart,
    slotEnd: b.slotEnd,
    checkInFrom: checkIn.from,
    checkInUntil: checkIn.until,
    name: b.name,
    phone: b.phone.masked,
    status: b.status,
    by: b.by,
    bookedAt: b.bookedAt,
  };
  if (b.ticketId !== undefined) view.ticketNumber = ticketNumberOf(b);
  return view;
}

/** Categories citizens can book now. */
export function bookableCategories(config: HallConfig, rulesFor: RulesFor): Category[] {
  return config.categories.filter((c) => c.allowAppointment && rulesFor(c.id).enabled);
}

const slotKey = (categoryId: string, start: number): string => `${categoryId}@${start}`;

/** Bookings that hold a place (all but cancelled ones), per category and slot. */
function placesTaken(state: EngineState): Map<string, Booking[]> {
  const taken = new Map<string, Booking[]>();
  for (const b of appointmentsOf(state).bookings.values()) {
    if (b.status === 'cancelled') continue;
    const key = slotKey(b.categoryId, b.slotStart);
    taken.set(key, [...(taken.get(key) ?? []), b]);
  }
  return taken;
}

export function slotViews(state: EngineState, config: HallConfig, category: Category, rules: BookingRules, day: ServiceDay, now: number): SlotView[] {
  const taken = placesTaken(state);
  return slotsOn(category, rules, day, config.hall).map((slot) => {
    const booked = taken.get(slotKey(category.id, slot.start))?.length ?? 0;
    return { start: slot.start, end: slot.end, capacity: rules.capacity, booked, open: booked < rules.capacity && beforeCutoff(slot, rules, now) };
  });
}

/** What the phone page offers: each bookable service with its days and the places left on each. */
export function bookableServices(state: EngineState, config: HallConfig, rulesFor: RulesFor, now: number): BookableService[] {
  const today = serviceDay(now, config.hall.timeZone);
  const taken = placesTaken(state);
  return bookableCategories(config, rulesFor).map((category) => {
    const rules = rulesFor(category.id);
    const days = bookableDays(today, rules).flatMap((day) => {
      const slots = slotsOn(category, rules, day, config.hall);
      if (slots.length === 0) return [];
      const free = slots
        .filter((s) => beforeCutoff(s, rules, now))
        .reduce((sum, s) => sum + Math.max(0, rules.capacity - (taken.get(slotKey(category.id, s.start))?.length ?? 0)), 0);
      return [{ day, free, appointmentOnly: slots.every((s) => s.appointmentOnly) }];
    });
    const { id, prefix, name, nameEn } = category;
    return { id, prefix, name, nameEn, slotMinutes: rules.slotMinutes, checkIn: rules.checkIn, days };
  });
}

/** One day for the console: every bookable category's slots (and any other with bookings that day). */
export function dayView(state: EngineState, config: HallConfig, rulesFor: RulesFor, day: ServiceDay, now: number): AppointmentDay {
  const book = appointmentsOf(state);
  const ofDay = [...book.bookings.values()].filter((b) => b.day === day);
  const withBookings = new Set(ofDay.map((b) => b.categoryId));
  const shown = config.categories.filter((c) => withBookings.has(c.id) || (c.allowAppointment && rulesFor(c.id).enabled));
  const categories = shown.map((category) => {
    const rules = rulesFor(category.id);
    const mine = ofDay.filter((b) => b.categoryId === category.id).sort((a, b) => a.bookedAt - b.bookedAt);
    const rows = new Map<number, SlotBookings>(slotViews(state, config, category, rules, day, now).map((slot) => [slot.start, { ...slot, bookings: [] }]));
    for (const b of mine) {
      let row = rows.get(b.slotStart);
      // A booking whose slot left the rules (hours changed since) still shows, in a row of its own.
      if (!row) rows.set(b.slotStart, (row = { start: b.slotStart, end: b.slotEnd, capacity: 0, booked: 0, open: false, bookings: [] }));
      if (row.capacity === 0 && b.status !== 'cancelled') row.booked++;
      row.bookings.push(bookingView(b, config));
    }
    const slots = [...rows.values()];
    return { categoryId: category.id, slots: slots.sort((a, b) => a.start - b.start) };
  });
  const totals = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatus, number>;
  for (const b of ofDay) totals[b.status]++;
  const notices = book.notices.map(({ at, code, kind, channel, to, text, ok, reason }) => ({ at, code, kind, channel, to, text, ok, ...(reason !== undefined && { reason }) }));
  return { day, categories, totals, notices };
}
