// In real Chromium (issue #24): the check-in time the phone booking page promises is the time the kiosk
// takes the check-in, for the first slot of the morning (09:00) and the first after lunch (13:30) in
// the demo hall (09:00–12:00, 13:30–17:00). The hub's clock is set to each promised minute.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, launchBrowser, openScreen } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;
/** Monday 2026-11-23 08:00 in Asia/Shanghai, before the hall opens. */
const MONDAY_8AM = Date.parse('2026-11-23T00:00:00Z');
const at = (clock: string): number => Date.parse(`2026-11-23T${clock}:00+08:00`);

let t: TestHub;
let browser: Browser;
beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub({ start: MONDAY_8AM }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Books `slot` today on the phone page; returns the code and the check-in window the page promises. */
async function book(slot: string, phone: string): Promise<{ code: string; from: string; until: string }> {
  const page = await openScreen(browser, `${t.hub.url}/kiosk/book.html`, PHONE, { hasTouch: true, isMobile: true });
  await page.locator('[data-service="general"]').tap();
  await page.locator('[data-day="2026-11-23"]').tap();
  await page.locator(`[data-slot="${slot}"]`).tap();
  await page.getByPlaceholder('预约人姓名').fill('王小明');
  await page.getByPlaceholder('11位手机号').fill(phone);
  await page.getByRole('button', { name: '提交预约' }).tap();
  await page.getByText('预约成功').waitFor();
  const code = (await page.locator('[data-code]').getAttribute('data-code')) ?? '';
  const promise = await page.locator('[data-check-in]').innerText();
  await page.context().close();
  const [, from = '', until = ''] = /(\d\d:\d\d) – (\d\d:\d\d)/.exec(promise) ?? [];
  return { code, from, until };
}

/** Types the code on the kiosk's check-in keypad and presses 签到取号. */
async function checkIn(kiosk: Page, code: string): Promise<void> {
  await kiosk.getByText('预约签到').first().tap();
  await kiosk.getByText('请输入 6 位预约码').waitFor();
  for (const digit of code) await kiosk.getByRole('button', { name: digit, exact: true }).tap();
  await kiosk.getByRole('button', { name: '签到取号' }).tap();
}

describe('check-in times (issue #24)', () => {
  it('the kiosk takes the check-in from the minute the booking page promised: 09:00 and 13:30 slots', async () => {
    const morning = await book('09:00', '13812345678');
    const afternoon = await book('13:30', '13912345678');
    // Inside the hours that hold each slot: not 08:30 or 13:00, which the hall cannot take.
    expect(morning).toMatchObject({ from: '09:00', until: '09:15' });
    expect(afternoon).toMatchObject({ from: '13:30', until: '13:45' });

    for (const [booking, number] of [
      [morning, 'A001'],
      [afternoon, 'A002'],
    ] as const) {
      // A minute before: refused, naming the same minute the page promised.
      t.clock.advance(at(booking.from) - MINUTE - t.clock.now());
      const early = await openScreen(browser, `${t.hub.url}/kiosk/?token=demo-kiosk-1`, LANDSCAPE, { hasTouch: true });
      await checkIn(early, booking.code);
      await early.getByText(`签到时间未到，请于 ${booking.from} 后签到`).waitFor();
      await early.context().close();

      // At the promised minute: checked in, with the appointment's ticket.
      t.clock.advance(at(booking.from) - t.clock.now());
      const kiosk = await openScreen(browser, `${t.hub.url}/kiosk/?token=demo-kiosk-1`, LANDSCAPE, { hasTouch: true });
      await checkIn(kiosk, booking.code);
      await kiosk.locator('.number').getByText(number).waitFor();
      await kiosk.context().close();
    }
  });
});
