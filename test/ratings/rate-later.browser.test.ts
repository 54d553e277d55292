// Rating a visit later in real Chromium, by touch, against a real hub: at the kiosk's 服务评价 by
// the number on the slip (a bad rating with reasons and a phone number typed on the screen's keypad),
// and on the ticket's phone page opened from the slip's QR address.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { openKiosk, PHONE, tap } from '../kiosk/helpers/screens.js';
import { ratingOf, serveOne } from './serve.js';

let t: TestHub;
let browser: Browser;
let kiosk: Client;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  kiosk = await t.connect('demo-kiosk-2');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('rating a visit later', () => {
  it('at the kiosk: by the number on the slip, with reasons and a phone number for the follow-up', async () => {
    const window6 = await t.connect('demo-window-06');
    const { ticket } = await serveOne(kiosk, window6, '06', 'business');
    const page = await openKiosk(browser, t, '', 'demo-kiosk-1', LANDSCAPE);
    await tap(page, '服务评价');
    await tap(page, ticket.number[0]!);
    for (const digit of ticket.number.slice(1)) await page.locator('.keypad button', { hasText: new RegExp(`^${digit}$`) }).tap();
    await tap(page, '下一步');
    await page.getByText('6 号窗口', { exact: false }).waitFor();
    expect(await page.getByText(/工号 0601/).isVisible()).toBe(true);

    await page.locator('[data-level="dissatisfied"]').tap();
    await page.getByText('请告诉我们哪里做得不好', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '提交评价' }).isDisabled()).toBe(true);
    await tap(page, '服务态度');
    await tap(page, '联系电话（选填，便于回访）');
    for (const digit of '13812345678') await page.locator('.keypad button', { hasText: new RegExp(`^${digit}$`) }).tap();
    await tap(page, '确定');
    await page.getByText('已登记：138****5678').waitFor();
    await tap(page, '提交评价');
    await page.getByText('感谢您的评价！').waitFor();

    expect(await ratingOf(t.hub.url, ticket.number)).toMatchObject({
      channel: 'kiosk',
      level: 'dissatisfied',
      reasons: ['服务态度'],
      windowId: 'w06',
      contact: { kind: 'phone', masked: '138****5678' },
    });
    await page.context().close();
  });

  it('on the phone page from the slip’s QR address, once the visit is finished', async () => {
    const window7 = await t.connect('demo-window-07');
    const issued = await serveOne(kiosk, window7, '07', 'property');
    const phone = await openScreen(browser, issued.print!.pageUrl.replace(/^http:\/\/[^/]+/, t.hub.url), PHONE, { hasTouch: true });
    await phone.getByText('评价本次服务', { exact: true }).waitFor();
    await phone.locator('[data-level="very-satisfied"]').tap();
    await phone.getByText('感谢您的评价！').waitFor();
    expect(await ratingOf(t.hub.url, issued.ticket.number)).toMatchObject({ channel: 'phone', level: 'very-satisfied', code: 5 });

    await phone.reload();
    await phone.getByText('这次办事已评价：非常满意').waitFor();
    await phone.context().close();
  });

  it('offers no rating on a page opened without the slip’s signed link', async () => {
    const window8 = await t.connect('demo-window-08');
    const { ticket } = await serveOne(kiosk, window8, '08', 'tax');
    const phone = await openScreen(browser, `${t.hub.url}/t/${ticket.number}?d=2026-11-23`, PHONE, { hasTouch: true });
    await phone.getByText('已办结，感谢您的耐心').waitFor();
    expect(await phone.getByText('评价本次服务').count()).toBe(0);
    await phone.context().close();
  });
});
