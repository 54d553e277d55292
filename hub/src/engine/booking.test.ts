import type { BookingRules } from '@yichuang/shared/appointments';
import { maskPhone } from '@yichuang/shared/identity';
import { describe, expect, it } from 'vitest';
import { dueNoShows } from './booking.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import type { CommandOf } from './guards.js';
import { appointmentsOf, initialState } from './state.js';
import { Hall, local, makeConfig } from './test-fixtures.js';
import type { Booking, EngineEvent } from './types.js';

const RULES: BookingRules = {
  enabled: true,
  slotMinutes: 30,
  capacity: 2,
  daysAhead: 7,
  cutoffMinutes: 30,
  perPerson: { maxActive: 2, maxPerDay: 1 },
  blackoutDays: [],
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
};

let made = 0;
/** A booking command; each gets its own id and code. The phone's key stands in for the hub's keyed hash. */
function book(slot: string, phone = '13800001234', extra: Partial<CommandOf<'book'>> = {}): CommandOf<'book'> {
  made++;
  return {
    type: 'book',
    bookingId: `b${made}`,
    code: String(100000 + made),
    categoryId: 'general',
    slotStart: local(slot),
    name: '张*',
    phone: { masked: maskPhone(phone), key: `key-${phone}` },
    by: 'citizen',
    rules: RULES,
    ...extra,
  };
}

const phone = (i: number): string => `139${String(i).padStart(8, '0')}`;
const bookingOf = (hall: Hall, code: string): Booking => [...appointmentsOf(hall.state).bookings.values()].find((b) => b.code === code)!;
const booked = (events: EngineEvent[]) => events.find((e) => e.type === 'appointment.booked');

describe('booking', () => {
  it('records the slot, the check-in window and the masked identity, and nothing more', () => {
    const hall = new Hall();
    const command = book('2026-11-24 10:00');
    const events = hall.run(command);
    expect(booked(events)).toEqual({
      type: 'appointment.booked',
      at: hall.now,
      booking: {
        id: command.bookingId,
        code: command.code,
        categoryId: 'general',
        day: '2026-11-24',
        slotStart: local('2026-11-24 10:00'),
        slotEnd: local('2026-11-24 10:30'),
        checkInFrom: local('2026-11-24 09:30'),
        checkInUntil: local('2026-11-24 10:15'),
        name: '张*',
        phone: { masked: '138****1234', key: 'key-13800001234' },
        by: 'citizen',
        bookedAt: hall.now,
      },
    });
    expect(bookingOf(hall, command.code)).toMatchObject({ status: 'booked', notices: [] });
  });

  it('never fills a slot beyond its capacity, however many bookings race for it', () => {
    // Many phones book three slots in a scrambled order, one command at a time as HallService
    // runs them: each decision sees every booking accepted before it.
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const slots = ['2026-11-24 09:00', '2026-11-24 09:30', '2026-11-24 10:00'];
    const capacity = 4;
    let accepted = 0;
    let x = 7;
    for (let i = 0; i < 60; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31; // a fixed pseudo-random order
      const slot = slots[x % slots.length]!;
      const decision = decide(hall.state, book(slot, phone(i), { rules: { ...RULES, capacity } }), { now: hall.now, config: hall.config });
      if (decision.ok) {
        accepted++;
        for (const e of decision.events) hall.state = evolve(hall.state, e);
      } else {
        expect(decision.error).toEqual({ code: 'APPOINTMENT_SLOT_FULL' });
      }
      for (const s of slots) {
        const inSlot = [...appointmentsOf(hall.state).bookings.values()].filter((b) => b.slotStart === local(s));
        expect(inSlot.length).toBeLessThanOrEqual(capacity);
      }
    }
    expect(accepted).toBe(slots.length * capacity);
  });

  it('needs the serialised order: two decisions on the same state would both take the last place', () => {
    // This is why bookings run through HallService one at a time and never decide in parallel.
    const hall = new Hall();
    hall.run(book('2026-11-24 09:00', phone(1)));
    const a = decide(hall.state, book('2026-11-24 09:00', phone(2)), { now: hall.now, config: hall.config });
    const b = decide(hall.state, book('2026-11-24 09:00', phone(3)), { now: hall.now, config: hall.config });
    expect(a.ok && b.ok).toBe(true);
    for (const e of a.ok ? a.events : []) hall.state = evolve(hall.state, e);
    expect(hall.refusal(book('2026-11-24 09:00', phone(3)))).toEqual({ code: 'APPOINTMENT_SLOT_FULL' });
  });

  it('limits each phone number per category: open bookings, and bookings per day', () => {
    const hall = new Hall();
    const first = book('2026-11-24 09:00');
    hall.run(first);
    expect(hall.refusal(book('2026-11-24 10:00'))).toEqual({ code: 'BOOKING_DAY_LIMIT', params: { max: 1 } });
    hall.run(book('2026-11-25 09:00'));
    expect(hall.refusal(book('2026-11-26 09:00'))).toEqual({ code: 'BOOKING_LIMIT', params: { max: 2 } });
    // Another category has its own limits; another phone number is another person.
    hall.run(book('2026-11-26 09:00', '13800001234', { categoryId: 'social' }));
    hall.run(book('2026-11-26 09:00', '13900001234'));
    // A cancellation frees the place.
    hall.run({ type: 'cancelBooking', code: first.code, by: 'staff' });
    hall.run(book('2026-11-26 10:00'));
  });

  it('refuses categories that take no appointments, and codes already in the book', () => {
    const hall = new Hall();
    expect(hall.refusal(book('2026-11-24 09:00', phone(1), { rules: { ...RULES, enabled: false } }))).toEqual({ code: 'APPOINTMENT_NOT_ALLOWED' });
    const noBooking = makeConfig({ categories: makeConfig().categories.map((c) => (c.id === 'general' ? { ...c, allowAppointment: false } : c)) });
    expect(new Hall(noBooking).refusal(book('2026-11-24 09:00'))).toEqual({ code: 'APPOINTMENT_NOT_ALLOWED' });
    expect(hall.refusal(book('2026-11-24 09:00', phone(1), { categoryId: 'nope' }))).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
    const first = book('2026-11-24 09:00', phone(1));
    hall.run(first);
    expect(hall.refusal(book('2026-11-24 09:30', phone(2), { code: first.code }))).toEqual({ code: 'APPOINTMENT_CODE_TAKEN' });
  });
});

