// Figures by 事项编码 over several days: each day's items joined with that day's ratings, summed; a day
// that is over is read once and kept, today's is read again each time.
import type { Rating, RatingLevel } from '@yichuang/shared/ratings';
import { describe, expect, it } from 'vitest';
import { FiguresByItem } from '../../hub/src/stats/item-figures.js';
import { encodeRatings, type DayRollup } from '../../hub/src/stats/rollup.js';

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

const rollup = (day: string, items: DayRollup['items'], ratings: Rating[]): DayRollup => ({ day, items, ratings: encodeRatings(ratings, 0) }) as DayRollup;

const ROLLUPS: Record<string, DayRollup> = {
  '2026-11-23': rollup('2026-11-23', { X: { tickets: ['A001', 'A002'], caseNumbers: 1 } }, [rating('A001', 'very-satisfied'), rating('A003', 'satisfied')]),
  '2026-11-24': rollup('2026-11-24', { X: { tickets: ['A001'], caseNumbers: 0 }, Y: { tickets: ['B001'], caseNumbers: 1 } }, [rating('A001', 'unrated'), rating('B001', 'dissatisfied')]),
  '2026-11-25': rollup('2026-11-25', undefined, [rating('A001', 'satisfied')]),
};

describe('figures by item over days', () => {
  it('sums each day’s items with that day’s ratings, reading a past day once', async () => {
    const reads: string[] = [];
    const figures = new FiguresByItem(
      {
        daysIn: async (from, to) => Object.keys(ROLLUPS).filter((d) => d >= from && d <= to),
        rollupOf: async (day) => (reads.push(day), ROLLUPS[day]!),
      },
      () => '2026-11-24',
    );
    const first = await figures.figures('2026-11-23', '2026-11-24');
    expect(first.X).toMatchObject({ finished: 3, caseNumbers: 1, ratings: { visits: 3, rated: 1, unrated: 1, levels: expect.objectContaining({ 'very-satisfied': 1 }) } });
    expect(first.Y).toMatchObject({ finished: 1, caseNumbers: 1, ratings: { rated: 1, satisfaction: 0, goodRate: 0 } });
    // A003's rating had no 事项, and a day without items adds nothing.
    expect(Object.keys(await figures.figures('2026-11-23', '2026-11-25'))).toEqual(['X', 'Y']);
    expect(reads.filter((d) => d === '2026-11-23')).toHaveLength(1);
    expect(reads.filter((d) => d === '2026-11-24')).toHaveLength(2);
  });
});
