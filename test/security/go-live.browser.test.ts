// Going live, in real Chromium, as a hall does it: a console opened without a token is paired from the
// demo console; it shows its sign-in form at once (no hall data before someone signs in); the manager
// signs in, revokes every demo device — the confirmation names the window whose staff it signs out
// and the ticket it holds — and signs in again after a reload. An evaluator's console then survives a
// hub restart still signed in, and can only read.
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';
import { connectWithCookie, raw } from './helpers.js';

/** Looked at by whoever runs the test; the committed screenshots are test/screenshots' job. */
const SHOTS = os.tmpdir();

let browser: Browser;
let t: TestHub;
beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub({ dataDir: await tempDir() })]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signInAt(page: Page, number: string): Promise<void> {
  const form = page.locator('form.sign-in');
  await form.waitFor({ timeout: 15_000 });
  await form.getByLabel('工号').fill(number);
  await form.getByLabel('密码').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  await page.locator('header .who').waitFor();
}

describe('a hall going live', () => {
  it('pairs a console, signs in, revokes the demo devices, and keeps an evaluator read-only across a restart', async () => {
    // Window 1 is serving someone when the demo devices go.
    const kiosk = await t.connect('demo-kiosk-1');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    const window = await t.connect('demo-window-01');
    await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
    await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' });

    const page = await openScreen(browser, `${t.hub.url}/console/`, LANDSCAPE);
    await page.locator('[data-pairing-code]').waitFor();
    const code = (await page.locator('[data-pairing-code]').getAttribute('data-pairing-code'))!;
    const demo = await t.connect('demo-console-1');
    expect(await demo.emitWithAck('device:approve', { cmdId: cmdId(), code, device: { name: '管理室控制台', role: 'console' } })).toMatchObject({ ok: true });

    // Nobody signed in: the form, at once, with the hall's name — not a spinner waiting for data it cannot have.
    await page.locator('form.sign-in').waitFor({ timeout: 15_000 });
    expect(await page.locator('form.sign-in h1').innerText()).toBe('示范区政务服务中心（演示）');
    await page.screenshot({ path: path.join(SHOTS, 'console-sign-in.png') });
    await signInAt(page, '0001');
    expect(await page.locator('header .who').innerText()).toMatch(/林雪梅 · 大厅管理员/);

    await page.goto(`${t.hub.url}/console/#/devices`);
    const revokeAll = page.getByRole('button', { name: '撤销全部演示设备' });
    await revokeAll.waitFor();
    await revokeAll.click();
    // The console's own dialog, not the browser's confirm(): it says what revoking ends, and 撤销 is a touch-sized button.
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const message = await dialog.innerText();
    expect(message).toMatch(/撤销全部 \d+ 台演示设备/);
    expect(message).toMatch(/1 号窗口：王晓燕 将被签退，A001 暂挂于该窗口/);
    expect(message).toMatch(/取号机 × 3/);
    await dialog.getByRole('button', { name: '撤销全部演示设备' }).click();
    await expect.poll(() => page.getByRole('button', { name: '撤销全部演示设备' }).count(), { timeout: 10_000 }).toBe(0);

    // The window is signed out and its citizen's ticket held there; a terminal paired anew opens signed out.
    const windows = (await (await fetch(`${t.hub.url}/api/windows`)).json()) as { data: { id: string; status: string; staff?: unknown }[] };
    expect(windows.data.find((w) => w.id === 'w01')).toMatchObject({ status: 'closed' });
    expect(windows.data.find((w) => w.id === 'w01')?.staff).toBeUndefined();
    expect(((await (await fetch(`${t.hub.url}/api/tickets/A001`)).json()) as { data: { state: string } }).data.state).toBe('on-hold');

    await page.reload();
    await page.locator('header .who').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '退出登录' }).click();
    await signInAt(page, '0003');
    expect(await page.locator('header .who').innerText()).toMatch(/周评 · 评估员/);

    // The hub restarts at lunch: the evaluator is still signed in, and still only reads.
    const { port } = new URL(t.hub.url);
    const dataDir = t.dataDir;
    await t.close();
    t = await startTestHub({ dataDir, port: Number(port) });
    await page.reload();
    await page.locator('header .who').waitFor({ timeout: 15_000 });
    expect(await page.locator('header .who').innerText()).toMatch(/周评 · 评估员/);
    // An evaluator reads the settings (read only, issue #23), and is not offered devices or the 评价与数据 settings.
    const nav = await page.locator('nav').innerText();
    expect(nav).toMatch(/统计报表[\s\S]*大厅设置[\s\S]*工作人员[\s\S]*操作日志/);
    expect(nav).not.toMatch(/设备|评价与数据/);
    await page.screenshot({ path: path.join(SHOTS, 'console-evaluator-after-restart.png') });
    const token = (await page.evaluate(() => localStorage.getItem('yichuang.token.console')))!;
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const evaluator = await connectWithCookie(t.hub.url, token, cookie);
    expect((await raw(evaluator, 'live:snapshot', {})).ok).toBe(true);
    expect((await raw(evaluator, 'live:assignTidal', { cmdId: cmdId(), windowId: 'w15', categoryId: 'general' })).error?.code).toBe('ROLE_FORBIDDEN');
    expect((await raw(evaluator, 'live:acknowledge', { cmdId: cmdId(), alertId: 'any' })).error?.code).toBe('ROLE_FORBIDDEN');
    evaluator.disconnect();
    await page.context().close();
  });
});
