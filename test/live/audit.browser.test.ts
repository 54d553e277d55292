// The operation log (操作日志) in real Chromium against a real hub: a manager's threshold change, tidal
// switch, alert acknowledgement and a bad-rating case's verification, and another person's printer
// change, each in Chinese with what changed (before → after, under the form's labels), no raw JSON;
// filtered by person, kind and day; and no button on the page that acts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { serveOne } from '../ratings/serve.js';

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

const row = (page: Page, action: string) => page.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${action}$`) }) });

describe('operation log', () => {
  it('shows every change a person made, in words, filtered by person, kind and day, with nothing to press', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const w15 = await t.connect('demo-window-15');
    await w15.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w15', staffNumber: '1501', pin: '123456' });
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' }); // nobody at 税务: an alert
    // A visit at window 1 rated 不满意: a case for the manager to verify.
    const pad1 = await t.connect('demo-pad-01');
    const { ticket } = await serveOne(kiosk, await t.connect('demo-window-01'), '01', 'general');
    expect(await pad1.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: ticket.id, level: 'dissatisfied', reasons: ['服务态度'] })).toMatchObject({ ok: true });
    const caseId = `20261123-${ticket.number}`;

    // 林雪梅 (hall manager) signs in and works on the live board.
    const page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/live`, { width: 1920, height: 1400 });
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: '切换账号' }).click();
    await page.getByLabel('工号').fill('0001');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-operator=s0001]').waitFor();
    await page.getByRole('heading', { name: '实时看板' }).waitFor();
    await page.getByLabel('等候超过（分钟）').fill('25');
    await page.locator('section.settings .actions').nth(1).getByRole('button', { name: '保存' }).click();
    await page.locator('section.settings').getByText('已保存').waitFor();
    await page.locator('li[data-key="check:no-window:tax"]').getByRole('button', { name: '确认' }).click();
    await page.locator('li[data-key="check:no-window:tax"]').getByText(/^林雪梅 已确认/).waitFor();
    const w15Row = page.locator('section.tidal .window[data-window="w15"]');
    await w15Row.locator('select').selectOption('tax');
    await w15Row.getByRole('button', { name: '切换到' }).click();
    await w15Row.getByRole('button', { name: '恢复' }).waitFor();

    // She verifies the case on the cases page.
    await page.goto(`${t.hub.url}/console/#/cases`);
    await page.locator(`tr[data-case="${caseId}"]`).click();
    const verify = page.locator('form[data-step=verify]');
    await verify.getByLabel('属实', { exact: true }).check();
    await verify.getByLabel('核实情况').fill('调阅录像，态度生硬属实');
    await verify.getByLabel('经办人').fill('林雪梅');
    await verify.getByRole('button', { name: '提交' }).click();
    await page.locator('form[data-step=rectify]').waitFor();

    // Someone else (the demo console's built-in manager, over REST) renames and disables a printer.
    const api = (p: string, init?: RequestInit) =>
      fetch(`${t.hub.url}/api${p}`, { ...init, headers: { authorization: 'Bearer demo-console-1', 'content-type': 'application/json' } });
    const printer = { name: '1号取号机打印机', kioskId: 'kiosk-1', connection: { kind: 'tcp', host: '10.0.0.9', port: 9100 }, enabled: false, statusQueries: true };
    expect((await api('/printing/printers/p-east', { method: 'PUT', body: JSON.stringify(printer) })).status).toBe(200);
    const put = await api('/printing/printers/p-east', { method: 'PUT', body: JSON.stringify({ ...printer, name: '大厅东侧打印机', statusQueries: false }) });
    expect(put.status).toBe(200);

    await page.goto(`${t.hub.url}/console/#/admin-audit`);
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    const threshold = row(page, '修改叫号屏设置与提醒阈值');
    await threshold.waitFor();
    expect(await threshold.innerText()).toMatch(/林雪梅\s+叫号屏与提醒阈值\s+修改叫号屏设置与提醒阈值/);
    expect(await threshold.locator('.change').allInnerTexts()).toEqual(['等候超过（分钟）： 30 → 25']);
    const tidal = row(page, '潮汐窗口切换');
    expect(await tidal.innerText()).toContain('15 号窗口 · 潮汐窗口');
    expect(await tidal.locator('.change').allInnerTexts()).toEqual(['办理业务： A 综合受理（无差别）、B 社会事务 → F 税务']);
    expect(await row(page, '确认提醒').locator('.change').allInnerTexts()).toEqual(['提醒内容： 税务有人等候，但没有开放的窗口办理']);
    const printerRow = row(page, '修改打印机');
    expect(await printerRow.innerText()).toContain('演示管理员 / demo manager');
    expect(await printerRow.locator('.change').allInnerTexts()).toEqual(['名称： 1号取号机打印机 → 大厅东侧打印机', '查询打印机状态（DLE EOT）： 是 → 否']);
    expect(await row(page, '新增打印机').locator('.change').allInnerTexts()).toContain('连接 · 地址： 10.0.0.9');
    const verified = row(page, '差评工单核实');
    expect(await verified.innerText()).toMatch(new RegExp(`林雪梅\\s+差评工单\\s+差评工单核实\\s+${caseId}`));
    expect(await verified.locator('.change').allInnerTexts()).toEqual([
      '办理进度： 待核实 → 已核实',
      `号码： ${ticket.number}`,
      '经办人： 林雪梅',
      '核实结论： 属实',
      '说明： 调阅录像，态度生硬属实',
    ]);
    await row(page, '登录控制台').waitFor();
    const table = await page.locator('main table').innerText();
    expect(table).not.toMatch(/[{}"]/);
    expect(table).not.toMatch(/tidal\.assign|live\.settings|printer\.save|case\.verify/);

    // Filters: person, kind, day.
    const count = page.locator('.filters .count');
    const all = Number(/\d+/.exec(await count.innerText())![0]);
    expect(all).toBeGreaterThanOrEqual(5);
    await page.getByLabel('操作人').selectOption('林雪梅');
    await expect.poll(() => row(page, '修改打印机').count()).toBe(0);
    expect(await row(page, '潮汐窗口切换').count()).toBe(1);
    await page.getByLabel('类别').selectOption({ label: '潮汐窗口' });
    await expect.poll(() => page.locator('main tbody tr').count()).toBe(1);
    await page.getByLabel('类别').selectOption({ label: '差评工单' });
    await expect.poll(() => page.locator('main tbody tr[data-kind]').count()).toBe(1);
    expect(await row(page, '差评工单核实').count()).toBe(1);
    await page.getByLabel('操作人').selectOption('');
    await page.getByLabel('类别').selectOption({ label: '打印机' });
    await expect.poll(() => page.locator('main tbody tr[data-kind]').count()).toBe(2);
    expect(await count.innerText()).toBe('共 2 条');
    await page.getByLabel('日期').fill('2026-11-24');
    await page.getByText('没有符合条件的记录').waitFor();
    await page.getByLabel('日期').fill('2026-11-23');
    await expect.poll(() => page.locator('main tbody tr[data-kind]').count()).toBe(2);

    // Read only: nothing on the page acts.
    expect(await page.locator('main button').count()).toBe(0);
    await page.context().close();
  });
});
