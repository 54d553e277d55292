// The live board's alerts in real Chromium against a real hub: each new alert is raised when its
// cause begins and closes, saying why, when its cause ends; 全部确认 acknowledges every open alert and
// each then shows who acknowledged it and when (and the audit log has it).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@yichuang/shared/admin';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestHub();
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/live`, { width: 1920, height: 1400 });
  await page.getByRole('heading', { name: '实时看板' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signIn(nn: string, client?: Client): Promise<Client> {
  const c = client ?? (await t.connect(`demo-window-${nn}`));
  expect(await c.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' })).toMatchObject({ ok: true });
  return c;
}

const alert = (key: string) => page.locator(`li[data-key="${key}"]`);
/** Waits for the alert of `key` to be open with that message. */
async function raised(key: string, message: string): Promise<void> {
  await alert(key).and(page.locator('li.open')).getByText(message).waitFor();
}
/** Waits for the alert of `key` to say it was cleared, and why. */
async function cleared(key: string, why: string): Promise<void> {
  await alert(key).getByText(new RegExp(`已解除 \\d\\d:\\d\\d：${why}`)).waitFor();
}

describe('live board alerts', () => {
  it('raises no board online, a queue without an open window and a window whose caller is gone; acknowledges all; each clears with its cause', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const w03 = await signIn('03');
    w03.disconnect();
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' }); // window 8 (税务) is closed
    await raised('check:no-window:tax', '税务有人等候，但没有开放的窗口办理');
    t.clock.advance(61_000);
    await raised('check:none-online:board', '自 10:00 起没有在线的叫号屏');
    await raised('check:unattended:w03', '3 号窗口显示服务中，但叫号终端已撤销或离线');
    expect(await alert('check:none-online:kiosk').count()).toBe(0); // the kiosk is online

    await page.getByRole('button', { name: '全部确认' }).click();
    for (const key of ['check:no-window:tax', 'check:none-online:board', 'check:unattended:w03']) {
      await alert(key).getByText(/^演示管理员 \/ demo manager 已确认 \d\d:\d\d$/).waitFor();
    }
    expect(await page.locator('section.alerts h2 .count').innerText()).toBe('0');
    const audit = (await readFile(path.join(t.dataDir, 'audit', '2026-11.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    // The three, and the holiday calendar's: the demo calendar ends 2026-12-31, within 60 days (calendar-check.test.ts).
    expect(audit.find((e) => e.action === 'alert.acknowledgeAll')).toMatchObject({ actor: { deviceId: 'console-1', name: '演示管理员 / demo manager' }, target: '4' });

    await t.connect('demo-board-1');
    await cleared('check:none-online:board', '设备已重新连接');
    await signIn('08');
    await cleared('check:no-window:tax', '已有窗口办理或已无人等候');
    await t.connect('demo-window-03');
    await cleared('check:unattended:w03', '叫号终端已在线或窗口已签退');
    // Acknowledged first, then cleared: both are told.
    expect(await alert('check:unattended:w03').locator('.state').innerText()).toMatch(/^演示管理员 \/ demo manager 已确认 \d\d:\d\d\n已解除/);
  });

  it('raises a ticket transferred to a window that closed, and clears it when that window opens', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const w01 = await signIn('01');
    const w02 = await signIn('02');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    const called = await w01.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    expect(called).toMatchObject({ ok: true });
    const number = called.ok ? called.data.ticket?.number : undefined;
    expect(await w01.emitWithAck('window:transfer', { cmdId: cmdId(), windowId: 'w01', toWindowId: 'w02', note: '需 2 号窗口办理' })).toMatchObject({ ok: true });
    expect(await w02.emitWithAck('staff:signOut', { cmdId: cmdId(), windowId: 'w02' })).toMatchObject({ ok: true });
    const key = `check:to-closed:2026-11-23/${number}`;
    await raised(key, `${number} 号转到 2 号窗口等候，但该窗口已关闭`);
    await signIn('02', w02);
    await cleared(key, '该窗口已开放或该号已不在等候');
  });

  it('closes a bad-rating alert when its case is closed', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const console = await t.connect('demo-console-1');
    const window = await signIn('04');
    const pad = await t.connect('demo-pad-04');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' });
    await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w04' });
    await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w04' });
    await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w04', outcome: 'done' });
    expect(await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w04', ticketId: '2026-11-23/B001', level: 'very-dissatisfied', reasons: ['办事效率'] })).toMatchObject({ ok: true });
    const caseId = '20261123-B001';
    const key = `bad-rating:${caseId}`;
    await alert(key).and(page.locator('li.open')).waitFor();
    const handler = '林雪梅';
    expect(await console.emitWithAck('case:verify', { cmdId: cmdId(), caseId, handler, verdict: 'unfounded', notes: '调取录像，服务规范' })).toMatchObject({ ok: true });
    expect(await console.emitWithAck('case:followUp', { cmdId: cmdId(), caseId, handler, result: 'satisfied', notes: '电话回访，群众表示理解' })).toMatchObject({ ok: true });
    // Still open until the case is closed.
    expect(await alert(key).and(page.locator('li.open')).count()).toBe(1);
    expect(await console.emitWithAck('case:close', { cmdId: cmdId(), caseId, handler })).toMatchObject({ ok: true });
    await cleared(key, '差评工单已办结');
  });
});
