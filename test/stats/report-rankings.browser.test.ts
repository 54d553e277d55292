// The report page in real Chromium: window and staff rankings by 满意率 (only with enough ratings),
// volume and wait; every table sorted by a click on its heading (again: reversed, with an arrow);
// the month view ending today; the 环比 comparison with the same days of the month before.
import type { RatingLevel } from '@yichuang/shared/ratings';
import { RANKING_MIN_RATED } from '@yichuang/shared/reports';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
let browser: Browser;
let page: Page;

/** Serves one visit at window NN (2 minutes' wait, 3 minutes' service) and has its pad rate it. */
async function serveAndRate(kiosk: Client, window: Client, pad: Client, nn: string, level: RatingLevel): Promise<void> {
  const windowId = `w${nn}`;
  const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
  if (!issued.ok) throw new Error(issued.error.messageEn);
  t.clock.advance(2 * 60_000);
  expect((await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId, number: issued.data.ticket.number })).ok).toBe(true);
  expect((await window.emitWithAck('window:start', { cmdId: cmdId(), windowId })).ok).toBe(true);
  t.clock.advance(3 * 60_000);
  expect((await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' })).ok).toBe(true);
  const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId, ticketId: issued.data.ticket.id, level });
  expect(rated.ok).toBe(true);
}

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const kiosk = await t.connect('demo-kiosk-1');
  // Window 1: 5 visits, all 非常满意 (100%, ranked). Window 2: 6 visits, half 满意, half 基本满意 (50%,
  // ranked, the most visits). Window 3: 2 visits, both 非常满意 (100%, but too few ratings to rank).
  const plan: [string, RatingLevel[]][] = [
    ['01', Array<RatingLevel>(RANKING_MIN_RATED).fill('very-satisfied')],
    ['02', ['satisfied', 'basic', 'satisfied', 'basic', 'satisfied', 'basic']],
    ['03', ['very-satisfied', 'very-satisfied']],
  ];
  for (const [nn, levels] of plan) {
    const window = await t.connect(`demo-window-${nn}`);
    const pad = await t.connect(`demo-pad-${nn}`);
    expect((await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' })).ok).toBe(true);
    for (const level of levels) await serveAndRate(kiosk, window, pad, nn, level);
  }
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/reports`, LANDSCAPE);
  await page.locator('[data-table=rankWindows]').waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

/** A table's rows as the page shows them, cells as text. */
function rows(id: string): Promise<string[][]> {
  return page.$$eval(`[data-table="${id}"] tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

describe('rankings', () => {
  it('ranks windows by 满意率 only with enough ratings, and by volume and wait, with the rule said', async () => {
    const ranking = await rows('rankWindows');
    // Window, rank by 满意率, 满意率%, rated, rank by volume, finished, rank by wait, mean wait.
    expect(ranking.map((r) => [r[0]!.split(' ')[0], r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['1号', '1', '100', '5', '2', '5'],
      ['2号', '2', '50', '6', '1', '6'],
      ['3号', `评价不足${RANKING_MIN_RATED}次 Fewer than ${RANKING_MIN_RATED} ratings`, '100', '2', '3', '2'],
    ]);
    // Every wait is 2 minutes: one shared first place.
    expect(ranking.map((r) => [r[6], r[7]])).toEqual([
      ['1', '2'],
      ['1', '2'],
      ['1', '2'],
    ]);
    expect(await page.locator('[data-table=rankWindows] .hint').innerText()).toContain(`评价不少于 ${RANKING_MIN_RATED} 次`);
    const staff = await rows('rankStaff');
    expect(staff.map((r) => r[0])).toEqual([expect.stringContaining('0101'), expect.stringContaining('0201'), expect.stringContaining('0301')]);
  });
});

describe('sorting', () => {
  it('sorts by a clicked heading, reverses on a second click, and shows which way with an arrow', async () => {
    const heading = page.locator('[data-table=rankWindows] th', { hasText: '办结 Finished' });
    await heading.locator('button').click();
    expect((await rows('rankWindows')).map((r) => r[5])).toEqual(['2', '5', '6']);
    expect(await heading.getAttribute('aria-sort')).toBe('ascending');
    expect(await heading.innerText()).toContain('▲');
    await heading.locator('button').click();
    expect((await rows('rankWindows')).map((r) => r[5])).toEqual(['6', '5', '2']);
    expect(await heading.getAttribute('aria-sort')).toBe('descending');
    expect(await heading.innerText()).toContain('▼');
    // Unranked rows stay after the ranked ones, whichever way the ranking is sorted.
    const byRank = page.locator('[data-table=rankWindows] th', { hasText: '满意率排名' }).locator('button');
    await byRank.click();
    await byRank.click();
    expect((await rows('rankWindows')).map((r) => r[0]!.split(' ')[0])).toEqual(['2号', '1号', '3号']);
  });

  it('sorts text columns in Chinese order', async () => {
    const heading = page.locator('[data-table=byCategory] th').first();
    await heading.locator('button').click();
    const names = (await rows('byCategory')).map((r) => r[0]);
    expect(names).toEqual([...names].sort((a, b) => a!.localeCompare(b!, 'zh-CN')));
  });
});

describe('the month, up to today, compared with the month before', () => {
  it('ends the month view today and compares it with the same days of last month', async () => {
    await page.getByRole('button', { name: '月', exact: true }).click();
    await page.waitForFunction(() => (document.querySelectorAll('input[type=date]')[0] as HTMLInputElement).value === '2026-11-01');
    await page.locator('[data-table=comparison]').waitFor();
    expect(await page.locator('input[type=date]').nth(0).inputValue()).toBe('2026-11-01');
    expect(await page.locator('input[type=date]').nth(1).inputValue()).toBe('2026-11-23'); // the hub's today, not the 30th
    const headings = await page.locator('[data-table=comparison] th').allInnerTexts();
    expect(headings.join('|')).toContain('本期 2026-11-01 – 2026-11-23');
    expect(headings.join('|')).toContain('上期 2026-10-01 – 2026-10-23');
    const satisfied = (await rows('comparison')).find((r) => r[0]!.startsWith('满意率'))!;
    // 5 + 3 + 2 of 13 ratings 满意 or better; nothing the month before.
    expect(satisfied.slice(1)).toEqual([String(Math.round((10 / 13) * 1000) / 10), '—', '—', '—']);
  });
});
