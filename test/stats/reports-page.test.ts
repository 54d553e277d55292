// The console's report page in real Chromium: the figures it shows, and an XLSX export read back
// with the spreadsheet library holding the same numbers.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, ok, slotAt } from '../appointments/rest.js';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
let browser: Browser;
const MONDAY = '2026-11-23';

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  // Online from the hub's start (10:00, its first day) to Monday's end: the take-a-number kiosk and the
  // 24-hour terminal; the second kiosk never comes.
  const kiosk = await t.connect('demo-kiosk-1');
  await t.connect('demo-terminal24-1');
  const w1 = await t.connect('demo-window-01');
  expect((await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).ok).toBe(true);
  // Two bookings made on Monday, one of them for Monday 11:00.
  const booked = ok(await book(t, { categoryId: 'general', slotStart: (await slotAt(t, 'general', MONDAY, '11:00')).start, phone: '13812345678' }));
  ok(await book(t, { categoryId: 'social', slotStart: (await slotAt(t, 'social', '2026-11-24', '10:00')).start, phone: '13812345679' }));
  for (const categoryId of ['general', 'general', 'general', 'social']) {
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId })).ok).toBe(true);
  }
  for (let i = 0; i < 2; i++) {
    t.clock.advance(4 * 60_000);
    await w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    await w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' });
    t.clock.advance(6 * 60_000);
    await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' });
  }
  expect((await w1.emitWithAck('staff:signOut', { cmdId: cmdId(), windowId: 'w01' })).ok).toBe(true);
  t.clock.advance(25 * 60_000); // 10:45: the 11:00 booking checks in, a fifth ticket
  expect((await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code })).ok).toBe(true);
  // Tuesday morning: Monday is over, so nothing on its report moves while page and export are compared.
  t.clock.advance(21 * 3_600_000);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Rows of an HTML table on the page, cells as text. */
async function pageTable(page: import('playwright-core').Page, id: string): Promise<string[][]> {
  return page.$$eval(`[data-table="${id}"] tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

describe('report page', () => {
  it('shows a day’s figures and exports the same numbers to XLSX', async () => {
    const page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/reports`);
    await page.getByTestId('issued').waitFor();
    // Monday, from the period fields.
    await page.locator('input[type="date"]').nth(0).fill(MONDAY);
    await page.locator('input[type="date"]').nth(1).fill(MONDAY);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="issued"]')?.textContent === '5');
    // Appointments: 2 booked on Monday, 1 checked in, none missed. Uptime over Monday's opening hours
    // after the hub's start: kiosk-1 all of it, kiosk-2 none; the terminal all day from 10:00.
    expect(await page.getByTestId('booked').textContent()).toBe('2');
    expect(await page.getByTestId('checked-in').textContent()).toBe('1');
    expect(await page.getByTestId('appointment-no-shows').textContent()).toBe('0');
    expect(await page.getByTestId('kiosk-uptime').textContent()).toBe('50.0%');
    expect(await page.getByTestId('terminal-uptime').textContent()).toBe('100.0%');
    const summary = await pageTable(page, 'summary');
    const appointments = await pageTable(page, 'appointmentsByCategory');
    const uptime = await pageTable(page, 'uptime');
    expect(appointments.map((r) => r.slice(0, 5))).toEqual([
      ['A 综合受理（无差别）', '1', '0', '0', '1'],
      ['B 社会事务', '1', '0', '0', '0'],
    ]);
    expect(uptime.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['1号取号机', '5.5', '100'],
      ['2号取号机', '5.5', '0'],
      ['24小时自助终端', '14', '100'],
    ]);
    const byWindow = await pageTable(page, 'byWindow');
    expect(byWindow).toHaveLength(1);
    expect(byWindow[0]![0]).toContain('1号');

    const download = page.waitForEvent('download');
    await page.getByText('导出 Excel').click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheetRows = (name: string): string[][] => {
      const sheet = book.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const rows: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v)));
      });
      return rows;
    };
    expect(sheetRows('汇总')).toEqual(summary);
    expect(sheetRows('按窗口')).toEqual(byWindow);
    expect(sheetRows('按业务预约')).toEqual(appointments);
    expect(sheetRows('终端在线率')).toEqual(uptime);
    // The numbers themselves: 5 issued, 2 finished at window 1, 2 bookings, 1 check-in, the uptimes.
    const value = (metric: string): string | undefined => sheetRows('汇总').find((r) => r[0]!.startsWith(metric))?.[1];
    expect(value('取号量')).toBe('5');
    expect(value('预约 Bookings made')).toBe('2');
    expect(value('预约签到')).toBe('1');
    expect(value('取号机在线率')).toBe('50');
    expect(value('24小时自助终端在线率')).toBe('100');
    await page.context().close();
  });
});
