import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarEnd, daysLeftInCalendar, isWorkingDay, withCalendar } from './working-days.js';

// 2026-11-23 is a Monday; 2026-11-27 a Friday.
const plain = { holidays: [], makeupWorkdays: [] };

describe('working days', () => {
  it('counts weekdays only, from the day after', () => {
    expect(addWorkingDays('2026-11-23', 1, plain)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-27', 1, plain)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-23', 5, plain)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-23', 10, plain)).toBe('2026-12-07');
  });

  it('starts from a weekend rating (周末不打烊) as from any other day', () => {
    expect(addWorkingDays('2026-11-28', 1, plain)).toBe('2026-11-30');
  });

  it('skips holidays and counts make-up working days (调休上班)', () => {
    const calendar = { holidays: ['2026-11-24', '2026-11-25'], makeupWorkdays: ['2026-11-29'] };
    expect(isWorkingDay('2026-11-24', calendar)).toBe(false);
    expect(isWorkingDay('2026-11-29', calendar)).toBe(true);
    expect(isWorkingDay('2026-11-28', calendar)).toBe(false);
    expect(addWorkingDays('2026-11-23', 1, calendar)).toBe('2026-11-26');
    expect(addWorkingDays('2026-11-23', 3, calendar)).toBe('2026-11-29');
  });

  it('gives the day itself for zero days, and stops on a calendar of nothing but holidays', () => {
    expect(addWorkingDays('2026-11-23', 0, plain)).toBe('2026-11-23');
    const allHolidays = { holidays: Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 10, 24 + i)).toISOString().slice(0, 10)), makeupWorkdays: [] };
    expect(addWorkingDays('2026-11-23', 1, allHolidays) > '2027-11-01').toBe(true);
  });

  it('adds another source’s days to the hall’s calendar (the district’s), the hall’s own days keeping its say', () => {
    const hall = { holidays: ['2026-11-24'], makeupWorkdays: ['2026-11-29'] };
    const district = { holidays: ['2026-11-29', '2026-11-26'], makeupWorkdays: ['2026-11-24', '2026-12-05'] };
    const merged = withCalendar(hall, district);
    expect(merged).toEqual({ holidays: ['2026-11-24', '2026-11-26'], makeupWorkdays: ['2026-11-29', '2026-12-05'] });
    expect(isWorkingDay('2026-11-26', merged)).toBe(false);
    expect(isWorkingDay('2026-12-05', merged)).toBe(true);
  });
});

describe('the calendar’s end (#20)', () => {
  it('is the last day of the last year the calendar has holidays in', () => {
    expect(calendarEnd({ holidays: ['2026-01-01', '2026-10-07'], makeupWorkdays: ['2026-10-10'] })).toBe('2026-12-31');
    expect(calendarEnd({ holidays: ['2026-10-07', '2027-02-06'], makeupWorkdays: [] })).toBe('2027-12-31');
    expect(calendarEnd(plain)).toBeUndefined();
  });

  it('after it, deadlines would count every weekday as a working day: how many days are left', () => {
    const calendar = { holidays: ['2026-10-01'], makeupWorkdays: [] };
    expect(daysLeftInCalendar(calendar, '2026-11-01')).toBe(60);
    expect(daysLeftInCalendar(calendar, '2026-12-31')).toBe(0);
    expect(daysLeftInCalendar(calendar, '2027-01-02')).toBe(-2);
    expect(daysLeftInCalendar(plain, '2026-11-01')).toBeUndefined();
  });
});
