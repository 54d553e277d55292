// Calendar arithmetic in the hall's time zone, whatever the machine's TZ is.
import type { ClockTime, ServiceDay, TimeRange, WeekHours } from './domain.js';

export const HALL_TIME_ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
const DAY_MS = 86_400_000;

export interface LocalParts {
  day: ServiceDay;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fields(at: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function localParts(at: number, timeZone: string): LocalParts {
  const f = fields(at, timeZone);
  const day = `${f.year}-${pad(f.month!)}-${pad(f.day!)}`;
  return { day, weekday: weekdayOf(day), minutes: f.hour! * 60 + f.minute! + f.second! / 60 };
}

export function serviceDay(at: number, timeZone: string): ServiceDay {
  return localParts(at, timeZone).day;
}

export function weekdayOf(day: ServiceDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(day: ServiceDay, n: number): ServiceDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

export function clockMinutes(clock: ClockTime): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The instant at which the hall's clock shows `day` + `minutes`. */
export function zonedInstant(day: ServiceDay, minutes: number, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d) + minutes * MINUTE;
  let guess = asUtc - offsetAt(asUtc, timeZone);
  // A second pass settles instants next to an offset change.
  guess = asUtc - offsetAt(guess, timeZone);
  return guess;
}

function offsetAt(at: number, timeZone: string): number {
  const f = fields(at, timeZone);
  const asUtc = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return asUtc - Math.floor(at / 1000) * 1000;
}

export function startOfDay(day: ServiceDay, timeZone: string): number {
  return zonedInstant(day, 0, timeZone);
}

/** Periods of a weekly timetable that apply to one day, honouring holidays and make-up workdays. */
export function periodsOn(
  hours: WeekHours,
  day: ServiceDay,
  calendar: { holidays: readonly ServiceDay[]; makeupWorkdays: readonly ServiceDay[] },
): TimeRange[] {
  if (calendar.holidays.includes(day)) return [];
  if (calendar.makeupWorkdays.includes(day)) return hours[1];
  return hours[weekdayOf(day)] ?? [];
}

export function withinPeriods(periods: readonly TimeRange[], minutes: number): boolean {
  return periods.some((p) => minutes >= clockMinutes(p.start) && minutes < clockMinutes(p.end));
}

/** The next instant at or after `at` that falls inside the timetable, searching two weeks ahead. */
export function nextOpening(
  hours: WeekHours,
  at: number,
  timeZone: string,
  calendar: { holidays: readonly ServiceDay[]; makeupWorkdays: readonly ServiceDay[] },
): number | undefined {
  const now = localParts(at, timeZone);
  for (let i = 0; i < 15; i++) {
    const day = addDays(now.day, i);
    const starts = periodsOn(hours, day, calendar)
      .map((p) => clockMinutes(p.start))
      .sort((a, b) => a - b);
    for (const start of starts) {
      if (i > 0 || start > now.minutes) return zonedInstant(day, start, timeZone);
    }
  }
  return undefined;
}

/** '2026-11-23 09:00' in the hall's time zone, for messages and tickets. */
export function formatLocal(at: number, timeZone: string): string {
  const f = fields(at, timeZone);
  return `${f.year}-${pad(f.month!)}-${pad(f.day!)} ${pad(f.hour!)}:${pad(f.minute!)}`;
}

export function formatClock(at: number, timeZone: string): string {
  const f = fields(at, timeZone);
  return `${pad(f.hour!)}:${pad(f.minute!)}`;
}
