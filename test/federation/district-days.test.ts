// The district's days (district/src/ticket-days.ts DistrictDays): each day's tickets of all halls as
// one day, counted by the hall's own report code to the same figures as the halls' days side by side,
// and kept (with the figures the report code fills) only while the halls' days it was made of are the
// same.
import { describe, expect, it } from 'vitest';
import type { TicketFact } from '../../hub/src/stats/facts.js';
import { DAY, figuresBy } from '../../hub/src/stats/figures.js';
import { RatingTally, ticketColumns, type ReportDay } from '../../hub/src/stats/report-day.js';
import { encodeTickets, NONE } from '../../hub/src/stats/rollup.js';
import { DistrictDays } from '../../district/src/ticket-days.js';

const DAY_ID = '2026-11-24';

function ticket(i: number, category: string, window?: string): TicketFact {
  return {
    number: `A${i}`,
    category,
    source: i % 2 === 0 ? 'kiosk' : 'appointment',
    priority: 'normal',
    issued: 9 * 3600 + i * 97,
    end: i % 5 === 0 ? 'open' : 'finished',
    called: i % 5 !== 0,
    transfers: i % 7 === 0 ? 1 : 0,
    holds: 0,
    ...(window !== undefined && { window, staff: `s-${window}` }),
    ...(i % 5 !== 0 ? { wait: (i * 37_000) % 2_400_000, service: 60_000 + i * 1_000, stay: 900_000 + i * 3_000 } : { uncalledWait: 1_200_000 + i * 1_000 }),
  };
}

function hallDay(facts: TicketFact[], rated: number): ReportDay {
  const ratings = new RatingTally();
  ratings.levels.satisfied = rated;
  ratings.unrated = 1;
  return {
    day: DAY_ID,
    weekday: 2,
    tickets: ticketColumns(encodeTickets(facts)),
    windows: [{ window: 'w01', openMs: 0, servingMs: 0, pauseMs: {} }],
    ratings,
    ratingsByWindow: new Map([['w01', ratings]]),
    ratingsByStaff: new Map(),
    cases: [],
    appointments: [],
    kiosks: [],
    figures: new Map(),
    counts: new Map(),
  };
}

describe('DistrictDays', () => {
  // Two halls whose day dictionaries differ: category 0 is 'social' at one, 'general' at the other.
  const north = hallDay(Array.from({ length: 30 }, (_, i) => ticket(i, i % 3 === 0 ? 'social' : 'general', i % 2 === 0 ? 'w01' : undefined)), 4);
  const south = hallDay(Array.from({ length: 20 }, (_, i) => ticket(100 + i, i % 4 === 0 ? 'general' : 'social', 'w01')), 6);

  it('puts the halls’ tickets of a day in one day: categories by id, no window or staff groups, ratings summed, windows named hall/id', () => {
    const [day, ...more] = new DistrictDays().of([
      ['north', [north]],
      ['south', [south]],
    ]);
    expect(more).toEqual([]);
    const t = day!.tickets;
    expect(t.length).toBe(50);
    const categories = (c: ReportDay['tickets']): string[] => Array.from(c.category.subarray(0, c.length), (k) => c.categoryIds[k]!);
    expect(categories(t)).toEqual([...categories(north.tickets), ...categories(south.tickets)]);
    expect(t.windowIds).toEqual([]);
    expect([...t.window].every((k) => k === NONE) && [...t.staff].every((k) => k === NONE)).toBe(true);
    expect([...t.wait]).toEqual([...north.tickets.wait, ...south.tickets.wait]);
    expect(day!.ratings.levels.satisfied).toBe(10);
    expect(day!.ratings.unrated).toBe(2);
    expect(day!.ratingsByWindow.size).toBe(0);
    expect(day!.windows.map((w) => w.window)).toEqual(['north/w01', 'south/w01']);
  });

  it('gives the hall’s report code the same figures as the halls’ days side by side', () => {
    const merged = new DistrictDays().of([
      ['north', [north]],
      ['south', [south]],
    ]);
    const apart = figuresBy([{ ...north, counts: new Map(), figures: new Map() }, { ...south, counts: new Map(), figures: new Map() }], DAY, 30 * 60_000).groups;
    expect(figuresBy(merged, DAY, 30 * 60_000).groups).toEqual(apart);
  });

  it('keeps a day while its halls’ days are the same, and makes it again when one of them is another', () => {
    const days = new DistrictDays();
    const first = days.of([
      ['north', [north]],
      ['south', [south]],
    ])[0]!;
    const again = days.of([
      ['north', [north]],
      ['south', [south]],
    ])[0]!;
    expect(again.tickets).toBe(first.tickets);
    expect(again.counts).toBe(first.counts);
    const southAgain = hallDay(Array.from({ length: 21 }, (_, i) => ticket(100 + i, 'social', 'w01')), 6);
    const changed = days.of([
      ['north', [north]],
      ['south', [southAgain]],
    ])[0]!;
    expect(changed.tickets).not.toBe(first.tickets);
    expect(changed.tickets.length).toBe(51);
    // A hall with no day there any more is a change too.
    expect(days.of([['north', [north]]])[0]!.tickets.length).toBe(30);
  });
});
