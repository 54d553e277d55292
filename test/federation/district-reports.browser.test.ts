// The district console's 统计报表 page in real Chromium against a real district (PostgreSQL) and two
// federated halls (issue 21): a period picked, the district's tiles and each hall beside the total are
// the figures of GET /api/district/report, the XLSX link is the export route and downloads a workbook
// with the signed-in session, controls are touch-sized; a screenshot at 1366×768 is kept.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DistrictReport } from '@yichuang/shared/district';
import { DEMO_DISTRICT_PASSWORD, DEMO_DISTRICT_TOKEN } from '../../district/src/demo-accounts.js';
import { startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { launchBrowser } from '../helpers/browser.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { MONDAY_10AM, TestClock } from '../helpers/test-hub.js';
import { districtClient, ratedTraffic, seedHall, startFederatedHub, waitForExactCopy, type FederatedHub } from './federation-helpers.js';

const DAY = '2026-11-23';
let cluster: PostgresCluster;
let district: RunningDistrict;
let browser: Browser;
const hubs: FederatedHub[] = [];

beforeAll(async () => {
  [cluster, browser] = await Promise.all([startPostgres(), launchBrowser()]);
  const url = await cluster.createDatabase('district_reports_page');
  const clock = new TestClock(MONDAY_10AM);
  district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined });
  const db = await districtClient(url);
  for (const [id, level, visits] of [['hall-centre', 'centre', 14], ['hall-street', 'street', 8]] as const) {
    const { dataDir } = await seedHall(id, level);
    const hub = await startFederatedHub(dataDir, url, clock);
    hubs.push(hub);
    await ratedTraffic(hub.hub.url, clock, DAY, visits);
    await waitForExactCopy(db, id, dataDir);
  }
  await db.end();
  await district.project();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const h of hubs) await h.close().catch(() => undefined);
  await district?.close();
  await cluster?.destroy();
});

async function reportsPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${district.url}/district/#/reports`);
  await page.getByLabel('用户名').fill('demo-evaluator');
  await page.getByLabel('密码').fill(DEMO_DISTRICT_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.who').waitFor();
  return page;
}

it('shows the period’s district figures and each hall beside the total, and exports the workbook from its link', async () => {
  const page = await reportsPage();
  await page.getByLabel('从').fill(DAY);
  await page.getByLabel('至').fill(DAY);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('[data-testid="district-tiles"]').waitFor();

  const res = await fetch(`${district.url}/api/district/report?from=${DAY}&to=${DAY}`, { headers: { authorization: `Bearer ${DEMO_DISTRICT_TOKEN}` } });
  const report = ((await res.json()) as { data: DistrictReport }).data;
  expect(report.district.total.issued).toBe(14 + 8);
  await expect.poll(() => page.getByTestId('issued').textContent()).toBe(String(report.district.total.issued));

  // Each hall, then the district, in the per-hall table: issued and finished as the report has them.
  const rows = await page.locator('[data-table="halls"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
  expect(rows.map((r) => r.slice(0, 3))).toEqual([
    ...report.halls.map((h) => [h.name, String(h.total.issued), String(h.total.finished)]),
    ['全区合计', String(report.district.total.issued), String(report.district.total.finished)],
  ]);

  // The XLSX link is the export route for the period, and the signed-in page may download it.
  const href = await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href');
  expect(href).toBe(`/api/district/report/export.xlsx?from=${DAY}&to=${DAY}`);
  const download = await page.request.get(`${district.url}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toMatch(/spreadsheetml/);
  expect((await download.body()).subarray(0, 2).toString()).toBe('PK');

  const small = await page.locator('.controls button, .controls a, .controls select, .controls input').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => `${e.textContent?.trim() || e.tagName}: ${e.getBoundingClientRect().height}px`),
  );
  expect(small).toEqual([]);

  await page.context().close();
});
