// The window-top display in real Chromium against a real hub, at every common display size, with a
// 4-digit number (numbers grow past 999: J1000) called at window 11: every element's box inside the
// screen, no text overflowing or cut from its box, the three parts side by side without overlap, and
// "11 号窗口" on one line; with a notice for every window at its foot, and window 12's long name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { seedAllDayHall } from '../helpers/hub-process.js';
import { cmdId, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import { DISPLAY_SIZES, layoutFaults, oneLine } from './display-layout.js';

let t: TestHub;
let browser: Browser;
let dataDir: string;

/** Issues `n` tickets of a category at once (demo kiosks are not rate-limited); returns their numbers. */
async function issueMany(kiosk: Client, categoryId: string, n: number): Promise<string[]> {
  const acks = await Promise.all(Array.from({ length: n }, () => kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId })));
  return acks.map((a) => (a.ok ? a.data.ticket.number : a.error.messageEn));
}

beforeAll(async () => {
  // Round-the-clock hours: a thousand waiting would otherwise be more than the day can serve, and the
  // hall stops issuing (今日号已取完) long before J1000.
  dataDir = await tempDir();
  await seedAllDayHall(dataDir);
  t = await startTestHub({ dataDir });
  browser = await launchBrowser();
  const kiosk = await t.connect('demo-kiosk-1');
  expect(await issueMany(kiosk, 'utilities', 1000)).toContain('J1000');
  const window11 = await t.connect('demo-window-11');
  await window11.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w11', staffNumber: '1101', pin: '123456' });
  const called = await window11.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w11', number: 'J1000' });
  expect(called.ok).toBe(true);
  const console1 = await t.connect('demo-console-1');
  const notice = await console1.emitWithAck('notice:post', { cmdId: cmdId(), windowId: null, text: '今日 16:00 起系统升级，暂停办理不动产登记业务', endsAt: t.clock.now() + 3600_000 });
  expect(notice.ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function openDisplay(nn: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await openScreen(browser, `${t.hub.url}/kiosk/display.html?token=demo-display-${nn}`, viewport);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator('[data-live="true"]').waitFor();
  return page;
}

describe('window-top display layout', () => {
  for (const size of DISPLAY_SIZES) {
    it(`fits ${size.width}×${size.height} with J1000 called at window 11`, async () => {
      const page = await openDisplay('11', size);
      await page.locator('.ticket', { hasText: 'J1000' }).waitFor();
      await page.getByText('徐磊').waitFor();
      await page.locator('.notice').waitFor();
      expect(await layoutFaults(page)).toEqual([]);
      expect(await oneLine(page, '.n .zh')).toBe(true);
      expect(await page.locator('.n .zh').innerText()).toBe('11 号窗口');
      await page.context().close();
    });

    it(`fits ${size.width}×${size.height} with window 12's long name`, async () => {
      const page = await openDisplay('12', size);
      await page.getByText('跨域通办窗口（全省通办·跨省通办）').waitFor();
      await page.locator('.notice').waitFor();
      expect(await layoutFaults(page)).toEqual([]);
      expect(await oneLine(page, '.n .zh')).toBe(true);
      await page.context().close();
    });
  }
});
