// Appointments: the citizen's phone booking page (choose, fill in, the code and QR, my booking, the
// check-in time of a slot after lunch), the console's day of appointments with staff booking,
// check-in and the notices sent; and the kiosk's assisted mode taking a number (services marked 优先,
// the question before a standard ticket), portrait and landscape.
import { LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import type { ShotContext } from './shot.js';

const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  // A morning's bookings: staff book some for citizens, one checks in, one cancels.
  const console = await hub.connect('demo-console-1');
  const today = await console.emitWithAck('appointment:day', { cmdId: cmdId() });
  if (!today.ok) throw new Error(today.error.messageEn);
  const codes: string[] = [];
  let phone = 0;
  for (const c of today.data.categories.filter((x) => ['general', 'social', 'business', 'property'].includes(x.categoryId))) {
    for (const slot of c.slots.filter((s) => s.open).slice(0, 3)) {
      for (let i = 0; i < (c.categoryId === 'general' ? 3 : 1); i++) {
        const ack = await console.emitWithAck('appointment:book', {
          cmdId: cmdId(),
          categoryId: c.categoryId,
          slotStart: slot.start,
          name: ['李建国', '王秀英', '张伟', '刘洋', '陈静'][phone % 5]!,
          phone: `1391234${String(++phone).padStart(4, '0')}`,
        });
        if (ack.ok) codes.push(ack.data.code);
      }
    }
  }
  hub.clock.advance(35 * MINUTE);
  await console.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: codes[0]! });
  await console.emitWithAck('appointment:cancel', { cmdId: cmdId(), code: codes[1]! });

  const page = await openScreen(browser, `${hub.hub.url}/kiosk/book.html`, PHONE, { hasTouch: true, isMobile: true });
  await page.locator('[data-service="general"]').waitFor();
  await capture(page, 'book-phone-services');
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByText('Book an appointment').first().waitFor();
  await capture(page, 'book-phone-services-en');
  await page.getByRole('button', { name: '中文' }).tap();

  await page.locator('[data-service="property"]').tap();
  await page.locator('[data-day="2026-11-28"]').tap();
  await page.locator('[data-slot="10:00"]').tap();
  await page.getByPlaceholder('预约人姓名').fill('王小明');
  await page.getByPlaceholder('11位手机号').fill('13812345678');
  await page.waitForTimeout(400); // the form scrolls into view
  await capture(page, 'book-phone-details');
  await page.getByRole('button', { name: '提交预约' }).tap();
  await page.getByText('预约成功').waitFor();
  await capture(page, 'book-phone-booked');
  await page.getByRole('button', { name: '管理预约' }).tap();
  await page.getByRole('button', { name: '改约' }).tap();
  await page.locator('[data-day="2026-11-29"]').tap();
  await page.locator('[data-slot="14:00"]').tap();
  await page.waitForTimeout(400);
  await capture(page, 'book-phone-change');
  await page.context().close();

  // The first slot after lunch: check-in from 13:30, when the hall takes it (not 13:00).
  const afternoon = await openScreen(browser, `${hub.hub.url}/kiosk/book.html`, PHONE, { hasTouch: true, isMobile: true });
  await afternoon.locator('[data-service="general"]').tap();
  await afternoon.locator('[data-day="2026-11-23"]').tap();
  await afternoon.locator('[data-slot="13:30"]').tap();
  await afternoon.getByPlaceholder('预约人姓名').fill('赵丽');
  await afternoon.getByPlaceholder('11位手机号').fill('13712345678');
  await afternoon.getByRole('button', { name: '提交预约' }).tap();
  await afternoon.getByText('预约成功').waitFor();
  await afternoon.locator('[data-check-in]').scrollIntoViewIfNeeded();
  await capture(afternoon, 'book-phone-check-in-after-lunch');
  await afternoon.context().close();

  for (const [size, viewport] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    const kiosk = await openScreen(browser, `${hub.hub.url}/kiosk/?token=demo-kiosk-1`, viewport);
    await kiosk.getByText('长者模式').first().tap();
    await kiosk.getByText('取号办事').tap();
    await kiosk.getByText('其他业务').tap();
    await kiosk.locator('[data-category="business"]').waitFor();
    await capture(kiosk, `assisted-services-priority-${size}`);
    await kiosk.locator('[data-category="business"]').tap();
    await kiosk.getByRole('button', { name: '取普通号' }).waitFor();
    await capture(kiosk, `assisted-standard-ask-${size}`);
    await kiosk.getByRole('button', { name: '取普通号' }).tap();
    await kiosk.locator('.number').waitFor();
    await capture(kiosk, `assisted-standard-ticket-${size}`);
    await kiosk.context().close();
  }

  const consolePage = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/appointments`, { ...LANDSCAPE, height: 1500 });
  await consolePage.locator('[data-category="general"]').waitFor();
  await consolePage.locator('[data-notice="confirmed"]').first().waitFor();
  await capture(consolePage, 'console-appointments');
  await consolePage.context().close();
}
