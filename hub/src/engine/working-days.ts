// Working days (工作日) of the hall's calendar, for case deadlines. Weekend service hours (周末不打烊)
// do not make a weekend a working day: only a make-up day (调休上班) does, and a holiday never is.
import type { HallSchedule, ServiceDay } from '@yichuang/shared/domain';
import { addDays, weekdayOf } from '@yichuang/shared/time';

export type WorkCalendar = Pick<HallSchedule, 'holidays' | 'makeupWorkdays'>;

/** A year of holidays in a row is a broken calendar, not a reason to loop for ever. */
const MAX_SCAN_DAYS = 366;

export function isWorkingDay(day: ServiceDay, calendar: WorkCalendar): boolean {
  if (calendar.holidays.includes(day)) return false;
  if (calendar.makeupWorkdays.includes(day)) return true;
  const weekday = weekdayOf(day);
  return weekday >= 1 && weekday <= 5;
}

/**
 * The `n`-th working day after `day` ("within n working days" ends on it); `day` itself when n ≤ 0.
 * A rating on Friday with n = 1 is due on Monday, or on the next working day after a holiday.
 */
export function addWorkingDays(day: ServiceDay, n: number, calendar: WorkCalendar): ServiceDay {
  let current = day;
  let counted = 0;
  for (let scanned = 0; counted < n && scanned < n + MAX_SCAN_DAYS; scanned++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) counted++;
  }
  return current;
}

/**
 * The hall's calendar with another source's days added (the district's published holidays): a day
 * the hall itself marks a holiday or a make-up working day keeps the hall's say.
 */
export function withCalendar(own: WorkCalendar, extra: WorkCalendar): WorkCalendar {
  const ownDays = new Set([...own.holidays, ...own.makeupWorkdays]);
  const add = (mine: readonly string[], theirs: readonly string[]): string[] => [...mine, ...theirs.filter((d) => !ownDays.has(d))].sort();
  return { holidays: add(own.holidays, extra.holidays), makeupWorkdays: add(own.makeupWorkdays, extra.makeupWorkdays) };
}

/**
 * The last day the calendar covers: 31 December of the last year it has holidays in (every year has
 * 元旦, 春节, 国庆). After it, every weekday would count as a working day: deadlines go wrong silently.
 */
export function calendarEnd(calendar: WorkCalendar): ServiceDay | undefined {
  const last = calendar.holidays.reduce<string | undefined>((max, day) => (max === undefined || day > max ? day : max), undefined);
  return last === undefined ? undefined : `${last.slice(0, 4)}-12-31`;
}

/** Days from `today` to the calendar's end (0 on its last day, negative after it); undefined without a calendar. */
export function daysLeftInCalendar(calendar: WorkCalendar, today: ServiceDay): number | undefined {
  const end = calendarEnd(calendar);
  if (end === undefined) return undefined;
  const ms = (day: ServiceDay): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((ms(end) - ms(today)) / 86_400_000);
}
