// The launcher's local fallback page in real Chromium: a bilingual notice that keeps retrying
// while the hub is unreachable, and the screen itself as soon as a real hub answers.
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { DEPLOY } from './run-script.js';

const FALLBACK = `file://${DEPLOY}/launchers/fallback.html`;
let browser: Browser;
let hub: TestHub;

beforeAll(async () => {
  [browser, hub] = await Promise.all([launchBrowser(), startTestHub()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('fallback.html', () => {
  it('says in Chinese and English that it is connecting, and keeps trying while the hub is down', async () => {
    const page = await browser.newPage();
    await page.goto(`${FALLBACK}#http://127.0.0.1:${await closedPort()}/kiosk/?token=demo-kiosk-1`);
    await expect.poll(() => page.locator('#detail').textContent(), { timeout: 15_000 }).toMatch(/第 2 次尝试 \/ attempt 2/);
    expect(await page.locator('body').innerText()).toMatch(/正在连接叫号服务器[\s\S]*Connecting to the hall server/);
    expect(page.url()).toMatch(/^file:/);
    await page.close();
  });

  it('opens the screen once the hub answers', async () => {
    const page = await browser.newPage();
    const target = `${hub.hub.url}/kiosk/?token=demo-kiosk-1`;
    await page.goto(`${FALLBACK}#${target}`);
    // The fallback's job ends when it navigates to the screen (the screen then takes its token out of
    // the address bar, so the address is matched up to it; the screen's own load is other tests').
    await page.waitForURL((url) => url.href.startsWith(`${hub.hub.url}/kiosk/`), { timeout: 15_000, waitUntil: 'commit' });
    await page.close();
  });

  it('explains a launch without a hub address instead of retrying nothing', async () => {
    const page = await browser.newPage();
    await page.goto(FALLBACK);
    expect(await page.locator('body').innerText()).toMatch(/缺少服务器地址[\s\S]*no server address/);
    await page.close();
  });
});
