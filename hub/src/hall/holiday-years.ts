// The built-in holiday calendar: the years the chinese-days package (MIT, kept up from the State
// Council's notices) holds, read from its JSON at start — no network. A year it does not have yet is
// imported at the console (shared/src/holiday-year.ts) from the notice's dates.
import { createRequire } from 'node:module';
import type { HolidayYear } from '@yichuang/shared/holiday-year';

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
