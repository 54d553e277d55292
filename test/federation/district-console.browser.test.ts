// The district console in real Chromium against a real district (PostgreSQL) and federated hubs
// (issue 21): sign-in with a bilingual refusal, 辖区大厅 grouped by level with each hall's link,
// records, lag, today's waiting and windows, an offline hall flagged, English, touch-sized controls,
// an evaluator who may not publish, an admin who does, and signing out. (The 统计报表 page reads
// GET /api/district/report, built on another branch: its browser test is the integrator's.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DistrictHall } from '@yichuang/shared/district';
import { DEMO_DISTRICT_PASSWORD, DEMO_DISTRICT_TOKEN } from '../../district/src/demo-accounts.js';
import { startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { launchBrowser } from '../helpers/browser.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { MONDAY_10AM, TestClock } from '../helpers/test-hub.js';
import { hallTraffic, seedHall, startFederatedHub, waitFor, type FederatedHub } from './federation-helpers.js';

let cluster: PostgresCluster;
let district: RunningDistrict;
let browser: Browser;
const hubs: FederatedHub[] = [];

beforeAll(async () => {
  [cluster, browser] = await Promise.all([startPostgres(), launchBrowser()]);
  const db = await cluster.createDatabase('district_console');
  district = await startDistrict({ db, port: 0, host: '127.0.0.1' }, { clock: new TestClock(MONDAY_10AM).now, log: () => undefined, linkSilenceS: 3 });
  for (const [id, level, issued, served] of [['hall-centre', 'centre', 9, 3], ['hall-station', 'station', 4, 1]] as const) {
    const hub = await startFederatedHub((await seedHall(id, level)).dataDir, db);
    hubs.push(hub);
    await hallTraffic(hub.hub.url, hub.clock, issued, served);
  }
  // The district's clock is on the halls' day, so their tickets count as today's.
  await waitFor(async () => {
    const now = await halls();
    return now.length === 2 && now.every((h) => h.issued > 0 && h.lagS === 0);
  }, 15_000);
});

afterAll(async () => {
  await browser?.close();
  for (const h of hubs) await h.close().catch(() => undefined);
  await district?.close();
  await cluster?.destroy();
});

async function halls(): Promise<DistrictHall[]> {
  await district.project();
  const res = await fetch(`${district.url}/api/district/halls`, { headers: { authorization: `Bearer ${DEMO_DISTRICT_TOKEN}` } });
  return ((await res.json()) as { data: DistrictHall[] }).data;
}

async function open(viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${district.url}/district/`);
  return page;
}

async function signIn(page: Page, username: string, password = DEMO_DISTRICT_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Every control of the page's frame and its own buttons and links is at least 44 px tall. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.locator('.console header button, .console nav a, main button').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => `${e.textContent?.trim()}: ${e.getBoundingClientRect().height}px`),
  );
}

it('signs an evaluator in and shows each hall by level with its link, records, lag and today’s queue; an offline hall is flagged', async () => {
  const page = await open();
  await signIn(page, 'demo-evaluator', 'wrong-password-1');
  await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码不正确');
  await signIn(page, 'demo-evaluator');
  await page.locator('.who').waitFor();
  expect(await page.locator('.who').textContent()).toContain('区级评价员（只读）');

  const expected = await halls();
  const row = (id: string) => page.locator(`tr[data-hall="${id}"]`);
  await row('hall-centre').waitFor();
  expect(await page.locator('section[data-level]').evaluateAll((s) => s.map((e) => e.getAttribute('data-level')))).toEqual(['centre', 'station']);
  expect(await page.locator('section[data-level="centre"] h2').textContent()).toContain('区级政务服务中心');
  for (const h of expected) {
    expect(await row(h.id).locator('[data-linked]').textContent()).toBe('在线');
    expect(await row(h.id).textContent()).toContain(`第 ${h.lastSeq} 条 / 共 ${h.headSeq} 条`);
    expect(await row(h.id).locator('[data-lag]').textContent()).toBe('实时');
    expect(Number(await row(h.id).locator('[data-waiting]').textContent())).toBe(h.waiting);
  }
  expect([expected.find((h) => h.id === 'hall-centre')!.waiting, expected.find((h) => h.id === 'hall-station')!.waiting]).toEqual([6, 3]);
  expect(await page.getByTestId('waiting-total').textContent()).toBe('9');
  expect(await smallTargets(page)).toEqual([]);

  // The station's hub stops: within a few refreshes the page shows it offline, with an alert.
  await hubs.pop()!.close();
  await expect.poll(() => row('hall-station').locator('[data-linked]').textContent(), { timeout: 20_000 }).toBe('离线');
  expect(await row('hall-station').locator('.flag').first().textContent()).toMatch(/^离线 \d+ 秒$/);
  expect(await page.getByTestId('linked-count').textContent()).toBe('1');

  await page.getByRole('button', { name: 'English' }).click();
  expect(await page.locator('section[data-level="station"] h2').textContent()).toContain('Village and community stations');
  expect(await row('hall-station').locator('[data-linked]').textContent()).toBe('Offline');
  await page.getByRole('button', { name: '中文' }).click();

  // An evaluator reads what is published but may not publish.
  await page.getByRole('link', { name: '发布配置' }).click();
  await page.locator('[data-kind="holidays"]').waitFor();
  expect(await page.getByRole('button', { name: '发布新版本' }).count()).toBe(0);
  expect(await page.locator('[data-kind="holidays"] textarea').first().getAttribute('readonly')).not.toBeNull();

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').waitFor();
  // The session is gone on the server too: a reload shows the form, not the halls.
  await page.reload();
  await page.getByLabel('用户名').waitFor();
  expect(await page.locator('tr[data-hall]').count()).toBe(0);
  await page.context().close();
});

it('lets an admin publish the holiday calendar from the console, at 1920×1080, with a bilingual refusal of a bad date', async () => {
  const page = await open({ width: 1920, height: 1080 });
  await signIn(page, 'demo-admin');
  await page.getByRole('link', { name: '发布配置' }).click();
  const holidays = page.locator('[data-kind="holidays"]');
  await holidays.locator('textarea').first().fill('2027-01-01\n2027-13-40');
  await holidays.getByRole('button', { name: '发布新版本' }).click();
  await expect.poll(() => holidays.getByRole('status').textContent()).toContain('YYYY-MM-DD');
  await holidays.locator('textarea').first().fill('2027-01-01\n2027-02-16');
  await holidays.getByRole('button', { name: '发布新版本' }).click();
  await expect.poll(() => holidays.getByRole('status').textContent()).toBe('已发布第 1 版，大厅连线时自动领取');
  await expect.poll(() => page.getByTestId('holidays-version').textContent()).toMatch(/^第 1 版 · .* · demo-admin$/);
  expect(await smallTargets(page)).toEqual([]);
  // The linked hall takes it.
  await waitFor(() => hubs[0]!.hub.config().hall.schedule.holidays.includes('2027-02-16'), 10_000);
  await page.context().close();
});
