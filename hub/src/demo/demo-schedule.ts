// Weekly hours and the holiday calendar of the demo hall.
import type { HallSchedule, TimeRange, WeekHours } from '@yichuang/shared/domain';
import { builtinYear, BUILTIN_YEARS } from '../hall/holiday-years.js';

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

/** The demo hall's first year. */
const FROM_YEAR = 2026;

/** 节假日 and 调休上班 of every year the built-in calendar has from FROM_YEAR on (chinese-days). */
export function demoSchedule(): HallSchedule {
  const years = BUILTIN_YEARS.filter((y) => y >= FROM_YEAR).map((y) => builtinYear(y)!);
  return {
    hours: weekdayHours(),
    holidays: years.flatMap((y) => y.holidays),
    makeupWorkdays: years.flatMap((y) => y.makeupWorkdays),
  };
}
