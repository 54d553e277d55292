// In real Chromium: book on the phone page (mobile viewport), check in at the kiosk with the code
// on its keypad, and be called at a window before the walk-ins who came earlier.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

const PHONE = { width: 390, height: 844 };

let t: TestHub;
let browser: Browser;
beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('booking page → kiosk check-in → window', () => {
  it('books on a phone, checks in at the kiosk with the code, and is called first', async () => {
    const phone = await openScreen(browser, `${t.hub.url}/kiosk/book.html`, PHONE, { hasTouch: true, isMobile: true });
    await phone.locator('[data-service="general"]').tap();
    await phone.locator('[data-day="2026-11-23"]').tap();
    await phone.locator('[data-slot="11:00"]').tap();
    await phone.getByPlaceholder('预约人姓名').fill('王小明');
    await phone.getByPlaceholder('11位手机号').fill('13812345678');
    await phone.getByRole('button', { name: '提交预约' }).tap();
    await phone.getByText('预约成功').waitFor();
    const code = (await phone.locator('[data-code]').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(await phone.locator('figure.qr svg').count()).toBe(1);
    await expect.poll(() => phone.locator('.card').innerText()).toContain('王*明 · 138****5678');
    await phone.context().close();

    // Two walk-ins take numbers first; at 10:45 the appointment holder arrives.
    const kioskSocket = await t.connect('demo-kiosk-2');
    for (let i = 0; i < 2; i++) await kioskSocket.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    t.clock.advance(45 * 60_000);

    const kiosk = await openScreen(browser, `${t.hub.url}/kiosk/?token=demo-kiosk-1`, LANDSCAPE, { hasTouch: true });
    await kiosk.getByText('预约签到').first().tap();
    await kiosk.getByText('请输入 6 位预约码').waitFor();
    for (const digit of code) await kiosk.getByRole('button', { name: digit, exact: true }).tap();
    await kiosk.getByRole('button', { name: '签到取号' }).tap();
    await kiosk.locator('.number').getByText('A003').waitFor();
    await kiosk.context().close();

    const window = await t.connect('demo-window-01');
    expect(await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).toMatchObject({ ok: true });
    expect(await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' })).toMatchObject({
      ok: true,
      data: { ticket: { number: 'A003', priority: 'appointment', source: 'appointment' } },
    });
  });
});

describe('booking page touch targets (issue #24)', () => {
  /** Every visible button and field on the page, with its box, smaller than 44 × 44 px. */
  const small = (page: import('playwright-core').Page) =>
    page.locator('button:visible, input:visible, a:visible').evaluateAll((els) =>
      els
        .map((el) => ({ text: (el.textContent ?? '').trim() || el.getAttribute('placeholder') || el.tagName, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );

  it('has no control under 44 px on a 390 × 844 phone, English and 重选 included, in either language', async () => {
    const phone = await openScreen(browser, `${t.hub.url}/kiosk/book.html`, PHONE, { hasTouch: true, isMobile: true });
    await phone.locator('[data-service="general"]').waitFor();
    expect(await small(phone)).toEqual([]);
    await phone.locator('[data-service="general"]').tap();
    await phone.locator('[data-day="2026-11-23"]').tap();
    await phone.locator('[data-slot="11:30"]').tap();
    await phone.getByPlaceholder('预约人姓名').waitFor();
    expect(await small(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'English' }).tap();
    await phone.getByRole('button', { name: 'Change', exact: true }).waitFor();
    expect(await small(phone)).toEqual([]);
    await phone.getByRole('tab').nth(1).tap();
    expect(await small(phone)).toEqual([]);
    await phone.context().close();
  });
});
