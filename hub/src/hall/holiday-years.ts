// The built-in holiday calendar: the years the chinese-days package (MIT, kept up from the State
// Council's notices) holds, read from its JSON at start — no network. A year it does not have yet is
// imported at the console (shared/src/holiday-year.ts) from the notice's dates.
import { createRequire } from 'node:module';
import { withYear, type HolidayYear } from '@yichuang/shared/holiday-year';
import { calendarEnd, type WorkCalendar } from '../engine/working-days.js';
import type { ConfigStore } from '../storage/config-store.js';

interface ChineseDays {
  /** Day → "English name,中文名,days": the days off. */
  holidays: Record<string, string>;
  /** Day → name: the make-up working days (调休上班). */
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDays;

const inYear = (days: Record<string, string>, year: number): string[] =>
  Object.keys(days)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();

/** The years the built-in calendar has, oldest first. */
export const BUILTIN_YEARS: readonly number[] = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** One year of the built-in calendar, or undefined if it does not have that year. */
export function builtinYear(year: number): HolidayYear | undefined {
  if (!BUILTIN_YEARS.includes(year)) return undefined;
  return { year, holidays: inYear(data.holidays, year), makeupWorkdays: inYear(data.workdays, year) };
}

/**
 * The built-in years after the last one a hall's calendar covers: seeded at start, so a hub whose
 * package was updated carries the calendar on by itself. A hall that keeps no calendar is left alone.
 */
export function yearsToSeed(calendar: WorkCalendar): HolidayYear[] {
  const end = calendarEnd(calendar);
  if (end === undefined) return [];
  const last = Number(end.slice(0, 4));
  return BUILTIN_YEARS.filter((y) => y > last).map((y) => builtinYear(y)!);
}

/** Adds yearsToSeed to the stored settings (a durable write, logged: no person made it). */
export async function seedHolidayYears(store: ConfigStore, log: (line: string) => void): Promise<void> {
  const years = yearsToSeed(store.config.hall.schedule);
  if (years.length === 0) return;
  await store.update((draft) => {
    for (const year of years) draft.hall.schedule = withYear(draft.hall.schedule, year);
  });
  log(`节假日日历：已从内置日历加入 ${years.map((y) => y.year).join('、')} 年 / holiday calendar: added ${years.map((y) => y.year).join(', ')} from the built-in calendar`);
}
