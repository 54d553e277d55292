// Tidal windows on the live board in real Chromium against a real hub: the summary says what the queue
// rows say; a window nobody is signed in at cannot be switched; the switch and 恢复 are journaled
// engine commands (the state is the same after a restart) and in the audit log.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@yichuang/shared/admin';
import type { LiveBoard } from '@yichuang/shared/live';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import type { JournalRecord } from '../../hub/src/storage/journal.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(t: TestHub, nn: string): Promise<Client> {
  const client = await t.connect(`demo-window-${nn}`);
  expect(await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' })).toMatchObject({ ok: true });
  return client;
}

async function snapshot(t: TestHub): Promise<LiveBoard> {
  const console = await t.connect('demo-console-1');
  const ack = await console.emitWithAck('live:snapshot', {});
  console.disconnect();
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

async function journal(dataDir: string): Promise<JournalRecord[]> {
  const text = await readFile(path.join(dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
  return text.trim().split('\n').map((l) => JSON.parse(l) as JournalRecord);
}

async function audit(dataDir: string): Promise<AuditEntry[]> {
  const text = await readFile(path.join(dataDir, 'audit', '2026-11.jsonl'), 'utf8');
  return text.trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
}

const estimateCell = (page: Page, name: string) => page.locator('tr', { hasText: name }).locator('td').nth(4);

describe('tidal windows on the live board', () => {
  it('summarises from the rows’ figures, refuses an empty window, switches and restores, journaled and audited, across restarts', async () => {
    const dataDir = await tempDir();
    let t = await startTestHub({ dataDir });
    const port = t.hub.port;
    try {
      const kiosk = await t.connect('demo-kiosk-1');
      await signIn(t, '08'); // 税务: the one window for tax
      for (let i = 0; i < 8; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });

      const page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/live`, { width: 1920, height: 1400 });
      // Tax expects 48 min (8 × 6 min at one window): the summary names it with the rows' own figure,
      // and says why nothing is suggested: the tidal window has nobody signed in.
      const long = page.locator('section.tidal .suggestion[data-category="tax"]');
      await long.waitFor();
      expect(await estimateCell(page, 'F 税务').innerText()).toBe('48 分钟');
      expect(await long.innerText()).toContain('F 税务预计等候 48 分钟（超过 40 分钟）');
      expect(await long.innerText()).toContain('没有已签到的潮汐窗口可切换');
      expect(await page.locator('section.tidal').innerText()).not.toContain('均未超过');
      const w15 = page.locator('section.tidal .window[data-window="w15"]');
      expect(await w15.innerText()).toContain('无人签到，不能切换');
      expect(await w15.getByRole('button').count()).toBe(0);
      // Asked directly, the hub refuses too, in Chinese and English.
      const console = await t.connect('demo-console-1');
      expect(await console.emitWithAck('live:assignTidal', { cmdId: cmdId(), windowId: 'w15', categoryId: 'tax' })).toMatchObject({
        ok: false,
        error: { code: 'TIDAL_WINDOW_CLOSED', message: '15 号窗口无人签到，不能切换', messageEn: 'Nobody is signed in at window 15: it cannot be switched' },
      });

      // Someone signs in at the tidal window: the one-click switch appears and works.
      await signIn(t, '15');
      await long.getByRole('button', { name: '一键切换' }).click();
      await w15.getByText('已切换（当日有效），平时办理：A 综合受理（无差别）、B 社会事务').waitFor();
      expect(await w15.innerText()).toContain('15 号窗口现办理： F 税务');
      // Two windows for tax now: 24 min expected, in the row and in the summary alike.
      await page.getByText('各队列预计等候均未超过 40 分钟').waitFor();
      expect(await estimateCell(page, 'F 税务').innerText()).toBe('24 分钟');
      expect((await journal(dataDir)).filter((r) => r.event.type === 'window.assigned')).toEqual([
        expect.objectContaining({ actor: { deviceId: 'console-1' }, event: expect.objectContaining({ windowId: 'w15', categoryId: 'tax' }) }),
      ]);
      expect((await audit(dataDir)).find((e) => e.action === 'tidal.assign')).toMatchObject({
        actor: { deviceId: 'console-1', name: '演示管理员 / demo manager' },
        target: 'w15',
        before: { categories: ['general', 'social'] },
        after: { categories: ['tax'] },
      });
      await page.context().close();

      // A restart replays the journal: still switched.
      await t.close();
      t = await startTestHub({ dataDir, port });
      expect((await snapshot(t)).windows.find((w) => w.windowId === 'w15')).toMatchObject({ categories: [{ categoryId: 'tax', weight: 10 }] });

      // 恢复: back to its normal categories, journaled and audited; the same after another restart.
      const again = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/live`, { width: 1920, height: 1400 });
      const row = again.locator('section.tidal .window[data-window="w15"]');
      await row.getByRole('button', { name: '恢复' }).click();
      await row.getByText('15 号窗口现办理： A 综合受理（无差别）、B 社会事务').waitFor();
      expect(await row.getByRole('button', { name: '恢复' }).count()).toBe(0);
      expect((await journal(dataDir)).filter((r) => r.event.type === 'window.restored')).toEqual([
        expect.objectContaining({ actor: { deviceId: 'console-1' }, event: expect.objectContaining({ windowId: 'w15' }) }),
      ]);
      expect((await audit(dataDir)).find((e) => e.action === 'tidal.restore')).toMatchObject({
        target: 'w15',
        before: { categories: ['tax'] },
        after: { categories: ['general', 'social'] },
      });
      await again.context().close();
      await t.close();
      t = await startTestHub({ dataDir, port });
      expect((await snapshot(t)).windows.find((w) => w.windowId === 'w15')?.categories.map((c) => c.categoryId)).toEqual(['general', 'social']);
    } finally {
      await t.close();
    }
  });
});
