// The holiday calendar running out (pure, like checks.ts): from 60 days before the last day it covers,
// an alert asks for the next year's 节假日 and 调休 (the State Council publishes them each autumn).
import type { AlertInput } from '@yichuang/shared/live';
import { serviceDay } from '@yichuang/shared/time';
import { calendarEnd, daysLeftInCalendar } from '../engine/working-days.js';
import { bi, CHECK_PREFIX, type CheckInput } from './check-input.js';

export const CALENDAR_WARNING_DAYS = 60;

export function calendarCheck({ now, config }: CheckInput): AlertInput[] {
  const calendar = config.hall.schedule;
  const left = daysLeftInCalendar(calendar, serviceDay(now, config.hall.timeZone));
  if (left === undefined || left > CALENDAR_WARNING_DAYS) return [];
  const end = calendarEnd(calendar)!;
  const params = { end, days: Math.max(0, left), year: Number(end.slice(0, 4)) + 1 };
  return [{ kind: 'calendar-ending', key: `${CHECK_PREFIX}calendar-ending`, ...bi('live.alert.calendarEnding', params) }];
}
