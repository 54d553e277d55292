// In real Chromium (issue #24): every screen names its icon and the hub serves it, so no screen's
// network log holds a 404. Headless Chromium asks for no icon by itself, so the test fetches the one
// each page names; a desktop browser asks a page without <link rel="icon"> (the demo list at /, the
// 404 page) for /favicon.ico, which the hub serves too.
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
let browser: Browser;
beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const SCREENS = [
  '/kiosk/?token=demo-kiosk-1',
  '/kiosk/board.html?token=demo-board-1',
  '/kiosk/display.html?token=demo-display-01',
  '/kiosk/guide.html',
  '/kiosk/book.html',
  '/window/?token=demo-window-01',
  '/window/pad.html?token=demo-pad-01',
  '/console/',
];

/** Opens a screen and gives every response of 400 and over, and the statuses of the icons it names. */
async function iconCheck(url: string, viewport?: { width: number; height: number }, isMobile?: boolean): Promise<{ failed: string[]; served: number[] }> {
  const failed: string[] = [];
  const page = await openScreen(browser, url, viewport, {
    isMobile,
    prepare: async (context) => context.on('response', (r: Response) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`))),
  });
  await page.waitForLoadState('load');
  // The browser asks for the icon after the page loads; give it that moment.
  await page.waitForTimeout(300);
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  const served = await Promise.all(icons.map((href) => page.evaluate(async (h) => (await fetch(h)).status, href)));
  await page.context().close();
  return { failed, served };
}

describe('favicon (issue #24)', () => {
  it.each(SCREENS)('%s names an icon the hub serves, and asks for nothing that is missing', async (screen) => {
    expect(await iconCheck(`${t.hub.url}${screen}`)).toEqual({ failed: [], served: [200] });
  });

  it('the phone ticket page too', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: 'favicon-1', categoryId: 'general' });
    const number = issued.ok ? issued.data.ticket.number : '';
    expect(await iconCheck(t.pageUrl(number), { width: 390, height: 844 }, true)).toEqual({ failed: [], served: [200] });
  });

  it('/favicon.ico, for pages that name no icon', async () => {
    const res = await fetch(`${t.hub.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toMatch(/<svg/);
  });
});
