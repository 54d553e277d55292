// Kiosk screens, each in landscape, portrait and at 1366×768: take-a-number (home in Chinese and
// English, with a category full for the day, help called, ticket type with the optional number,
// keypad, ticket, offline), the guide, check-in, rating, the suggestion box, the assisted mode; a
// 24-hour terminal and a hall kiosk at night; the guide terminal (an item with its take-a-number
// button, a revoked terminal's pairing code), the phone pages, and the console's kiosk and suggestion pages.
import type { Page } from 'playwright-core';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { openKiosk, ORIENTATIONS, PHONE, SUNDAY_NIGHT, tap } from '../kiosk/helpers/screens.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  // A few people already waiting, so the tiles and tickets show real numbers.
  const kiosk = await hub.connect('demo-kiosk-2');
  for (const categoryId of ['general', 'general', 'social', 'insurance', 'insurance', 'insurance', 'tax']) {
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
  }
  // 跨域通办 has taken its 50 for the day: its card says 今日已满 and when to come back.
  for (let i = 0; i < 50; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'cross-region' });
  await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'complaint', topics: ['waiting'], windowNumber: 5, phone: '13812345678' });
  await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'praise', topics: ['staff', 'efficiency'] });
  // A001 served and finished at window 1 without a rating, to be rated later at the kiosk.
  const window1 = await hub.connect('demo-window-01');
  await window1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
  await window1.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w01', number: 'A001' });
  await window1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' });
  hub.clock.advance(7 * 60_000); // a visit of seven minutes, so the estimates have a service time to go by
  await window1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' });

  for (const [orientation, viewport] of ORIENTATIONS) {
    const shot = (page: Page, name: string): Promise<void> => capture(page, `kiosk-${name}-${orientation}`);
    const page = await openKiosk(browser, hub, '', 'demo-kiosk-1', viewport, { hubTime: true });
    await page.getByText('综合受理').first().waitFor();
    await shot(page, 'home');
    await tap(page, 'English');
    await page.getByText('Please choose a service').waitFor();
    await shot(page, 'home-en');
    await tap(page, '中文');
    await tap(page, '请工作人员帮助');
    await page.getByText('已通知工作人员，请在此稍候，工作人员马上过来').waitFor();
    await shot(page, 'help');
    await tap(page, '关闭');
    await tap(page, '社会事务');
    await page.getByText('普通取号').waitFor();
    await shot(page, 'choose');
    await tap(page, '输入身份证号');
    for (const key of '11010519491231002X') await page.locator('.keypad button', { hasText: new RegExp(`^${key}$`) }).tap();
    await shot(page, 'identity');
    await tap(page, '确定');
    await tap(page, '绿色通道');
    await page.getByText('您的号码', { exact: true }).waitFor();
    await shot(page, 'ticket');
    await tap(page, '完成');

    await tap(page, '办事指南');
    for (const letter of 'hkqy') await page.locator('.letters button', { hasText: new RegExp(`^${letter.toUpperCase()}$`) }).tap();
    await page.getByText('户口迁移', { exact: true }).waitFor();
    await shot(page, 'guide-search');
    await tap(page, '户口迁移');
    await page.getByText('受理条件').waitFor();
    await shot(page, 'guide-item');
    await tap(page, '返回');
    await tap(page, '一件事一次办');
    await tap(page, '新生儿出生一件事');
    await page.getByText(/可一次办理/).waitFor();
    await shot(page, 'guide-life-event');
    await tap(page, '返回');
    await tap(page, '返回');

    await tap(page, '预约签到');
    for (const key of '1234') await page.locator('.keypad button', { hasText: new RegExp(`^${key}$`) }).tap();
    await shot(page, 'checkin');
    await tap(page, '返回');

    await tap(page, '意见箱');
    await tap(page, '建议');
    await tap(page, '等候时间');
    await tap(page, '指引标识');
    await shot(page, 'suggest');
    await tap(page, '返回');
    await tap(page, '返回');

    await tap(page, '服务评价');
    await page.getByText('请输入号票上的号码', { exact: false }).waitFor();
    await shot(page, 'rate');
    await tap(page, 'A');
    for (const key of '001') await page.locator('.keypad button', { hasText: new RegExp(`^${key}$`) }).tap();
    await tap(page, '下一步');
    await page.getByText('请对本次服务作出评价').waitFor();
    await shot(page, 'rate-visit');
    await page.locator('[data-level="dissatisfied"]').tap();
    await tap(page, '办事效率');
    await shot(page, 'rate-reasons');
    await tap(page, '返回');
    await tap(page, '返回');

    await tap(page, '长者模式');
    await page.getByText('取号办事').waitFor();
    await shot(page, 'assisted-home');
    await tap(page, '取号办事');
    await page.getByText('其他业务').waitFor();
    await shot(page, 'assisted-services');
    await tap(page, '医保社保');
    await page.locator('.number').waitFor();
    await shot(page, 'assisted-ticket');
    await page.context().close();

    const guide = await openKiosk(browser, hub, 'guide.html', 'demo-kiosk-2', viewport);
    await guide.getByText('预约签到').waitFor();
    await shot(guide, 'guide-terminal');
    await guide.getByRole('button', { name: '办事指南' }).tap();
    for (const letter of 'HKQY') await guide.locator('.letters button', { hasText: new RegExp(`^${letter}$`) }).tap();
    await tap(guide, '户口迁移');
    await guide.getByText('取号办理').waitFor();
    await shot(guide, 'guide-terminal-item');
    await guide.context().close();
  }

  await nightShots(browser, capture);
  await offlineShots(browser, capture);
  await phoneShots(hub, browser, capture);

  const console_ = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/kiosks`, LANDSCAPE);
  await console_.locator('tr[data-kiosk="kiosk-1"]').waitFor();
  await capture(console_, 'console-kiosks');
  await console_.goto(`${hub.hub.url}/console/?token=demo-console-1#/suggestions`);
  await console_.locator('tr[data-suggestion]').first().waitFor();
  await capture(console_, 'console-suggestions');
  await console_.context().close();
  await revokedGuideShots(hub, browser, capture);
}

