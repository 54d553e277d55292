import type { BookingRules } from '@yichuang/shared/appointments';
import { describe, expect, it } from 'vitest';
import { appointmentsOf } from './state.js';
import { formatClock } from '@yichuang/shared/time';
import { promisedCheckIn } from './booking.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { Hall, local, makeConfig, MINUTE } from './test-fixtures.js';
import type { EngineEvent } from './types.js';

/** Check-in from 30 minutes before the slot to 15 minutes after its start. */
const RULES: BookingRules = {
  enabled: true,
  slotMinutes: 30,
  capacity: 5,
  daysAhead: 7,
  cutoffMinutes: 0,
  perPerson: { maxActive: 5, maxPerDay: 5 },
  blackoutDays: [],
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
};

/** Books `slot` for a new phone number the day before (Sunday 20:00) and returns its code. */
let codes = 0;
function booked(hall: Hall, slot: string, categoryId = 'general'): string {
  const code = String(200000 + ++codes);
  const now = hall.now;
  hall.now = local(slot) - 3 * 86_400_000;
  hall.run({
    type: 'book',
    bookingId: `b${code}`,
    code,
    categoryId,
    slotStart: local(slot),
    name: '李*',
    phone: { masked: `139****${String(codes).padStart(4, '0')}`, key: `k${codes}` },
    by: 'citizen',
    rules: RULES,
  });
  hall.now = now;
  return code;
}

const issued = (events: EngineEvent[]) => events.find((e) => e.type === 'ticket.issued');
const checkIn = (code: string, acceptNormal = false) => ({ type: 'checkIn', code, acceptNormal }) as const;
/** Serves window w1's called ticket to the end. */
const serve = (hall: Hall) => hall.run({ type: 'start', windowId: 'w1' }, { type: 'finish', windowId: 'w1', outcome: 'done' });

describe('check-in', () => {
  it('issues an appointment ticket due at the slot, with the masked phone, in the same decision', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:40'));
    const code = booked(hall, '2026-11-23 10:00');
    const events = hall.run({ type: 'checkIn', code, acceptNormal: false, kioskId: 'kiosk-1' });
    expect(events.map((e) => e.type)).toEqual(['day.started', 'ticket.issued', 'appointment.checkedIn']);
    expect(issued(events)).toMatchObject({
      number: 'A001',
      source: 'appointment',
      priority: 'appointment',
      dueAt: local('2026-11-23 10:00'),
      identity: { kind: 'phone', masked: '139****0001' },
      kioskId: 'kiosk-1',
    });
    expect(events[2]).toEqual({
      type: 'appointment.checkedIn',
      at: hall.now,
      bookingId: `b${code}`,
      categoryId: 'general',
      day: '2026-11-23',
      slotStart: local('2026-11-23 10:00'),
      ticketId: '2026-11-23/A001',
      late: false,
    });
    expect(appointmentsOf(hall.state).bookings.get(`b${code}`)).toMatchObject({ status: 'checkedIn', ticketId: '2026-11-23/A001' });
    expect(hall.refusal(checkIn(code))).toEqual({ code: 'ALREADY_CHECKED_IN', params: { number: 'A001' } });
  });

  it('is refused before the early limit, and opens exactly at it', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 10:29'));
    const code = booked(hall, '2026-11-23 11:00');
    expect(hall.refusal(checkIn(code))).toEqual({ code: 'CHECKIN_TOO_EARLY', params: { from: '10:30' } });
    hall.at('2026-11-23 10:30');
    expect(issued(hall.run(checkIn(code)))).toMatchObject({ priority: 'appointment' });
  });

  it('after the late limit offers a normal ticket, given only when the citizen accepts', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 11:15'));
    const onTime = booked(hall, '2026-11-23 11:00');
    const late = booked(hall, '2026-11-23 11:00');
    // 11:15 is the last minute of the window; one minute later is too late.
    expect(issued(hall.run(checkIn(onTime)))).toMatchObject({ priority: 'appointment' });
    hall.at('2026-11-23 11:16');
    expect(hall.refusal(checkIn(late))).toEqual({ code: 'CHECKIN_TOO_LATE', params: { until: '11:15' } });
    const events = hall.run(checkIn(late, true));
    expect(issued(events)).toMatchObject({ priority: 'normal', source: 'appointment' });
    expect(issued(events)).not.toHaveProperty('dueAt');
    expect(events.at(-1)).toMatchObject({ type: 'appointment.checkedIn', late: true });
    expect(appointmentsOf(hall.state).bookings.get(`b${late}`)?.status).toBe('late');
  });

  it('takes a no-show who turns up later that day as a late arrival', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const code = booked(hall, '2026-11-23 09:30');
    hall.at('2026-11-23 10:00').run({ type: 'markNoShows' });
    expect(hall.refusal(checkIn(code))).toMatchObject({ code: 'CHECKIN_TOO_LATE' });
    expect(hall.run(checkIn(code, true)).at(-1)).toMatchObject({ type: 'appointment.checkedIn', late: true, afterNoShow: true });
  });

  it('is refused for unknown, cancelled and other days’ codes', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:50'));
    const tomorrow = booked(hall, '2026-11-24 10:00');
    const cancelled = booked(hall, '2026-11-23 10:00');
    hall.run({ type: 'cancelBooking', code: cancelled, by: 'staff' });
    expect(hall.refusal(checkIn('999999'))).toEqual({ code: 'APPOINTMENT_UNKNOWN' });
    expect(hall.refusal(checkIn(tomorrow))).toEqual({ code: 'APPOINTMENT_NOT_TODAY', params: { day: '2026-11-24' } });
    expect(hall.refusal(checkIn(cancelled))).toEqual({ code: 'APPOINTMENT_CANCELLED' });
  });
});

