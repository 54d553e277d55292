// Report periods in the hall's calendar: a day, the week (Monday first), the month, the quarter —
// up to today at most: days still to come have no figures, and a period never runs past today.
import { addDays, weekdayOf } from '@yichuang/shared/time';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'custom';

/** The period of `kind` holding `day`, ending by `today` at the latest. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: string, today: string): { from: string; to: string } {
  const period = wholePeriod(kind, day);
  return { from: period.from, to: period.to > today ? today : period.to };
}

function wholePeriod(kind: Exclude<PeriodKind, 'custom'>, day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const monthStart = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-01`;
  const nextMonthStart = (year: number, month: number): string => (month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1));
  switch (kind) {
    case 'day':
      return { from: day, to: day };
    case 'week': {
      const from = addDays(day, -((weekdayOf(day) + 6) % 7));
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return { from: monthStart(y, m), to: addDays(nextMonthStart(y, m), -1) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: monthStart(y, first), to: addDays(nextMonthStart(y, first + 2), -1) };
    }
  }
}
