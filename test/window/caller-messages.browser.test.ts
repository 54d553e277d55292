// The window caller says what is wrong and what happened (#23), in real Chromium against a real hub:
// bad-rating cases concerning the window appear on it and follow their state; the transfer dialog marks
// windows nobody works and warns before sending a ticket there; a short booking code is said to be short;
// 补打号票 in a hall with no printer says so instead of offering a choice; a ticket's state is said in
// words, never by its internal name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { acked, cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

const OFFICE_SCREEN = { width: 1366, height: 768 };
const W1 = 'w01';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('window 1 is told', () => {
  let t: TestHub;
  let page: Page;
  let w1: Client;
  let kiosk: Client;
  let console_: Client;
  const at = (type: 'window:callNext' | 'window:start', client = w1, windowId = W1): Promise<unknown> => acked(client.emitWithAck(type, { cmdId: cmdId(), windowId }));

  beforeAll(async () => {
    t = await startTestHub();
    w1 = await t.connect('demo-window-01');
    kiosk = await t.connect('demo-kiosk-1');
    console_ = await t.connect('demo-console-1');
    await acked(w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: W1, staffNumber: '0101', pin: '123456' }));
    page = await openScreen(browser, `${t.hub.url}/window/?token=demo-window-01`, OFFICE_SCREEN);
    page.setDefaultTimeout(10_000);
    await page.locator('[data-action=callNext]').waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
    await t?.close();
  });
  afterEach(async () => {
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  });

  it('of a bad-rating case about its visit, and of each step the case takes', async () => {
    const pad = await t.connect('demo-pad-01');
    const issued = await acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
    await at('window:callNext');
    await at('window:start');
    await acked(w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: W1, outcome: 'done' }));
    await expect(page.locator('[data-cases-badge]').count()).resolves.toBe(0);
    await acked(pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: W1, ticketId: issued.ticket.id, level: 'dissatisfied', reasons: ['服务态度'], phone: '13912345678', text: '态度差' }));

    await page.locator('[data-cases-badge]', { hasText: '差评工单 1' }).waitFor();
    const row = page.locator('[data-cases] li[data-case=A001]');
    await row.filter({ hasText: '待核实' }).waitFor();
    await expect(row.innerText()).resolves.toContain('不满意');
    // No citizen's data on the caller: neither the phone nor the words.
    const cases = await page.locator('[data-cases]').innerText();
    expect(cases).not.toContain('5678');
    expect(cases).not.toContain('态度差');

    await acked(console_.emitWithAck('case:verify', { cmdId: cmdId(), caseId: '20261123-A001', handler: '林雪梅', verdict: 'confirmed', notes: '属实' }));
    await row.filter({ hasText: '待整改' }).waitFor();
  });

  it('which windows nobody works when transferring, and warns before sending a ticket there', async () => {
    const w3 = await t.connect('demo-window-03');
    await acked(w3.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w03', staffNumber: '0301', pin: '123456' }));
    await acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
    await page.locator('[data-action=callNext]:not([disabled])').waitFor();
    await page.keyboard.press('F1');
    await page.locator('.current .number', { hasText: 'A002' }).waitFor();
    await page.locator('[data-action=transfer]:not([disabled])').waitFor();
    await page.keyboard.press('F9');
    const dialog = page.getByRole('dialog');
    const windows = dialog.getByLabel('转到窗口');
    await expect(windows.locator('option[value=w02]').innerText()).resolves.toContain('（未开放）');
    await expect(windows.locator('option[value=w03]').innerText()).resolves.not.toContain('（');

    await windows.selectOption('w02');
    await dialog.getByLabel('转移原因').fill('需专窗办理');
    await page.keyboard.press('Enter');
    await dialog.getByText('2 号窗口 现在未开放').waitFor();
    expect((await acked(w1.emitWithAck('ticket:lookup', { number: 'A002' }))).state).toBe('called');
    // A window someone works goes at once.
    await windows.selectOption('w03');
    await page.keyboard.press('Enter');
    await page.locator('[data-notice]', { hasText: 'A002 已转到 3 号窗口' }).waitFor();
    expect((await acked(w1.emitWithAck('ticket:lookup', { number: 'A002' }))).state).toBe('waiting');
  });

  it('that a booking code is too short, instead of ignoring it', async () => {
    await page.locator('[data-action=checkIn]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('6 位预约码').fill('123');
    await page.keyboard.press('Enter');
    await dialog.getByText('预约码为 6 位数字，现在输入了 3 位').waitFor();
  });

  it('that the hall has no printer to reprint on, rather than asked to choose one', async () => {
    await page.locator('[data-action=reprint]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-no-printers]', { hasText: '大厅没有配置打印机' }).waitFor();
    await expect(dialog.getByLabel('打印到').count()).resolves.toBe(0);
  });

  it("a ticket's state in words", async () => {
    await page.locator('[data-action=callNumber]:not([disabled])').waitFor();
    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('号码').fill('A001');
    await page.keyboard.press('Enter');
    const said = dialog.getByRole('alert');
    await said.filter({ hasText: '当前状态为已办结' }).waitFor();
    await expect(said.innerText()).resolves.not.toMatch(/finished/);
  });
});
