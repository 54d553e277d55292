import type { BookingRules } from '@yichuang/shared/appointments';
import { formatClock } from '@yichuang/shared/time';
import { describe, expect, it } from 'vitest';
import { bookableDays, slotsOn, slotToBook } from './slots.js';
import { CATEGORIES, local, makeConfig, MINUTE, withSchedule } from './test-fixtures.js';

const RULES: BookingRules = {
  enabled: true,
  slotMinutes: 30,
  capacity: 2,
  daysAhead: 7,
  cutoffMinutes: 60,
  perPerson: { maxActive: 2, maxPerDay: 1 },
  blackoutDays: [],
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
};
const config = makeConfig();
const category = (id: string) => CATEGORIES.find((c) => c.id === id)!;
const clocks = (slots: { start: number }[]) => slots.map((s) => formatClock(s.start, 'Asia/Shanghai'));

describe('appointment slots', () => {
  it('cut each walk-in period of a weekday into whole slots', () => {
    const slots = slotsOn(category('general'), RULES, '2026-11-23', config.hall);
    expect(clocks(slots)).toEqual([
      '09:00', '09:30', '10:00', '10:30', '11:00', '11:30',
      '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30',
    ]);
    expect(slots[0]).toEqual({ start: local('2026-11-23 09:00'), end: local('2026-11-23 09:30'), appointmentOnly: false });
    // 40-minute slots: four fit into the morning (the last ends 11:40), five into the afternoon.
    expect(clocks(slotsOn(category('general'), { ...RULES, slotMinutes: 40 }, '2026-11-23', config.hall)).slice(4)).toEqual([
      '13:30', '14:10', '14:50', '15:30', '16:10',
    ]);
  });

  it('offer the weekend appointment-only hours (周末不打烊), and nothing for walk-in-only categories', () => {
    const saturday = slotsOn(category('weekend'), RULES, '2026-11-28', config.hall);
    expect(saturday).toHaveLength(16);
    expect(saturday.every((s) => s.appointmentOnly)).toBe(true);
    expect(clocks(saturday).at(-1)).toBe('16:30');
    expect(slotsOn(category('general'), RULES, '2026-11-28', config.hall)).toEqual([]);
    // On a weekday the same category serves walk-ins, and its slots are ordinary ones.
    expect(slotsOn(category('weekend'), RULES, '2026-11-23', config.hall).some((s) => s.appointmentOnly)).toBe(false);
  });

  it('follow the hall calendar and the blackout days', () => {
    const hall = withSchedule(config, { holidays: ['2026-11-24'], makeupWorkdays: ['2026-11-29'] }).hall;
    expect(slotsOn(category('general'), RULES, '2026-11-24', hall)).toEqual([]);
    // A make-up workday (Sunday) is served with Monday's hours.
    expect(slotsOn(category('general'), RULES, '2026-11-29', hall)).toHaveLength(13);
    expect(slotsOn(category('general'), { ...RULES, blackoutDays: ['2026-11-25'] }, '2026-11-25', config.hall)).toEqual([]);
  });

  it('are bookable from today to daysAhead, up to the cut-off', () => {
    expect(bookableDays('2026-11-23', { ...RULES, daysAhead: 2 })).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    const now = local('2026-11-23 09:00');
    const book = (stamp: string, rules = RULES) => slotToBook(category('general'), rules, local(stamp), config.hall, '2026-11-23', now);
    expect(book('2026-11-23 10:00')).toMatchObject({ start: local('2026-11-23 10:00') });
    expect(book('2026-11-23 09:30')).toEqual({ code: 'BOOKING_CLOSED', params: { minutes: 60 } });
    expect(book('2026-11-30 09:00')).toMatchObject({ start: local('2026-11-30 09:00') });
    expect(book('2026-12-01 09:00')).toEqual({ code: 'BOOKING_TOO_FAR', params: { days: 7 } });
    expect(book('2026-11-28 09:00')).toEqual({ code: 'BOOKING_DAY_CLOSED', params: { day: '2026-11-28' } });
    expect(book('2026-11-24 09:10')).toEqual({ code: 'SLOT_UNKNOWN' });
    expect(book('2026-11-24 12:00')).toEqual({ code: 'SLOT_UNKNOWN' });
    // The cut-off is inclusive: exactly 60 minutes before is still in time.
    expect(slotToBook(category('general'), RULES, local('2026-11-23 10:00'), config.hall, '2026-11-23', local('2026-11-23 10:00') - 60 * MINUTE)).toMatchObject({
      start: local('2026-11-23 10:00'),
    });
  });
});
