// Dates and times on the phone page, in the hall's time zone.
import type { ServiceDay } from '@yichuang/shared/domain';
import type { Lang } from '@yichuang/shared/i18n';
import { formatClock, zonedInstant } from '@yichuang/shared/time';

/** '11月24日 周二' / 'Tue 24 Nov' */
export function dayLabel(day: ServiceDay, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, month: lang === 'zh' ? 'numeric' : 'short', day: 'numeric', weekday: 'short' }).format(
    zonedInstant(day, 12 * 60, timeZone),
  );
}

/** '09:00–09:30' */
export const slotLabel = (slot: { start: number; end: number }, timeZone: string): string =>
  `${formatClock(slot.start, timeZone)}–${formatClock(slot.end, timeZone)}`;