describe('changing and cancelling a booking', () => {
  it('moves it to another slot, freeing the old one, with the phone tail as proof', () => {
    const hall = new Hall();
    const b = book('2026-11-24 09:00');
    hall.run(b, book('2026-11-24 10:00', phone(1)), book('2026-11-24 10:00', phone(2)));
    const change = { type: 'changeBooking', code: b.code, phoneTail: '1234', slotStart: local('2026-11-25 14:00'), rules: RULES } as const;
    expect(hall.refusal({ ...change, phoneTail: '9999' })).toEqual({ code: 'APPOINTMENT_UNKNOWN' });
    expect(hall.refusal({ ...change, slotStart: local('2026-11-24 10:00') })).toEqual({ code: 'APPOINTMENT_SLOT_FULL' });
    expect(hall.run({ ...change, slotStart: local('2026-11-24 09:00') })).toEqual([]);
    const [changed] = hall.run(change);
    expect(changed).toMatchObject({
      type: 'appointment.changed',
      fromDay: '2026-11-24',
      fromSlotStart: local('2026-11-24 09:00'),
      day: '2026-11-25',
      slotStart: local('2026-11-25 14:00'),
      checkInUntil: local('2026-11-25 14:15'),
    });
    expect(bookingOf(hall, b.code)).toMatchObject({ day: '2026-11-25', slotEnd: local('2026-11-25 14:30'), status: 'booked' });
    hall.run(book('2026-11-24 09:00', phone(3)), book('2026-11-24 09:00', phone(4)));
  });

  it('cannot change a slot that has begun, nor a cancelled booking', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const b = book('2026-11-23 10:00');
    hall.run(b);
    hall.at('2026-11-23 10:00');
    expect(hall.refusal({ type: 'changeBooking', code: b.code, slotStart: local('2026-11-24 10:00'), rules: RULES })).toEqual({
      code: 'APPOINTMENT_STARTED',
    });
    hall.run({ type: 'cancelBooking', code: b.code, phoneTail: '1234', by: 'citizen' });
    expect(bookingOf(hall, b.code).status).toBe('cancelled');
    expect(hall.refusal({ type: 'cancelBooking', code: b.code, by: 'staff' })).toEqual({ code: 'APPOINTMENT_CANCELLED' });
  });
});