describe('weekend appointment-only service (周末不打烊)', () => {
  it('refuses walk-in tickets and takes appointments checking in', () => {
    const hall = new Hall(makeConfig(), local('2026-11-28 10:00')); // Saturday
    const code = booked(hall, '2026-11-28 10:00', 'weekend');
    expect(hall.refusal({ type: 'issue', categoryId: 'weekend', priority: 'normal', source: 'kiosk' })).toEqual({ code: 'APPOINTMENT_ONLY' });
    expect(hall.refusal({ type: 'issue', categoryId: 'weekend', priority: 'green', source: 'kiosk' })).toEqual({ code: 'APPOINTMENT_ONLY' });
    expect(issued(hall.run(checkIn(code)))).toMatchObject({ number: 'W001', priority: 'appointment', source: 'appointment' });
  });

  it('still serves a late appointment holder (a normal ticket), who could not take a walk-in one', () => {
    const hall = new Hall(makeConfig(), local('2026-11-28 11:00'));
    const code = booked(hall, '2026-11-28 10:00', 'weekend');
    expect(issued(hall.run(checkIn(code, true)))).toMatchObject({ priority: 'normal', source: 'appointment' });
  });

  it('has no check-in outside the appointment hours either, and says when it opens', () => {
    const hall = new Hall(makeConfig(), local('2026-11-28 08:40'));
    const code = booked(hall, '2026-11-28 09:00', 'weekend');
    expect(hall.refusal(checkIn(code))).toEqual({ code: 'CHECKIN_TOO_EARLY', params: { from: '09:00' } });
  });
});

describe('appointment priority in the call order (README: Call order, key 2)', () => {
  it('calls due appointments first, earliest booked time first, then green channel, then arrival order', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00')).open(1);
    const at10 = booked(hall, '2026-11-23 10:00');
    const at1030 = booked(hall, '2026-11-23 10:30');
    const [walkIn] = hall.issue('general');
    const [green] = hall.issue('general', 1, { priority: 'green' });
    hall.at('2026-11-23 10:05');
    const [checkedLater] = hall.run(checkIn(at1030)).flatMap((e) => (e.type === 'ticket.issued' ? [e.number] : []));
    const [checkedFirst] = hall.run(checkIn(at10)).flatMap((e) => (e.type === 'ticket.issued' ? [e.number] : []));
    // At 10:16 the 10:30 appointment is due as well (15 minutes early): booked time decides, not check-in order.
    hall.at('2026-11-23 10:16');
    const order = [hall.callNext('w1')];
    for (let i = 0; i < 3; i++) {
      serve(hall);
      order.push(hall.callNext('w1'));
    }
    expect(order).toEqual([checkedFirst, checkedLater, green, walkIn]);
  });

  it('treats an appointment not yet due like everyone else, in arrival order', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00')).open(1);
    const code = booked(hall, '2026-11-23 10:00');
    hall.at('2026-11-23 09:30');
    const [walkIn] = hall.issue('general');
    hall.wait(2);
    const [appointment] = hall.run(checkIn(code)).flatMap((e) => (e.type === 'ticket.issued' ? [e.number] : []));
    // 09:33: the 10:00 appointment is due only from 09:45.
    hall.wait(1);
    expect(hall.callNext('w1')).toBe(walkIn);
    serve(hall);
    expect(hall.callNext('w1')).toBe(appointment);
  });

  it('lets one normal ticket through after three priority calls (anti-starvation)', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00')).open(1);
    const codes = Array.from({ length: 4 }, () => booked(hall, '2026-11-23 09:30'));
    const [walkIn] = hall.issue('general');
    hall.at('2026-11-23 09:20');
    const appointments = codes.flatMap((code) => hall.run(checkIn(code)).flatMap((e) => (e.type === 'ticket.issued' ? [e.number] : [])));
    const order = [hall.callNext('w1')];
    for (let i = 0; i < 4; i++) {
      serve(hall);
      order.push(hall.callNext('w1'));
    }
    expect(order).toEqual([...appointments.slice(0, 3), walkIn, appointments[3]]);
  });
});

