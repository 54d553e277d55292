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

const QUARTER_HOUR = 15 * MINUTE;
/** Zone → quarter hour (ms since the epoch ÷ 15 min) → the zone's UTC offset then, in ms. */
const offsets = new Map<string, Map<number, number>>();
const OFFSETS_KEPT = 100_000;

/**
 * A zone's offset from UTC at `at`. Every zone changes its offset only on a quarter hour (UTC), so
 * one Intl call per quarter hour serves every instant in it: a year's report or a replayed day asks
 * for tens of thousands of local times, and formatToParts costs some microseconds each.
 */
function offsetAt(at: number, timeZone: string): number {
  const quarter = Math.floor(at / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    const f = fields(start, timeZone);
    offset = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!) - start;
    if (zone.size >= OFFSETS_KEPT) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

/** The hall's wall clock at `at`, read with the Date's UTC getters. */
const wallClock = (at: number, timeZone: string): Date => new Date(at + offsetAt(at, timeZone));

export function localParts(at: number, timeZone: string): LocalParts {
  const local = wallClock(at, timeZone);
  return {
    day: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    weekday: local.getUTCDay(),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60,
  };
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
  return `${localParts(at, timeZone).day} ${formatClock(at, timeZone)}`;
}

export function formatClock(at: number, timeZone: string): string {
  const local = wallClock(at, timeZone);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** '20261123T093005' (ISO 8601 basic format, no offset) in the hall's time zone: 评价时间 of GB/T 39046-2020. */
export function formatBasic(at: number, timeZone: string): string {
  const l = wallClock(at, timeZone);
  return `${l.getUTCFullYear()}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}T${pad(l.getUTCHours())}${pad(l.getUTCMinutes())}${pad(l.getUTCSeconds())}`;
}
