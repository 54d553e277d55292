// Window caller: a staff member mid-morning — one citizen served, one on hold, one being served,
// the queue in call order and today's own figures; 办结 with a 办件编号 and the 事项; a bad-rating case about an earlier visit; the
// transfer dialog, and its warning for a window nobody works; and the counter services: 代取号, 预约签到
// (a citizen booked on the console's behalf), and 补打号票 after a kiosk printer ran out of paper
// (the project's virtual printer on a loopback TCP port). The caller once more on a 1366×768 screen.
import { slotAt } from '../appointments/rest.js';
import { cmdId } from '../helpers/test-hub.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { printer } from '../printing/helpers/printing-hub.js';
import { printerOnTcp } from '../printing/helpers/virtual-printers.js';
import type { ShotContext } from './shot.js';

/** A common office PC screen, the smallest the caller is laid out for. */
const SMALL = { width: 1366, height: 768 };

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  for (const [categoryId, priority] of [['general', 'normal'], ['general', 'normal'], ['general', 'normal'], ['one-thing', 'normal'], ['general', 'green'], ['general', 'normal'], ['cross-region', 'normal']] as const) {
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId, priority });
    hub.clock.advance(90_000);
  }
  const page = await openScreen(browser, `${hub.hub.url}/window/?token=demo-window-01`, LANDSCAPE);
  await page.getByLabel('工号').fill('0101');
  await page.getByLabel('密码').fill('123456');
  await page.keyboard.press('Enter');
  await page.locator('[data-action=callNext]:not([disabled])').waitFor();
  const current = page.locator('.current .number');
  const step = async (key: string, then: () => Promise<unknown>) => {
    await page.keyboard.press(key);
    await then();
  };
  await step('F1', () => current.waitFor());
  await step('F3', () => page.locator('.state.serving').waitFor());
  await step('F10', () => page.getByRole('dialog').waitFor());
  await step('Enter', () => page.getByText('挂起（1）').waitFor());
  await step('F1', () => current.waitFor());
  await step('F3', () => page.locator('.state.serving').waitFor());
  hub.clock.advance(7 * 60_000);
  const finishedNumber = (await current.innerText()).trim();
  // 办结 with the 受理通知书's 办件编号 (as a scanner types it: Enter fills and moves on) and the 事项.
  await page.keyboard.press('F4');
  await page.keyboard.press('1');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('办件编号').focus();
  await page.keyboard.type('SL20261123-0042');
  await page.keyboard.press('Enter');
  await dialog.getByLabel('办理事项').selectOption({ label: '户口迁移' });
  await capture(page, 'window-caller-finish');
  await dialog.getByRole('button', { name: /确定/ }).click();
  await page.getByText('当前没有呼叫中的号').waitFor();
  // …and a moment later, the 办件编号 the business system gave after all (补录).
  await page.locator('[data-action=linkCase]').click();
  await page.keyboard.type('SL20261123-0042A');
  await capture(page, 'window-caller-link-case');
  await page.keyboard.press('Escape');
  await step('F1', () => current.waitFor());
  await step('F3', () => page.locator('.state.serving').waitFor());
  await page.locator('[data-figure=served]', { hasText: '1' }).waitFor();
  // The visit finished earlier is rated 不满意 on the pad: a case opens, and the caller shows it.
  const pad = await hub.connect('demo-pad-01');
  const finished = await kiosk.emitWithAck('ticket:lookup', { number: finishedNumber });
  if (!finished.ok) throw new Error(finished.error.messageEn);
  const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: finished.data.id, level: 'dissatisfied', reasons: ['服务态度'] });
  if (!rated.ok) throw new Error(rated.error.messageEn);
  await page.locator('[data-cases-badge]').waitFor();
  await page.locator('[data-waiting] li').first().waitFor();
  await capture(page, 'window-caller');

  await page.keyboard.press('F9');
  await page.getByRole('dialog').waitFor();
  await page.getByLabel('转到业务').selectOption('property');
  await page.getByLabel('转移原因').fill('涉及不动产登记，转房产窗口办理');
  await capture(page, 'window-caller-transfer');
  // Window 2 has nobody signed in: marked in the list, and a warning before the ticket goes there.
  await page.getByLabel('转到窗口').selectOption('w02');
  await page.keyboard.press('Enter');
  await page.getByText('2 号窗口 现在未开放').waitFor();
  await capture(page, 'window-caller-transfer-closed');
  await page.keyboard.press('Escape');

  // 代取号 for an elderly walk-in: the service, the green channel, then the number.
  await page.locator('[data-action=issue]').click();
  await page.keyboard.press('1');
  await page.getByLabel(/绿色通道/).check();
  await capture(page, 'window-caller-issue');
  await page.keyboard.press('Enter');
  await page.locator('[data-issued]').waitFor();
  await capture(page, 'window-caller-issued');
  await page.keyboard.press('Escape');

  // 预约签到: booked for 11:00 as the console books, checked in at 10:45 with the code typed.
  const console_ = await hub.connect('demo-console-1');
  const slot = await slotAt(hub, 'general', '2026-11-23', '11:00');
  const booked = await console_.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'general', slotStart: slot.start, name: '李建国', phone: '13912345678' });
  if (!booked.ok) throw new Error(booked.error.messageEn);
  hub.clock.advance(slot.start - 15 * 60_000 - hub.clock.now());
  await page.locator('[data-action=checkIn]').click();
  await page.keyboard.type(booked.data.code);
  await capture(page, 'window-caller-checkin');
  await page.keyboard.press('Enter');
  await page.locator('[data-issued]').waitFor();
  await capture(page, 'window-caller-checked-in');
  await page.keyboard.press('Escape');

  // 补打号票: kiosk 1's printer ran out of paper; two citizens took e-tickets; paper is back.
  const wired = await printerOnTcp();
  try {
    wired.vp.state = 'paper-out';
    await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: { ...printer('p-kiosk-1', 'kiosk-1', { kind: 'tcp', host: '127.0.0.1', port: wired.port }), name: '1号取号机打印机' } });
    for (const categoryId of ['general', 'social']) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
    await page.locator('[data-action=reprint] .count', { hasText: '2' }).waitFor();
    await capture(page, 'window-caller-desk');
    await page.locator('[data-action=reprint]').click();
    await page.locator('li[data-ticket=B001]').waitFor();
    await capture(page, 'window-caller-reprint');
    wired.vp.state = 'ready';
    await page.locator('li[data-ticket=A008]').getByRole('button', { name: '补打' }).click();
    await page.getByText('A008 已补打').waitFor();
    await page.locator('li[data-ticket=A008]').waitFor({ state: 'detached' });
    await capture(page, 'window-caller-reprinted');
    await page.keyboard.press('Escape');
  } finally {
    await wired.close();
  }
  await page.context().close();

  const small = await openScreen(browser, `${hub.hub.url}/window/?token=demo-window-01`, SMALL);
  await small.locator('.current .number').waitFor();
  await small.locator('[data-cases-badge]').waitFor();
  await small.locator('[data-waiting] li').first().waitFor();
  await capture(small, 'window-caller-1366');
  await small.keyboard.press('F9');
  await small.getByLabel('转到窗口').selectOption('w02');
  await small.getByLabel('转移原因').fill('需专窗办理');
  await small.keyboard.press('Enter');
  await small.getByText('2 号窗口 现在未开放').waitFor();
  await capture(small, 'window-caller-transfer-closed-1366');
  await small.keyboard.press('Escape');
  await small.locator('[data-action=reprint]').click();
  await small.getByText('今日未打印的号票').waitFor();
  await capture(small, 'window-caller-reprint-1366');
  await small.context().close();
}
