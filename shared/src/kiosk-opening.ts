// When ticketing opens next, said as a citizen says it: 今天 13:30, 明天 09:00, or 12月9日（周三）09:00
// (issue #24: a bare '2026-12-07 13:30' on the day itself reads as a date to decode).
import type { Bilingual } from './errors.js';
import { t, type Lang } from './i18n.js';
import { addDays, formatClock, localParts } from './time.js';

/** `at` as seen from `now` in the hall's zone, in one language. */
export function openingText(at: number, now: number, timeZone: string, lang: Lang): string {
  const time = formatClock(at, timeZone);
  const day = localParts(at, timeZone).day;
  const today = localParts(now, timeZone).day;
  if (day === today) return t('opening.today', lang, { time });
  if (day === addDays(today, 1)) return t('opening.tomorrow', lang, { time });
  const [, month = 1, date = 1] = day.split('-').map(Number);
  const weekday = t('opening.weekdays', lang).split(' ')[localParts(at, timeZone).weekday] ?? '';
  return t('opening.date', lang, { month: t('opening.months', lang).split(' ')[month - 1] ?? month, day: date, weekday, time });
}

/** The same in both languages, for an error's parameter (errors.ts fills each message with its own). */
export const openingBoth = (at: number, now: number, timeZone: string): Bilingual => ({
  zh: openingText(at, now, timeZone, 'zh'),
  en: openingText(at, now, timeZone, 'en'),
});
