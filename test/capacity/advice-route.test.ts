// GET /api/capacity/advice on a real hub whose data folder holds six weeks of the bench's synthetic
// hall (generated through the engine, a known arrival profile and category mix): the advice recovers
// that pattern, measures the service times, and answers bad input with a bilingual 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityAdvice } from '@yichuang/shared/capacity';
import { SLOT_MIN } from '@yichuang/shared/capacity';
import { ARRIVAL_PROFILE, CATEGORY_SHARE, SERVICE_MINUTES, type PlanCategory } from '../bench/history/hall-plan.js';
import type { TestHub } from '../helpers/test-hub.js';
import { startHistoryHub } from './history-hub.js';

const TICKETS_PER_WORKDAY = 300;
const FIRST = '2026-10-12';
const LAST = '2026-11-22';
const MANAGER = { headers: { authorization: 'Bearer demo-console-1' } };

let t: TestHub;
let advice: CapacityAdvice;

beforeAll(async () => {
  t = await startHistoryHub({ from: FIRST, to: LAST, ticketsPerWorkday: TICKETS_PER_WORKDAY });
  const res = await fetch(`${t.hub.url}/api/capacity/advice?day=2026-11-24&target=20&share=0.9`, MANAGER);
  expect(res.status).toBe(200);
  advice = ((await res.json()) as { data: CapacityAdvice }).data;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const slotOf = (start: string): number => (Number(start.slice(0, 2)) * 60 + Number(start.slice(3))) / SLOT_MIN;

describe('staffing advice from the hub', () => {
  it('stands on the same weekday of the past weeks', () => {
    expect(advice).toMatchObject({ day: '2026-11-24', weekday: 2, working: true, effects: [], factor: 1, targetMin: 20, share: 0.9 });
    expect(advice.basis).toEqual(['2026-11-17', '2026-11-10', '2026-11-03', '2026-10-27', '2026-10-20', '2026-10-13']);
  });

  it('recovers the known arrival profile, slot by slot, and the category mix', () => {
    const weights = ARRIVAL_PROFILE.reduce((a, s) => a + s.weight, 0);
    const shares = Object.values(CATEGORY_SHARE).reduce((a, s) => a + s, 0);
    const hall = new Map<number, number>();
    for (const c of advice.categories) for (const s of c.slots) hall.set(slotOf(s.start), (hall.get(slotOf(s.start)) ?? 0) + s.forecast);
    for (let slot = 0; slot < 48; slot++) {
      const profile = ARRIVAL_PROFILE.find((p) => p.from / SLOT_MIN === slot);
      const expected = profile ? (TICKETS_PER_WORKDAY * profile.weight) / weights : 0;
      // A day's count varies ±10% (uniform: sd 5.8%), six days averaged: 2.4%, three of them; plus the
      // generator's rounding per slot (±0.5) and the answer's to a tenth per category.
      expect(Math.abs((hall.get(slot) ?? 0) - expected), `slot ${slot}`).toBeLessThanOrEqual(0.08 * expected + 0.5 + 0.05 * advice.categories.length);
    }
    for (const c of advice.categories) {
      const day = c.slots.reduce((a, s) => a + s.forecast, 0);
      const lambda = (TICKETS_PER_WORKDAY * CATEGORY_SHARE[c.categoryId as PlanCategory]) / shares;
      // Each ticket's category is drawn at random: binomial around the share; four standard errors of six days.
      expect(Math.abs(day - lambda), c.categoryId).toBeLessThanOrEqual(4 * Math.sqrt(lambda / 6) + 0.05 * lambda + 0.05 * c.slots.length);
    }
  });

  it('measures each category’s service time and sizes the windows by Erlang C', () => {
    for (const c of advice.categories) {
      const planned = SERVICE_MINUTES[c.categoryId as PlanCategory];
      // Log-normal visits around the plan's mean, holds excluded; the model says so when CV is far from 1.
      expect(Math.abs(c.serviceMin! - planned) / planned, c.categoryId).toBeLessThan(0.2);
      for (const s of c.slots) {
        const load = (s.forecast / SLOT_MIN) * c.serviceMin!;
        if (s.forecast > 0) expect(s.windowsNeeded).toBeGreaterThan(load);
        expect(s.shortfall).toBeCloseTo(Math.max(0, s.windowsNeeded - s.windowsPlanned), 0);
      }
    }
    const general = advice.categories.find((c) => c.categoryId === 'general')!;
    expect(general.check).toMatchObject({ days: 6 });
    expect(general.check!.actualMeanWaitMin).not.toBeNull();
  });

  it('backtests the days it can', () => {
    expect(advice.backtest.days).toBeGreaterThan(0);
    expect(advice.backtest.dayMape).toBeLessThan(0.1);
  });

  it('refuses a bad query in both languages, and anyone not signed in', async () => {
    const bad = await fetch(`${t.hub.url}/api/capacity/advice?day=tomorrow&share=2`, MANAGER);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string; messageEn?: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body.error)).toContain('YYYY-MM-DD');
    expect(JSON.stringify(body.error)).toMatch(/默认明天/);
    expect((await fetch(`${t.hub.url}/api/capacity/advice?day=2026-02-31`, MANAGER)).status).toBe(400);
    expect((await fetch(`${t.hub.url}/api/capacity/advice`)).status).toBe(401);
  });
});