/** A 24-hour terminal and a hall kiosk on a Sunday night. */
async function nightShots(browser: ShotContext['browser'], capture: ShotContext['capture']): Promise<void> {
  const night = await startTestHub({ start: SUNDAY_NIGHT });
  try {
    for (const [orientation, viewport] of ORIENTATIONS) {
      const terminal = await openKiosk(browser, night, '', 'demo-terminal24-1', viewport, { hubTime: true });
      await terminal.getByText('现在是非工作时间，暂停现场取号').waitFor();
      await capture(terminal, `kiosk-self-service-${orientation}`);
      await terminal.context().close();

      const page = await openKiosk(browser, night, '', 'demo-kiosk-1', viewport, { hubTime: true });
      await page.getByText('现在不在取号时间').waitFor();
      await capture(page, `kiosk-closed-${orientation}`);
      await page.context().close();
    }
  } finally {
    await night.close();
  }
}

/** The kiosk with its hub gone: the notice in the page, every button still there. */
async function offlineShots(browser: ShotContext['browser'], capture: ShotContext['capture']): Promise<void> {
  for (const [orientation, viewport] of ORIENTATIONS) {
    const gone = await startTestHub();
    const page = await openKiosk(browser, gone, '', 'demo-kiosk-1', viewport);
    await page.getByText('综合受理').first().waitFor();
    await gone.close();
    await page.getByText('网络中断：暂时不能取号，正在重新连接…').waitFor({ timeout: 15_000 });
    await capture(page, `kiosk-offline-${orientation}`);
    await page.context().close();
  }
}

/** A guide terminal revoked on the console: its pairing code, to be paired again from the screen. */
async function revokedGuideShots(hub: TestHub, browser: ShotContext['browser'], capture: ShotContext['capture']): Promise<void> {
  const guide = await openKiosk(browser, hub, 'guide.html', 'demo-kiosk-2', LANDSCAPE);
  await guide.getByText('预约签到').waitFor();
  await (await hub.connect('demo-console-1')).emitWithAck('device:revoke', { cmdId: cmdId(), deviceId: 'kiosk-2' });
  await guide.locator('[data-pairing-code]').waitFor({ timeout: 15_000 });
  await capture(guide, 'kiosk-guide-revoked');
  await guide.context().close();
}

/** The ticket's phone page while waiting, when called and to rate the finished visit, and an item's guide on a phone. */
async function phoneShots(hub: TestHub, browser: ShotContext['browser'], capture: ShotContext['capture']): Promise<void> {
  const phone = await openScreen(browser, `${hub.hub.url}/kiosk/ticket.html?n=C003&d=2026-11-23`, PHONE, { hasTouch: true, isMobile: true });
  await phone.getByText(/前面还有/).waitFor();
  await capture(phone, 'kiosk-phone-waiting');
  const window = await hub.connect('demo-window-05');
  await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w05', staffNumber: '0501', pin: '123456' });
  await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w05', number: 'C003' });
  await phone.getByText('您的号码正在 5 号窗口 呼叫').waitFor({ timeout: 10_000 });
  await capture(phone, 'kiosk-phone-called');
  await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w05' });
  await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w05', outcome: 'done' });
  // The slip's own (signed) link: only it offers the rating.
  await phone.goto(hub.pageUrl('C003'));
  await phone.getByText('评价本次服务', { exact: true }).waitFor();
  await capture(phone, 'kiosk-phone-rate');
  await phone.locator('[data-level="very-dissatisfied"]').tap();
  await tap(phone, '材料要求不清');
  await capture(phone, 'kiosk-phone-rate-reasons');
  await phone.goto(`${hub.hub.url}/kiosk/guide.html?item=hukou-move`);
  await phone.getByText('受理条件').waitFor();
  await capture(phone, 'kiosk-phone-guide');
  await phone.context().close();
}
