// What a day's roll-up keeps of the 事项 recorded at 办结: which of its tickets were which item.
import type { Ticket } from '@yichuang/shared/domain';
import { RATING_LEVELS, type RatingLevel } from '@yichuang/shared/ratings';
import { emptyLevels } from './evaluation-figures.js';

/** Item code → the numbers of the day's tickets finished with it, and how many had a 办件编号. */
export type DayItems = Record<string, { tickets: string[]; caseNumbers: number }>;

/** A day's items as a report reads them (item-figures.ts itemCounts): per code, 办件量, 办件编号 and the ratings of those visits. */
export type ItemCounts = Record<string, { finished: number; caseNumbers: number; levels: Record<RatingLevel, number>; unrated: number }>;

/** The roll-up's `items` for a day's tickets (absent when no 事项 was recorded). */
export function dayItems(tickets: Iterable<Ticket>): { items?: DayItems } {
  const items: DayItems = {};
  for (const t of tickets) {
    if (t.state !== 'finished' || !t.itemCode) continue;
    const item = (items[t.itemCode] ??= { tickets: [], caseNumbers: 0 });
    item.tickets.push(t.number);
    if (t.caseNumber) item.caseNumbers++;
  }
  return Object.keys(items).length ? { items } : {};
}

/**
 * A day's items counted with the same day's ratings (a day's ratings are its own tickets'): done once
 * as the day is read for a report. `level` holds RATING_LEVELS indexes, anything past them 未评价.
 */
export function itemCounts(items: DayItems, ratings: { length: number; number: readonly string[]; level: Int8Array }): ItemCounts {
  const out: ItemCounts = {};
  const itemOf = new Map<string, string>();
  for (const [code, d] of Object.entries(items)) {
    out[code] = { finished: d.tickets.length, caseNumbers: d.caseNumbers, levels: emptyLevels(), unrated: 0 };
    for (const n of d.tickets) itemOf.set(n, code);
  }
  for (let i = 0; i < ratings.length; i++) {
    const item = out[itemOf.get(ratings.number[i]!) ?? ''];
    if (!item) continue;
    const level = RATING_LEVELS[ratings.level[i]!];
    if (level) item.levels[level]++;
    else item.unrated++;
  }
  return out;
}
