// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for screen tests and screenshots.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run on a machine with no network but loopback. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

/** Opens a screen page and waits until it shows live data (its root has data-live="true") or a timeout. */
export async function openScreen(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = LANDSCAPE,
  /** `prepare` runs before the page opens: a clock the test moves on, routes that serve test files. */
  options: { hasTouch?: boolean; isMobile?: boolean; prepare?: (context: BrowserContext) => Promise<unknown> } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: options.hasTouch ?? true, isMobile: options.isMobile, locale: 'zh-CN' });
  await options.prepare?.(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${url}: ${err.message}`));
  await page.goto(url);
  return page;
}
