// Weekly hours and the holiday calendar of the demo hall.
import type { HallSchedule, TimeRange, WeekHours } from '@yichuang/shared/domain';
import { addDays } from '@yichuang/shared/time';

const isWorkday = (weekday: number): boolean => weekday >= 1 && weekday <= 5;

/** A fresh timetable (no shared arrays, so a caller may edit one day safely). */
function week(openOn: (weekday: number) => boolean, periods: readonly TimeRange[]): WeekHours {
  const day = (weekday: number): TimeRange[] => (openOn(weekday) ? periods.map((p) => ({ ...p })) : []);
  return [day(0), day(1), day(2), day(3), day(4), day(5), day(6)];
}

/** Walk-in hours: Mon–Fri 09:00–12:00 and 13:30–17:00 (lunch break in between). */
export function weekdayHours(): WeekHours {
  return week(isWorkday, [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:00' },
  ]);
}

/** 周末不打烊: Sat/Sun 09:00–17:00, by appointment made in advance. */
export function weekendHours(): WeekHours {
  return week((weekday) => !isWorkday(weekday), [{ start: '09:00', end: '17:00' }]);
}

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): days off and make-up workdays (调休上班).
 * 2026 only: the 2027 notice was not at hand when this was written; add it here once checked.
 */
const HOLIDAYS_2026: { first: string; days: number; makeup: string[] }[] = [
  { first: '2026-01-01', days: 3, makeup: ['2026-01-04'] }, // 元旦
  { first: '2026-02-15', days: 9, makeup: ['2026-02-14', '2026-02-28'] }, // 春节
  { first: '2026-04-04', days: 3, makeup: [] }, // 清明节
  { first: '2026-05-01', days: 5, makeup: ['2026-05-09'] }, // 劳动节
  { first: '2026-06-19', days: 3, makeup: [] }, // 端午节
  { first: '2026-09-25', days: 3, makeup: [] }, // 中秋节
  { first: '2026-10-01', days: 7, makeup: ['2026-09-20', '2026-10-10'] }, // 国庆节
];

export function demoSchedule(): HallSchedule {
  return {
    hours: weekdayHours(),
    holidays: HOLIDAYS_2026.flatMap(({ first, days }) => Array.from({ length: days }, (_, i) => addDays(first, i))),
    makeupWorkdays: HOLIDAYS_2026.flatMap(({ makeup }) => makeup).sort(),
  };
}
