// What a screen says of a category's availability (the hub's rule, engine/availability.ts, arrives
// with each queue view): whether it is offered, whether a tap issues, and the lines of its card.
import type { Availability, Category, HallSnapshot } from '@yichuang/shared/domain';
import type { Lang, Params, StringKey } from '@yichuang/shared/i18n';
import { openingText } from '@yichuang/shared/kiosk-opening';

/** A hub that sends no availability (an older one) issues as before. */
const OPEN: Availability = { state: 'open' };

export const availabilityOf = (snap: HallSnapshot, categoryId: string): Availability =>
  snap.queues.find((q) => q.categoryId === categoryId)?.availability ?? OPEN;

/** Walk-in categories some window serves: the others are not offered at all. */
export const offeredCategories = (snap: HallSnapshot): Category[] =>
  snap.categories.filter((c) => c.allowWalkIn && availabilityOf(snap, c.id).state !== 'notServed');

/** Whether a tap takes a number (a category with no open window still issues: design.md §3). */
export const issues = (a: Availability): boolean => a.state === 'open' || a.state === 'noOpenWindow';

/** The card's lines under the name: the queue and its wait, or why no number is taken now and when it is again. */
export function availabilityLines(
  a: Availability,
  waiting: number,
  now: number,
  timeZone: string,
  tr: (key: StringKey, params?: Params) => string,
  lang: Lang,
): string[] {
  const next = a.nextOpening === undefined ? [] : [tr('kiosk.nextOpening', { time: openingText(a.nextOpening, now, timeZone, lang) })];
  switch (a.state) {
    case 'fullToday':
      return [tr('kiosk.fullToday'), ...next];
    case 'closedNow':
      return [tr('kiosk.closedNow'), ...next];
    case 'notServed':
      return [tr('kiosk.noOpenWindow')];
    case 'noOpenWindow':
      return [tr('kiosk.waiting', { n: waiting }), tr('kiosk.noOpenWindow')];
    default:
      return [tr('kiosk.waiting', { n: waiting }), a.estimateMin ? tr('kiosk.estimatedWait', { n: a.estimateMin }) : tr('kiosk.noWait')];
  }
}
