// The console's report page in real Chromium: the figures it shows, and an XLSX export read back
// with the spreadsheet library holding the same numbers.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  const kiosk = await t.connect('demo-kiosk-1');
  const w1 = await t.connect('demo-window-01');
  expect((await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).ok).toBe(true);
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
  // Closed, the window's open time (and so its utilisation) stops growing while page and export are compared.
  expect((await w1.emitWithAck('staff:signOut', { cmdId: cmdId(), windowId: 'w01' })).ok).toBe(true);
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
  it('shows today’s figures and exports the same numbers to XLSX', async () => {
    const page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/reports`);
    await page.getByTestId('issued').waitFor();
    expect(await page.getByTestId('issued').textContent()).toBe('4');
    const summary = await pageTable(page, 'summary');
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
    // The numbers themselves: 4 issued, 2 finished at window 1, each waited and served by the script.
    const issued = sheetRows('汇总').find((r) => r[0]!.startsWith('取号量'));
    expect(issued?.[1]).toBe('4');
    await page.context().close();
  });
});
