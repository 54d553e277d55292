// The holiday calendar's next year, imported at the console (#20): the built-in calendar's years,
// or the State Council notice's dates pasted, checked with a bilingual error; saved with the form,
// it moves the case deadlines and clears the live board's calendar alert.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;
let page: Page;
let console1: Client;
const MANAGER = { headers: { authorization: 'Bearer demo-console-1' } };

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
  console1 = await t.connect('demo-console-1');
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/admin-hall`, LANDSCAPE);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

const importer = () => page.locator('[data-testid=holiday-import]');
const calendarAlert = async (): Promise<boolean> => {
  const ack = await console1.emitWithAck('live:snapshot', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.alerts.some((a) => a.kind === 'calendar-ending' && a.resolvedAt === undefined);
};

describe('importing a year of holidays at the console', () => {
  it('serves the built-in years, and says in both languages which it lacks', async () => {
    const year = await (await fetch(`${t.hub.url}/api/holidays/2026`, MANAGER)).json();
    expect(year.data).toMatchObject({ year: 2026, makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] });
    const missing = await fetch(`${t.hub.url}/api/holidays/2099`, MANAGER);
    expect(missing.status).toBe(404);
    const body = await missing.json();
    expect(body.error.code).toBe('NO_BUILTIN_YEAR');
    expect(body.error.message).toContain('2099');
    expect(body.error.messageEn).toContain('2099');
  });

  it('refuses a pasted list that is not that year, beside the importer', async () => {
    await importer().locator('input[name=holidayYear]').waitFor();
    expect(await importer().locator('input[name=holidayYear]').inputValue()).toBe('2027'); // the year after the calendar's last
    await importer().locator('textarea').fill('放假：2026-10-01至2026-10-07');
    await importer().getByRole('button', { name: '导入粘贴的日期' }).click();
    expect(await importer().getByRole('status').innerText()).toContain('2026-10-01 不在 2027 年');
  });

  it('imports the pasted notice into the lists; saved, the calendar runs to 2027 and the alert clears', async () => {
    expect(await calendarAlert()).toBe(true); // 2026-11-23: the calendar ends in 38 days
    await importer().locator('textarea').fill('放假：2027-01-01至2027-01-03、2027-10-01至2027-10-07\n上班：2027-09-26');
    await importer().getByRole('button', { name: '导入粘贴的日期' }).click();
    expect(await importer().getByRole('status').innerText()).toBe('已导入 2027 年：放假 10 天，调休上班 1 天。请核对后点“保存”。');
    expect(await page.locator('[data-dates=holidays] .chip').filter({ hasText: '2027-10-07' }).count()).toBe(1);
    expect(await page.locator('[data-dates=makeup] .chip').filter({ hasText: '2027-09-26' }).count()).toBe(1);
    await page.locator('form[data-form=hall] button[type=submit]').click();
    await page.getByText('已保存，立即生效').waitFor();
    const snapshot = await console1.emitWithAck('admin:config', {});
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.data.hall.schedule.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2027-01-01', '2027-10-07']));
    expect(snapshot.data.hall.schedule.makeupWorkdays).toContain('2027-09-26');
    await expect.poll(calendarAlert, { timeout: 15_000 }).toBe(false);
  });
});
