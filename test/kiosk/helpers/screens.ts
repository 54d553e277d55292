// Helpers for the kiosk screens in real Chromium: open a screen as a touch device, tap by text.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LANDSCAPE, openScreen, PORTRAIT } from '../../helpers/browser.js';
import type { TestHub } from '../../helpers/test-hub.js';

export const ORIENTATIONS = [
  ['landscape', LANDSCAPE],
  ['portrait', PORTRAIT],
  // The smallest kiosk screen halls run (issue #24).
  ['small', { width: 1366, height: 768 }],
] as const;

/** A phone on the hall's Wi-Fi. */
export const PHONE = { width: 390, height: 844 };

/** Sunday 2026-11-22 22:00 hall time: the hall and its weekend service are closed. */
export const SUNDAY_NIGHT = Date.parse('2026-11-22T14:00:00Z');

/**
 * Opens a kiosk screen as a touch device and waits for its live data. `hubTime`: the screen's clock
 * shows the hub's (the test's) time, held still, so "today" and "tomorrow" are the hub's days.
 */
export async function openKiosk(
  browser: Browser,
  t: TestHub,
  page: string,
  token: string,
  viewport: { width: number; height: number },
  { hubTime = false }: { hubTime?: boolean } = {},
): Promise<Page> {
  const prepare = hubTime ? (context: BrowserContext) => context.clock.setFixedTime(t.clock.now()) : undefined;
  const p = await openScreen(browser, `${t.hub.url}/kiosk/${page}?token=${token}`, viewport, { hasTouch: true, prepare });
  await p.locator('main').first().waitFor();
  return p;
}

/** Taps the (first) element showing exactly `text`, as a finger would. */
export async function tap(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text, { exact: typeof text === 'string' }).first().tap();
}
