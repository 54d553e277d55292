// The district console (issue 21): sign-in, 辖区大厅 at 1366×768 and 1920×1080, 统计报表 (once the
// district report endpoint answers), 发布配置. Starts its own PostgreSQL, district server and three
// federated halls with a little traffic each, as `npm run demo:district` does with more history.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DISTRICT_PASSWORD } from '../../district/src/demo-accounts.js';
import { startDistrict } from '../../district/src/server.js';
import { hallTraffic, seedHall, startFederatedHub, waitFor, type FederatedHub } from '../federation/federation-helpers.js';
import { startPostgres } from '../helpers/postgres-cluster.js';
import { MONDAY_10AM, TestClock } from '../helpers/test-hub.js';
import type { ShotContext } from './shot.js';

const SMALL = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };

/** Signs in at the district console as `username` and opens `route`. */
export async function districtPage(browser: Browser, url: string, username: string, viewport = LARGE, route = 'halls'): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${url}/district/#/${route}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_DISTRICT_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.who').waitFor();
  return page;
}

/** The shots against a district already running at `url` with linked halls. */
export async function shootDistrict(browser: Browser, url: string, capture: (page: Page, name: string) => Promise<void>): Promise<void> {
  const form = await (await browser.newContext({ viewport: SMALL, locale: 'zh-CN' })).newPage();
  await form.goto(`${url}/district/`);
  await form.getByLabel('用户名').waitFor();
  await capture(form, 'district-sign-in');
  await form.context().close();

  for (const [viewport, size] of [[SMALL, '1366'], [LARGE, '1920']] as const) {
    const page = await districtPage(browser, url, 'demo-admin', viewport);
    await page.locator('tr[data-hall]').first().waitFor();
    await capture(page, `district-halls-${size}`);
    await page.context().close();
  }

  // 统计报表 at 1366×768 for the halls' day (the page opens on this PC's month).
  const reports = await districtPage(browser, url, 'demo-evaluator', SMALL, 'reports');
  await reports.getByLabel('从').fill('2026-11-23');
  await reports.getByLabel('至').fill('2026-11-23');
  await reports.getByRole('button', { name: '查询' }).click();
  // The day's own figures are in once the 环比 names the day before.
  await reports.getByText('上期 2026-11-22 至 2026-11-22').waitFor();
  const answered = await reports.locator('[data-testid="district-tiles"], .failure').first().waitFor().then(() => reports.locator('[data-testid="district-tiles"]').count());
  if (answered > 0) await capture(reports, 'district-reports');
  else console.log('  (district-reports skipped: GET /api/district/report does not answer on this branch)');
  await reports.context().close();

  const published = await districtPage(browser, url, 'demo-admin', SMALL, 'published');
  await published.locator('[data-kind="catalogue"] textarea').waitFor();
  await capture(published, 'district-published');
  await published.context().close();
}

export async function shoot({ browser, capture }: ShotContext): Promise<void> {
  const cluster = await startPostgres();
  const hubs: FederatedHub[] = [];
  const db = await cluster.createDatabase('district_shots');
  // The district's clock on the halls' day (Monday 2026-11-23), so their tickets are today's.
  const district = await startDistrict({ db, port: 0, host: '127.0.0.1' }, { clock: new TestClock(MONDAY_10AM).now, log: () => undefined, linkSilenceS: 3 });
  try {
    const halls = [
      ['demo-centre', '示范区政务服务中心', 'centre', 14, 5],
      ['demo-street-east', '城东街道便民服务中心', 'street', 6, 2],
      ['demo-street-west', '城西街道便民服务中心', 'street', 4, 4],
      ['demo-station', '青石村便民服务站', 'station', 3, 1],
    ] as const;
    for (const [id, name, level, issued, served] of halls) {
      const { dataDir, config } = await seedHall(id, level);
      config.hall.name = name;
      await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(config));
      const hub = await startFederatedHub(dataDir, db);
      hubs.push(hub);
      await hallTraffic(hub.hub.url, hub.clock, issued, served);
    }
    // One hall goes offline, so the page shows how a hall out of touch looks.
    await hubs.at(-1)!.close();
    await waitFor(async () => {
      await district.project();
      const res = await fetch(`${district.url}/api/district/halls`, { headers: { authorization: 'Bearer demo-district-console' } });
      const { data } = (await res.json()) as { data: { issued: number; linked: boolean }[] };
      return data.length === halls.length && data.every((h) => h.issued > 0) && data.some((h) => !h.linked);
    }, 20_000);
    await shootDistrict(browser, district.url, capture);
  } finally {
    for (const h of hubs.slice(0, -1)) await h.close();
    await district.close();
    await cluster.destroy();
  }
}
