// The built-in calendar (chinese-days) against the 2026 notice as checked by hand, and the demo hall
// seeded from it (#20).
import { describe, expect, it } from 'vitest';
import { addDays } from '@yichuang/shared/time';
import { demoSchedule } from '../demo/demo-schedule.js';
import { calendarEnd } from '../engine/working-days.js';
import { builtinYear, BUILTIN_YEARS, yearsToSeed } from './holiday-years.js';

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): first day off, days, make-up working days. */
const NOTICE_2026: { first: string; days: number; makeup: string[] }[] = [
  { first: '2026-01-01', days: 3, makeup: ['2026-01-04'] }, // 元旦
  { first: '2026-02-15', days: 9, makeup: ['2026-02-14', '2026-02-28'] }, // 春节
  { first: '2026-04-04', days: 3, makeup: [] }, // 清明节
  { first: '2026-05-01', days: 5, makeup: ['2026-05-09'] }, // 劳动节
  { first: '2026-06-19', days: 3, makeup: [] }, // 端午节
  { first: '2026-09-25', days: 3, makeup: [] }, // 中秋节
  { first: '2026-10-01', days: 7, makeup: ['2026-09-20', '2026-10-10'] }, // 国庆节
];

describe('built-in holiday calendar', () => {
  it('has 2026 exactly as the State Council notice sets it', () => {
    expect(builtinYear(2026)).toEqual({
      year: 2026,
      holidays: NOTICE_2026.flatMap(({ first, days }) => Array.from({ length: days }, (_, i) => addDays(first, i))),
      makeupWorkdays: NOTICE_2026.flatMap(({ makeup }) => makeup).sort(),
    });
    expect(BUILTIN_YEARS).toContain(2026);
    expect(builtinYear(1999)).toBeUndefined();
  });

  it('seeds the demo hall with every year it has from 2026 on', () => {
    const schedule = demoSchedule();
    const last = BUILTIN_YEARS.at(-1)!;
    expect(calendarEnd(schedule)).toBe(`${last}-12-31`);
    for (const year of BUILTIN_YEARS.filter((y) => y >= 2026)) {
      expect(schedule.holidays).toEqual(expect.arrayContaining(builtinYear(year)!.holidays));
      expect(schedule.makeupWorkdays).toEqual(expect.arrayContaining(builtinYear(year)!.makeupWorkdays));
    }
    expect(schedule.holidays.some((d) => d < '2026-01-01')).toBe(false);
  });
});

describe('built-in years a hall’s calendar lacks (seeded at start)', () => {
  const has2026 = { holidays: builtinYear(2026)!.holidays, makeupWorkdays: builtinYear(2026)!.makeupWorkdays };

  it('are the built-in years after the calendar’s last: an updated package extends it', () => {
    const calendar2025 = { holidays: ['2025-10-01'], makeupWorkdays: [] };
    expect(yearsToSeed(calendar2025).map((y) => y.year)).toEqual(BUILTIN_YEARS.filter((y) => y > 2025));
    expect(yearsToSeed(calendar2025)[0]).toEqual(builtinYear(2026));
    expect(yearsToSeed(has2026).map((y) => y.year)).toEqual(BUILTIN_YEARS.filter((y) => y > 2026));
  });

  it('leave alone a hall that keeps no calendar at all (open every day by its own choice)', () => {
    expect(yearsToSeed({ holidays: [], makeupWorkdays: [] })).toEqual([]);
  });
});
