// The window caller's counter services in real Chromium against a real hub, on a 1366×768 office
// screen: 代取号 for a walk-in (the hub records it as staff-issued, green channel where the service has
// one); 预约签到 by code from the on-screen pad and the keyboard (priority ticket; a late arrival gets a
// standard one once the citizen agrees; an unknown code is said so); and 补打号票 once a kiosk printer
// that ran out of paper has paper again, by its row or by a number typed in, on a printer staff choose
// for a ticket that has none (a virtual printer at the far end of a socat PTY).
import type { TicketView } from '@yichuang/shared/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slotAt } from '../appointments/rest.js';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { printerIs } from '../printing/helpers/printing-hub.js';
import { serialPrinterHub } from '../printing/helpers/serial-hub.js';

/** The smallest screen the caller is laid out for. */
const OFFICE_SCREEN = { width: 1366, height: 768 };
const MINUTE = 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openCaller(t: TestHub): Promise<Page> {
  const page = await openScreen(browser, `${t.hub.url}/window/?token=demo-window-01`, OFFICE_SCREEN);
  // A missing element fails its step, not the whole test's time.
  page.setDefaultTimeout(10_000);
  await page.getByLabel('工号').fill('0101');
  await page.getByLabel('密码').fill('123456');
  await page.keyboard.press('Enter');
  await page.locator('[data-action=issue]:not([disabled])').waitFor();
  return page;
}

async function lookup(client: Client, number: string): Promise<TicketView> {
  const ack = await client.emitWithAck('ticket:lookup', { number });
  if (!ack.ok) throw new Error(ack.error.messageEn);
  return ack.data;
}

/** Every button in `scope` is at least 48 px each way and inside the screen. */
async function expectTouchable(scope: Locator): Promise<void> {
  const boxes = await scope.locator('button:visible').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
    expect(box.bottom).toBeLessThanOrEqual(OFFICE_SCREEN.height);
    expect(box.right).toBeLessThanOrEqual(OFFICE_SCREEN.width);
  }
}

describe('counter services at window 1', () => {
  let t: TestHub;
  let console_: Client;
  let page: Page;
  beforeAll(async () => {
    t = await startTestHub();
    console_ = await t.connect('demo-console-1');
    page = await openCaller(t);
  });
  afterAll(async () => {
    await page?.context().close();
    await t?.close();
  });
  // A test that failed midway leaves no dialog in the next one's way.
  afterEach(async () => {
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  });

  it('issues a ticket for a walk-in, green channel where the service has one, and shows its number', async () => {
    await expectTouchable(page.getByRole('group', { name: '柜台服务' }));
    await page.locator('[data-action=issue]').click();
    const dialog = page.getByRole('dialog');
    await expectTouchable(dialog);
    const green = dialog.getByLabel(/绿色通道/);

    // 企业开办 has no green channel; 社会事务 (not a service of this window) has.
    await dialog.locator('[data-category=business]').click();
    await expect(green.isDisabled()).resolves.toBe(true);
    await dialog.getByText('该业务不设绿色通道').waitFor();
    await dialog.locator('[data-category=social]').click();
    await green.check();
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: '已取号' }).waitFor();
    await expect(dialog.locator('[data-issued]').getAttribute('data-issued')).resolves.toBe('B001');
    await expect(dialog.innerText()).resolves.toContain('绿色通道');
    expect(await lookup(console_, 'B001')).toMatchObject({ source: 'staff', priority: 'green', categoryId: 'social', state: 'waiting' });

    // Another: Enter starts afresh, 1 picks this window's own first service, Enter issues.
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: '为群众代取号' }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await dialog.locator('[data-issued="A001"]').waitFor();
    expect(await lookup(console_, 'A001')).toMatchObject({ source: 'staff', priority: 'normal', categoryId: 'general' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The window's own queue shows it.
    await page.locator('.queue li', { hasText: 'A001' }).waitFor();
  });

  it('checks in an appointment by code, typed on the pad and the keyboard, and gives the priority ticket', async () => {
    const slot = await slotAt(t, 'general', '2026-11-23', '11:00');
    const booked = await console_.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'general', slotStart: slot.start, name: '李建国', phone: '13912345678' });
    if (!booked.ok) throw new Error(booked.error.messageEn);
    const code = booked.data.code;
    t.clock.advance(slot.start - 20 * MINUTE - t.clock.now()); // 10:40, inside the check-in window

    await page.locator('[data-action=checkIn]').click();
    const dialog = page.getByRole('dialog');
    await expectTouchable(dialog);
    const field = dialog.getByLabel('6 位预约码');

    // An unknown code is refused in words.
    const wrong = code === '000000' ? '111111' : '000000';
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await dialog.getByText('没有找到该预约码，请核对后重试').waitFor();

    await dialog.getByRole('button', { name: '清除' }).click();
    for (const digit of code.slice(0, 3)) await dialog.getByRole('button', { name: digit, exact: true }).click();
    await page.keyboard.type(code.slice(3));
    await expect(field.inputValue()).resolves.toBe(code);
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: '签到成功' }).waitFor();
    const number = await dialog.locator('[data-issued]').getAttribute('data-issued');
    expect(number).toBe('A002');
    await dialog.getByText('预约时段 11:00 起，到时优先呼叫').waitFor();
    // The staff screen shows the booking's masked phone; the console is not shown it (only window staff are).
    await expect(dialog.innerText()).resolves.toContain('139****5678');
    const checkedIn = await lookup(console_, 'A002');
    expect(checkedIn).toMatchObject({ source: 'appointment', priority: 'appointment' });
    expect(checkedIn).not.toHaveProperty('identity');

    // The same code again: the hub says it is used, with its number.
    await page.keyboard.press('Enter');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await dialog.getByText('该预约已签到，号码 A002').waitFor();
    await page.keyboard.press('Escape');
  });

  it('offers a late arrival a standard ticket, given only once staff confirm the citizen agrees', async () => {
    const slot = await slotAt(t, 'general', '2026-11-23', '11:30');
    const booked = await console_.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'general', slotStart: slot.start, name: '周敏', phone: '13700001111' });
    if (!booked.ok) throw new Error(booked.error.messageEn);
    t.clock.advance(slot.start + 20 * MINUTE - t.clock.now()); // 11:50: check-in closed at 11:45

    await page.locator('[data-action=checkIn]').click();
    const dialog = page.getByRole('dialog');
    await page.keyboard.type(booked.data.code);
    await page.keyboard.press('Enter');
    await dialog.getByText('已超过预约签到时间（11:45），可改取普通号').waitFor();
    await expect(lookup(console_, 'A003')).rejects.toThrow();

    await dialog.getByRole('button', { name: '群众同意，改发普通号' }).click();
    await dialog.getByRole('heading', { name: '签到成功' }).waitFor();
    await dialog.locator('[data-issued="A003"]').waitFor();
    await dialog.getByText('已超过签到时间，按普通号排队').waitFor();
    expect(await lookup(console_, 'A003')).toMatchObject({ source: 'appointment', priority: 'normal' });
    await page.keyboard.press('Escape');
  });
});

