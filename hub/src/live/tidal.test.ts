// Tidal advice that looks ahead: the queue now plus the forecast's next arrivals.
import { describe, expect, it } from 'vitest';
import type { LookAhead } from '@yichuang/shared/capacity';
import { Hall } from '../engine/test-fixtures.js';
import { Views } from '../hall/views.js';
import { LOOK_AHEAD_MIN, projectedWaitMin, tidalSuggestions } from './tidal.js';

const THRESHOLD_MIN = 40;
const ahead = (arrivals: Record<string, number>, serviceMin = 6): LookAhead => ({
  horizonMin: LOOK_AHEAD_MIN,
  categories: new Map(Object.entries(arrivals).map(([c, n]) => [c, { arrivals: n, serviceMin }])),
});
const suggest = (hall: Hall, look?: LookAhead) =>
  tidalSuggestions(hall.state, hall.config, new Views(() => hall.state, () => hall.config, () => hall.now).queues(), THRESHOLD_MIN, look);

describe('projected wait', () => {
  it('is the queue then (now + arrivals − what the open windows serve meanwhile), served by those windows', () => {
    // 8 waiting + 22 coming − 2 windows × 45 min / 6 min = 15 left; 15 × 6 / 2 = 45 min.
    expect(projectedWaitMin(8, 22, 2, 6, 45)).toBe(45);
    expect(projectedWaitMin(8, 2, 2, 6, 45)).toBe(0);
    // No open window: at least one is counted (the advice is to open one).
    expect(projectedWaitMin(10, 0, 0, 6, 45)).toBe(Math.round((10 - 45 / 6) * 6));
    expect(projectedWaitMin(8, 22, 2, null, 45)).toBeUndefined();
  });
});

describe('tidal advice looking ahead', () => {
  it('suggests the tidal window for a queue short now that the forecast says will be long', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4, 5);
    hall.issue('tax', 8); // two open windows, 6 min each: 24 min now
    expect(suggest(hall)).toEqual([]);
    expect(suggest(hall, ahead({ tax: 20 }))).toEqual([]); // 39 min in 45 min: still under 40
    expect(suggest(hall, ahead({ tax: 22 }))).toEqual([
      { categoryId: 'tax', prefix: 'T', name: '税务', nameEn: 'tax', estimatedWaitMin: 24, windowId: 'w5', windowNumber: 5, ahead: { horizonMin: 45, arrivals: 22, projectedWaitMin: 45 } },
    ]);
  });

  it('still suggests for a queue long now that the forecast says will ease', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4, 5);
    hall.issue('tax', 14); // 42 min now
    const [s] = suggest(hall, ahead({ tax: 0 }));
    expect(s).toMatchObject({ categoryId: 'tax', estimatedWaitMin: 42, ahead: { arrivals: 0, projectedWaitMin: 0 } });
  });

  it('gives the one tidal window to the queue that will be longest', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(2, 4, 5);
    hall.issue('tax', 14); // w4 and w5: 42 min now, quiet ahead
    hall.issue('social', 2);
    expect(suggest(hall, ahead({ tax: 0, social: 0 })).map((x) => x.categoryId)).toEqual(['tax']);
    // social: w2 and w5 open; 2 + 60 − 2 × 45 / 6 = 47 left → 141 min.
    expect(suggest(hall, ahead({ tax: 0, social: 60 })).map((x) => x.categoryId)).toEqual(['social']);
  });
});
