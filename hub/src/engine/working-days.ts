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
