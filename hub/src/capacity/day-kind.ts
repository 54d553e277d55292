// What kind of day a service day is for the forecast: working or not (the hall's calendar:
// holidays, make-up workdays), and the working-day effects that move its volume.
import type { DayEffect } from '@yichuang/shared/capacity';
import { addDays, weekdayOf } from '@yichuang/shared/time';
import { isWorkingDay, type WorkCalendar } from '../engine/working-days.js';

export interface DayKind {
  weekday: number;
  working: boolean;
  holiday: boolean;
  effects: DayEffect[];
}

/** A long holiday (春节) is at most this many days in a row. */
const MAX_REST_RUN = 14;
/** The last this-many working days of a month count as its end (month-end filings, 月底). */
const MONTH_END_DAYS = 2;

export function dayKind(day: string, calendar: WorkCalendar): DayKind {
  const weekday = weekdayOf(day);
  const working = isWorkingDay(day, calendar);
  const holiday = calendar.holidays.includes(day);
  const effects: DayEffect[] = [];
  if (working) {
    if (afterHoliday(day, calendar)) effects.push('afterHoliday');
    if (calendar.makeupWorkdays.includes(day)) effects.push('makeup');
    if (monthEnd(day, calendar)) effects.push('monthEnd');
  }
  return { weekday, working, holiday, effects };
}

/** The first working day after days off that included a holiday: what waited over the holiday comes now. */
function afterHoliday(day: string, calendar: WorkCalendar): boolean {
  let d = addDays(day, -1);
  for (let i = 0; i < MAX_REST_RUN && !isWorkingDay(d, calendar); i++, d = addDays(d, -1)) {
    if (calendar.holidays.includes(d)) return true;
  }
  return false;
}

function monthEnd(day: string, calendar: WorkCalendar): boolean {
  let after = 0;
  for (let d = addDays(day, 1); d.slice(0, 7) === day.slice(0, 7); d = addDays(d, 1)) {
    if (isWorkingDay(d, calendar) && ++after >= MONTH_END_DAYS) return false;
  }
  return true;
}