describe('the check-in window a booking promises (issue #24)', () => {
  const DAY = '2026-11-23';
  const SLOTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
  const booking = (hall: Hall, code: string) => [...appointmentsOf(hall.state).bookings.values()].find((b) => b.code === code)!;

  it('lies inside the hours: the first slot of the morning and the first after lunch open at the opening', () => {
    const hall = new Hall(makeConfig(), local(`${DAY} 08:00`));
    expect(booking(hall, booked(hall, `${DAY} 09:00`)).checkInFrom).toBe(local(`${DAY} 09:00`));
    expect(booking(hall, booked(hall, `${DAY} 13:30`)).checkInFrom).toBe(local(`${DAY} 13:30`));
    expect(booking(hall, booked(hall, `${DAY} 10:00`)).checkInFrom).toBe(local(`${DAY} 09:30`));
    expect(booking(hall, booked(hall, `${DAY} 11:30`)).checkInUntil).toBe(local(`${DAY} 11:45`));
  });

  it('is cut by the same rule for a booking that still holds an 08:30 promise from before it', () => {
    const hall = new Hall(makeConfig(), local(`${DAY} 08:00`));
    const code = booked(hall, `${DAY} 09:00`);
    const b = booking(hall, code);
    const { day, slotStart, slotEnd, categoryId } = b;
    const held = { checkInFrom: local(`${DAY} 08:30`), checkInUntil: local(`${DAY} 09:15`) };
    const event = { type: 'appointment.changed', at: hall.now, bookingId: b.id, categoryId, fromDay: day, fromSlotStart: slotStart } as const;
    hall.state = evolve(hall.state, { ...event, day, slotStart, slotEnd, ...held });
    hall.now = local(`${DAY} 08:30`);
    expect(hall.refusal(checkIn(code))).toEqual({ code: 'CHECKIN_TOO_EARLY', params: { from: '09:00' } });
    expect(promisedCheckIn(booking(hall, code), hall.config)).toEqual({ from: local(`${DAY} 09:00`), until: local(`${DAY} 09:15`) });
  });

  it.each(SLOTS)('for the %s slot is what the check-in guard accepts, from its first minute to its last', (slot) => {
    const hall = new Hall(makeConfig(), local(`${DAY} 08:00`));
    const code = booked(hall, `${DAY} ${slot}`);
    const { checkInFrom, checkInUntil } = booking(hall, code);
    hall.now = checkInFrom - MINUTE;
    expect(hall.refusal(checkIn(code))).toEqual({ code: 'CHECKIN_TOO_EARLY', params: { from: formatClock(checkInFrom, hall.config.hall.timeZone) } });
    hall.now = checkInUntil;
    const atLast = decide(hall.state, checkIn(code), { now: hall.now, config: hall.config });
    expect(atLast.ok && issued(atLast.events)).toMatchObject({ priority: 'appointment' });
    hall.now = checkInFrom;
    expect(issued(hall.run(checkIn(code)))).toMatchObject({ priority: 'appointment', dueAt: local(`${DAY} ${slot}`) });
  });
});
