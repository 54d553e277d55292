// The 排班建议 page in real Chromium over six weeks of the bench's hall: the day's basis and backtest,
// windows needed per category and slot as the hub computes them (shortfalls marked), one category slot
// by slot, and a stricter target recomputed; touch-sized controls.
import type { CapacityAdvice } from '@yichuang/shared/capacity';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import type { TestHub } from '../helpers/test-hub.js';
import { startHistoryHub } from './history-hub.js';

let t: TestHub;
let browser: Browser;
let page: Page;

const advice = async (query: string): Promise<CapacityAdvice> =>
  ((await (await fetch(`${t.hub.url}/api/capacity/advice?${query}`, { headers: { authorization: 'Bearer demo-console-1' } })).json()) as { data: CapacityAdvice }).data;

beforeAll(async () => {
  [t, browser] = await Promise.all([startHistoryHub({ from: '2026-10-12', to: '2026-11-22', ticketsPerWorkday: 300 }), launchBrowser()]);
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/capacity`, LANDSCAPE);
  await page.getByTestId('matrix').waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the 排班建议 page', () => {
  it('shows tomorrow, the days its forecast stands on, and the backtest', async () => {
    const summary = page.getByTestId('summary');
    await expect(summary.textContent()).resolves.toContain('2026-11-24（周二），工作日');
    await expect(summary.textContent()).resolves.toContain('最近 6 个同类日（2026-10-13 至 2026-11-17）');
    await expect(page.getByTestId('backtest').textContent()).resolves.toMatch(/以往 \d+ 天逐日只用其之前的数据预测：每半小时平均误差 [\d.]+%/);
  });

  it('shows the windows needed per category and slot as the hub computes them, shortfalls marked', async () => {
    const a = await advice('day=2026-11-24&target=20&share=0.9');
    const general = a.categories.find((c) => c.categoryId === 'general')!;
    const cells = page.locator('[data-category=general] td.num');
    // Planned windows, then one cell per slot.
    await expect(cells.first().textContent()).resolves.toBe(String(general.windowsPlanned));
    const shown = await cells.allTextContents();
    expect(shown.slice(1)).toEqual(general.slots.map((s) => (s.windowsNeeded ? String(s.windowsNeeded) : '')));
    const short = await page.locator('[data-category=general] td.short').count();
    expect(short).toBe(general.slots.filter((s) => s.shortfall > 0).length);
  });

  it('opens a category slot by slot, with its service time and the model’s check', async () => {
    await page.locator('[data-category=insurance] button.pick').click();
    const detail = page.getByTestId('detail');
    await expect(detail.locator('h2').textContent()).resolves.toBe('C 医保社保：逐时段明细');
    await expect(detail.textContent()).resolves.toMatch(/平均办理 [\d.]+ 分钟（变异系数 [\d.]+）/);
    await expect(detail.textContent()).resolves.toContain('以往同类日：实际平均等候');
    // Log-normal visits (CV ≈ 0.5): the page says the model's exponential assumption is off.
    await expect(detail.locator('.caution').first().textContent()).resolves.toContain('变异系数');
    expect(await detail.locator('tbody tr').count()).toBeGreaterThan(10);
  });

  it('recomputes for a stricter target, never with fewer windows', async () => {
    const before = await advice('day=2026-11-24&target=20&share=0.9');
    await page.getByLabel('等候目标（分钟）').fill('5');
    await page.getByLabel('达标比例').selectOption('0.95');
    const answered = page.waitForResponse((r) => r.url().includes('/api/capacity/advice') && r.url().includes('target=5'));
    await page.getByRole('button', { name: '计算' }).click();
    const after = ((await (await answered).json()) as { data: CapacityAdvice }).data;
    expect(after).toMatchObject({ targetMin: 5, share: 0.95 });
    for (const [i, c] of after.categories.entries()) {
      for (const [j, s] of c.slots.entries()) expect(s.windowsNeeded).toBeGreaterThanOrEqual(before.categories[i]!.slots[j]!.windowsNeeded);
    }
  });

  it('keeps its controls touch-sized (≥ 44 px)', async () => {
    for (const control of [page.getByRole('button', { name: '计算' }), page.locator('button.pick').first(), page.getByLabel('等候目标（分钟）')]) {
      expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
  });
});
