// The kiosk's 办事指南 follows the hall's catalogue live: the kiosk keeps the catalogue it fetched, and
// an item added at the console shows the next time the guide opens (kiosk:catalogueChanged), no restart.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { launchBrowser, PORTRAIT } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { openKiosk, tap } from '../kiosk/helpers/screens.js';

let browser: Browser;
let t: TestHub;
beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the kiosk guide', () => {
  it('shows an item added to the catalogue the next time it opens', async () => {
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-2', PORTRAIT);
    const search = async (letters: string): Promise<number> => {
      await tap(kiosk, '办事指南');
      await kiosk.locator('.letters').waitFor();
      for (const letter of letters) await kiosk.locator('.letters button', { hasText: new RegExp(`^${letter}$`) }).tap();
      await kiosk.waitForTimeout(300);
      const found = await kiosk.getByText('电动自行车登记').count();
      await tap(kiosk, '返回');
      return found;
    };
    expect(await search('DDZXC')).toBe(0);

    const session = await fetch(`${t.hub.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceToken: 'demo-console-1', staffNumber: '0002', password: DEMO_PASSWORD }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const added = await fetch(`${t.hub.url}/api/catalogue/items`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'E-BIKE-01', name: '电动自行车登记', department: '区公安分局（交警）', categoryId: 'general' }),
    });
    expect(added.status).toBe(200);
    await expect.poll(() => search('DDZXC'), { timeout: 5000 }).toBe(1);
    await kiosk.context().close();
  });
});
