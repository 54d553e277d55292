// The managers' live board in real Chromium: the tidal suggestion is accepted with one click, and the
// tidal window's next call comes from the long queue; an alert is acknowledged with one click.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestHub();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signIn(nn: string): Promise<Client> {
  const client = await t.connect(`demo-window-${nn}`);
  expect(await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' })).toMatchObject({ ok: true });
  return client;
}

describe('live board page', () => {
  it('accepts the tidal suggestion in one click and acknowledges an alert', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    await signIn('08');
    const tidal = await signIn('15');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    for (let i = 0; i < 8; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });
    t.clock.advance(31 * 60_000);

    const page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/live`, { ...LANDSCAPE, height: 1400 });
    const suggestion = page.locator('.suggestion', { hasText: '建议将 15 号潮汐窗口切换到该业务' });
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain('F 税务预计等候 48 分钟');
    await suggestion.getByRole('button', { name: '一键切换' }).click();
    await suggestion.waitFor({ state: 'detached' });
    await page.getByText('15 号窗口现办理： F 税务').waitFor();
    expect(await tidal.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w15' })).toMatchObject({ ok: true, data: { ticket: { number: 'F001' } } });

    const alert = page.locator('li[data-kind="long-wait"]', { hasText: 'A001' });
    await alert.getByRole('button', { name: '确认' }).click();
    await alert.getByText(/^演示管理员 \/ demo manager 已确认 \d\d:\d\d$/).waitFor();
    await page.context().close();
  });
});