describe('reprinting at the window', () => {
  const rig = serialPrinterHub(115_200);

  it('lists the e-tickets a kiosk gave while out of paper, says why a reprint failed, and reprints the same number once paper is back', async () => {
    const { t, wired } = rig;
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(kiosk, 'p-kiosk-1', 'ready');
    wired.vp.state = 'paper-out';
    for (const expected of ['A001', 'A002']) {
      const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
      expect(ack).toMatchObject({ ok: true, data: { ticket: { number: expected }, print: { status: 'unprinted', reason: { code: 'PRINTER_PAPER_OUT' } } } });
    }

    const page = await openCaller(t);
    try {
      await page.locator('[data-action=reprint] .count', { hasText: '2' }).waitFor();
      await page.locator('[data-action=reprint]').click();
      const dialog = page.getByRole('dialog');
      const row = dialog.locator('li[data-ticket=A001]');
      await expect(row.innerText()).resolves.toContain('打印纸已用完');
      await expect(dialog.locator('li[data-ticket]').count()).resolves.toBe(2);
      await expectTouchable(dialog);

      // Still no paper: the outcome says so, and the ticket stays on the list.
      await row.getByRole('button', { name: '补打' }).click();
      await dialog.getByText('A001 仍未打印：打印纸已用完').waitFor();
      await dialog.getByText('群众可继续使用电子号票').waitFor();
      expect(wired.vp.slips()).toEqual([]);

      // Paper is back: the slip is printed with the same number, and the ticket leaves the list.
      wired.vp.state = 'ready';
      await row.getByRole('button', { name: '补打' }).click();
      await dialog.getByText('A001 已补打，请到 kiosk-1 打印机 取号票').waitFor();
      const [slip] = await wired.vp.waitForSlips(1);
      expect(slip!.lines.map((l) => l.text)).toContain('A001');
      await row.waitFor({ state: 'detached' });

      // A number typed in (as staff type it, lower case) is reprinted too.
      await dialog.getByLabel('补打其他号码').fill('a002');
      await page.keyboard.press('Enter');
      await dialog.getByText('A002 已补打，请到 kiosk-1 打印机 取号票').waitFor();
      const slips = await wired.vp.waitForSlips(2);
      expect(slips[1]!.lines.map((l) => l.text)).toContain('A002');
      await dialog.getByText('今日没有未打印的号票').waitFor();

      // A ticket issued at a window has no kiosk printer of its own: staff choose one.
      const other = await t.connect('demo-window-02');
      await other.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w02', staffNumber: '0201', pin: '123456' });
      expect(await other.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { ticket: { number: 'A003', source: 'staff' } } });
      await dialog.getByLabel('补打其他号码').fill('A003');
      await page.keyboard.press('Enter');
      await dialog.getByText('号 A003 没有对应的打印机，请选择一台').waitFor();
      await dialog.getByLabel('打印到').selectOption('p-kiosk-1');
      await page.keyboard.press('Enter');
      await dialog.getByText('A003 已补打，请到 kiosk-1 打印机 取号票').waitFor();
      expect((await wired.vp.waitForSlips(3))[2]!.lines.map((l) => l.text)).toContain('A003');
      await page.keyboard.press('Escape');
      await page.locator('[data-action=reprint] .count').waitFor({ state: 'detached' });
      expect(await lookup(kiosk, 'A002')).toMatchObject({ number: 'A002', printed: true });
    } finally {
      await page.context().close();
    }
  });
});
