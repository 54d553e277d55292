// Figures by 事项编码 over several days: each day's items counted with that day's ratings (as the day
// is read for a report), then summed over the report's days.
import type { Rating, RatingLevel } from '@yichuang/shared/ratings';
import { describe, expect, it } from 'vitest';
import { itemCounts, type DayItems } from '../../hub/src/stats/item-facts.js';
import { itemFiguresOf } from '../../hub/src/stats/item-figures.js';
import { encodeRatings } from '../../hub/src/stats/rollup.js';

const rating = (number: string, level: RatingLevel | 'unrated'): Rating => ({
  ticketId: `x/${number}`,
  ticketNumber: number,
  categoryId: 'general',
  windowId: 'w01',
  staffId: 's1',
  channel: 'pad',
  finishedAt: 1_000,
  at: 2_000,
  level,
  reasons: [],
});

const day = (items: DayItems | undefined, ratings: Rating[]) => ({ ...(items && { items: itemCounts(items, encodeRatings(ratings, 0)) }) });

const DAYS = [
  day({ X: { tickets: ['A001', 'A002'], caseNumbers: 1 } }, [rating('A001', 'very-satisfied'), rating('A003', 'satisfied')]),
  day({ X: { tickets: ['A001'], caseNumbers: 0 }, Y: { tickets: ['B001'], caseNumbers: 1 } }, [rating('A001', 'unrated'), rating('B001', 'dissatisfied')]),
  day(undefined, [rating('A001', 'satisfied')]),
];

describe('figures by item over days', () => {
  it('counts each day’s items with that day’s ratings, and sums the days', () => {
    expect(DAYS[1]!.items).toEqual({
      X: { finished: 1, caseNumbers: 0, levels: expect.objectContaining({ 'very-satisfied': 0 }), unrated: 1 },
      Y: { finished: 1, caseNumbers: 1, levels: expect.objectContaining({ dissatisfied: 1 }), unrated: 0 },
    });
    const first = itemFiguresOf(DAYS.slice(0, 2));
    expect(first.X).toMatchObject({ finished: 3, caseNumbers: 1, ratings: { visits: 3, rated: 1, unrated: 1, levels: expect.objectContaining({ 'very-satisfied': 1 }) } });
    expect(first.Y).toMatchObject({ finished: 1, caseNumbers: 1, ratings: { rated: 1, satisfaction: 0, goodRate: 0 } });
    // A003's rating had no 事项 (the day's second rating of A001 is another day's ticket), and a day without items adds nothing.
    expect(itemFiguresOf(DAYS)).toEqual(first);
  });
});