describe('no-shows', () => {
  it('are due once the check-in window has closed and the slot has ended', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const early = book('2026-11-23 10:00', phone(1));
    const later = book('2026-11-23 11:00', phone(2));
    hall.run(early, later);
    // The slot ends 10:30; check-in closed at 10:15: a no-show from 10:30, not before.
    expect(dueNoShows(hall.state, local('2026-11-23 10:29'))).toEqual([]);
    hall.at('2026-11-23 10:30');
    expect(dueNoShows(hall.state, hall.now).map((b) => b.code)).toEqual([early.code]);
    expect(hall.run({ type: 'markNoShows' })).toEqual([
      { type: 'appointment.noShow', at: hall.now, bookingId: early.bookingId, categoryId: 'general', day: '2026-11-23', slotStart: local('2026-11-23 10:00') },
    ]);
    expect(hall.run({ type: 'markNoShows' })).toEqual([]);
    expect(hall.refusal({ type: 'cancelBooking', code: early.code, by: 'staff' })).toEqual({ code: 'APPOINTMENT_MISSED' });
  });
});

describe('the book across days', () => {
  it('carries later bookings and unresolved ones into the new day, and rebuilds from that day alone', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const today = book('2026-11-23 10:00', phone(1));
    const cancelled = book('2026-11-23 11:00', phone(2));
    const tomorrow = book('2026-11-24 09:00', phone(3));
    const nextWeek = book('2026-11-30 09:00', phone(4));
    hall.run(today, cancelled, tomorrow, nextWeek, { type: 'cancelBooking', code: cancelled.code, by: 'staff' });

    // The hub was down all evening: today's booking was never marked; it comes along to be marked.
    hall.at('2026-11-24 08:00');
    const events = hall.run({ type: 'markNoShows' });
    expect(events[0]).toMatchObject({ type: 'day.started', day: '2026-11-24' });
    const started = events[0]!.type === 'day.started' ? events[0]!.bookings : [];
    expect(started?.map((b) => b.code).sort()).toEqual([today.code, tomorrow.code, nextWeek.code].sort());
    expect(events.slice(1)).toEqual([expect.objectContaining({ type: 'appointment.noShow', bookingId: today.bookingId, day: '2026-11-23' })]);

    // Each day's journal stands alone: replaying just today's events gives the same book.
    let replayed = initialState();
    for (const e of events) replayed = evolve(replayed, e);
    expect(replayed.appointments).toEqual(hall.state.appointments);

    // The next day drops the resolved booking of the 23rd.
    hall.at('2026-11-25 08:00');
    const next = hall.run({ type: 'markNoShows' });
    expect(next[0]!.type === 'day.started' && next[0]!.bookings?.map((b) => b.code).sort()).toEqual([tomorrow.code, nextWeek.code].sort());
  });

  it('keeps the journaled day.started unchanged as bookings move on (bookings are replaced, not edited)', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const b = book('2026-11-24 10:00');
    hall.run(b);
    hall.at('2026-11-24 09:00');
    const [started] = hall.run({ type: 'markNoShows' });
    const copy = structuredClone(started);
    hall.run({ type: 'cancelBooking', code: b.code, by: 'staff' }, { type: 'recordNotice', bookingId: b.bookingId, kind: 'cancelled', channel: 'demo', to: '138****1234', text: 'x', ok: true });
    expect(started).toEqual(copy);
  });
});

describe('notices', () => {
  it('are recorded on the booking and in the day list; a change asks for a new confirmation and reminder', () => {
    const hall = new Hall();
    const b = book('2026-11-25 10:00');
    hall.run(b);
    const notice = { type: 'recordNotice', bookingId: b.bookingId, channel: 'demo', to: '138****1234', text: '预约成功', ok: true } as const;
    hall.run({ ...notice, kind: 'confirmed' }, { ...notice, kind: 'reminder' });
    expect(bookingOf(hall, b.code).notices).toEqual(['confirmed', 'reminder']);
    expect(appointmentsOf(hall.state).notices.map((n) => [n.kind, n.code])).toEqual([
      ['reminder', b.code],
      ['confirmed', b.code],
    ]);
    hall.run({ type: 'changeBooking', code: b.code, slotStart: local('2026-11-25 14:00'), rules: RULES });
    expect(bookingOf(hall, b.code).notices).toEqual([]);
    expect(hall.refusal({ ...notice, kind: 'confirmed', bookingId: 'nope' })).toEqual({ code: 'APPOINTMENT_UNKNOWN' });
  });
});
