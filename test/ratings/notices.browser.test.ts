// Notices on window-top displays (#23), in real Chromium against a real hub: a manager posts one on the
// console's 窗口通知 page for window 5; window 5's display shows it (laid out within the screen),
// window 6's does not; a notice for every window shows on both; it goes when its end time passes on the
// hub's clock, or when withdrawn on the console; each post and withdrawal is in the audit log, and the
// notices outlive a restart of the hub.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId, MONDAY_10AM, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';
import { layoutFaults } from './display-layout.js';

const HOUR = 3600_000;

let t: TestHub;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = await tempDir();
  t = await startTestHub({ dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function openDisplay(nn: string): Promise<Page> {
  const page = await openScreen(browser, `${t.hub.url}/kiosk/display.html?token=demo-display-${nn}`, { width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator('[data-live="true"]').waitFor({ timeout: 15_000 });
  return page;
}

async function auditActions(): Promise<{ action: string; target?: string; actor: { deviceId?: string } }[]> {
  const dir = path.join(dataDir, 'audit');
  const lines: string[] = [];
  for (const f of await readdir(dir)) lines.push(...(await readFile(path.join(dir, f), 'utf8')).split('\n').filter(Boolean));
  return lines.map((l) => JSON.parse(l)).filter((e) => String(e.action).startsWith('notice.'));
}

describe('notices on window-top displays', () => {
  it('shows a notice posted on the console on its window’s display until it ends, and one for all windows until withdrawn', async () => {
    const display5 = await openDisplay('05');
    const display6 = await openDisplay('06');
    const console1 = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/notices`, LANDSCAPE);
    await console1.locator('form.post').waitFor({ timeout: 15_000 });

    // Window 5, until 12:00 today (the hub's clock is at 10:00).
    await console1.locator('select[name=window]').selectOption('w05');
    await console1.locator('input[name=text]').fill('本窗口 14:00 起暂停办理');
    await console1.locator('input[name=endTime]').fill('12:00');
    await console1.getByRole('button', { name: '发布通知' }).click();
    await console1.locator('tr.showing', { hasText: '本窗口 14:00 起暂停办理' }).waitFor({ timeout: 15_000 });

    await display5.locator('.notice', { hasText: '本窗口 14:00 起暂停办理' }).waitFor({ timeout: 15_000 });
    expect(await layoutFaults(display5)).toEqual([]);
    expect(await display6.locator('.notice').count()).toBe(0);

    // Every window, until 17:00, posted from another console connection.
    const manager = await t.connect('demo-console-1');
    const all = await manager.emitWithAck('notice:post', { cmdId: cmdId(), windowId: null, text: '系统升级，16:00 后暂停取号', endsAt: MONDAY_10AM + 7 * HOUR });
    expect(all.ok).toBe(true);
    await display6.locator('.notice', { hasText: '系统升级，16:00 后暂停取号' }).waitFor({ timeout: 15_000 });
    await display5.locator('.notice', { hasText: '系统升级，16:00 后暂停取号' }).waitFor({ timeout: 15_000 });
    expect(await layoutFaults(display5)).toEqual([]);

    // Bad input is refused with a clear message, and nothing is posted.
    const past = await manager.emitWithAck('notice:post', { cmdId: cmdId(), windowId: 'w05', text: '已过期', endsAt: MONDAY_10AM - HOUR });
    expect(past).toMatchObject({ ok: false, error: { code: 'NOTICE_END_PASSED', message: '结束时间须晚于现在' } });

    // 12:00 passes on the hub's clock: window 5's own notice goes, the hall's stays.
    t.clock.advance(2 * HOUR + 1000);
    await display5.locator('.notice', { hasText: '本窗口 14:00 起暂停办理' }).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await display5.locator('.notice').innerText()).toContain('系统升级');

    // The console has the ended one too (rows re-sorted): a click before that could land on the moving row.
    await console1.locator('tr:not(.showing)', { hasText: '本窗口 14:00 起暂停办理' }).getByText('已结束').waitFor({ timeout: 15_000 });
    // Withdrawn on the console: gone from both displays.
    await console1.locator('tr.showing', { hasText: '系统升级' }).getByRole('button', { name: '撤回' }).click();
    await console1.locator('tr', { hasText: '系统升级' }).getByText(/已撤回/).waitFor({ timeout: 15_000 });
    for (const d of [display5, display6]) await d.locator('.notice').waitFor({ state: 'detached', timeout: 15_000 });

    const audited = await auditActions();
    expect(audited.map((e) => e.action)).toEqual(['notice.post', 'notice.post', 'notice.withdraw']);
    expect(audited.every((e) => e.actor.deviceId === 'console-1')).toBe(true);
    for (const p of [display5, display6, console1]) await p.context().close();
  }, 90_000); // three screens and a console in one test: each wait above is bounded on its own, so a failure names its step

  it('keeps its notices across a restart of the hub', async () => {
    const manager = await t.connect('demo-console-1');
    const posted = await manager.emitWithAck('notice:post', { cmdId: cmdId(), windowId: 'w07', text: '本窗口今日下午暂停办理', endsAt: t.clock.now() + HOUR });
    expect(posted.ok).toBe(true);
    const at = t.clock.now();
    await t.close();
    t = await startTestHub({ dataDir, start: at });
    const display7 = await openDisplay('07');
    await display7.locator('.notice', { hasText: '本窗口今日下午暂停办理' }).waitFor({ timeout: 15_000 });
    const list = await (await t.connect('demo-console-1')).emitWithAck('notice:list', {});
    expect(list.ok && list.data.map((n) => [n.text, n.showing])).toEqual([
      ['本窗口今日下午暂停办理', true],
      ['系统升级，16:00 后暂停取号', false],
      ['本窗口 14:00 起暂停办理', false],
    ]);
    await display7.context().close();
  });
});
