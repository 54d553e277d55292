// The hall board and the window-top display in real Chromium against a real hub: calls appear and
// are voiced (the board's 'voiced' events say what was said, with which clips, when); the board comes
// back by itself after the hub restarts.
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Announcement } from '../../kiosk/src/board/voice/announcer.js';
import { startHub, type RunningHub } from '../../hub/src/hub.js';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { shortClip } from '../helpers/short-clip.js';
import { cmdId, connectClient, MONDAY_10AM, REPO_ROOT, startTestHub, tempDir, TestClock, type Client, type TestHub } from '../helpers/test-hub.js';

const DISPLAY = { width: 1280, height: 400 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(url: string, windowNumber: number): Promise<Client> {
  const nn = String(windowNumber).padStart(2, '0');
  const client = await connectClient(url, `demo-window-${nn}`);
  const ack = await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' });
  expect(ack).toMatchObject({ ok: true });
  return client;
}

async function call(window: Client, windowId: string): Promise<string> {
  const ack = await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.ticket!.number;
}

declare global {
  interface Window {
    /** What the board under test voiced, as its announcer told the page (kiosk/src/board/voice/announcer.ts). */
    __voiced?: Announcement[];
  }
}

/** A live board whose voiced calls are recorded (calls come only after it is live), with short clips. */
async function openBoard(url: string): Promise<Page> {
  const clip = shortClip();
  const page = await openScreen(browser, `${url}/kiosk/board.html?token=demo-board-1`, undefined, {
    prepare: (context) =>
      context.route('**/kiosk/voice/default/**', (route) =>
        route.request().url().endsWith('/manifest.json') ? route.continue() : route.fulfill({ body: clip, contentType: 'audio/wav' }),
      ),
  });
  await page.locator('[data-live="true"]').waitFor();
  await page.evaluate(() => {
    const voiced: Announcement[] = (window.__voiced = []);
    addEventListener('board:voiced', (e) => voiced.push((e as CustomEvent<Announcement>).detail));
  });
  return page;
}

/** The board's record once `count` calls have been voiced to the end. */
async function voiced(page: Page, count: number): Promise<Announcement[]> {
  await page.waitForFunction((n) => (window.__voiced ?? []).filter((a) => a.endedAt).length >= n, count, { timeout: 60_000 });
  return page.evaluate(() => window.__voiced!);
}

/** Every clip played, across announcements, starts after the one before it has ended. */
function expectNoOverlap(log: Announcement[]): void {
  const clips = log.flatMap((a) => a.played);
  for (let i = 1; i < clips.length; i++) expect(clips[i]!.start).toBeGreaterThanOrEqual(clips[i - 1]!.end - 1);
}

describe('hall board and window-top display', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
    // One saying per call keeps the test short; the chime still comes first.
    const console = await t.connect('demo-console-1');
    expect(await console.emitWithAck('live:updateSettings', { cmdId: cmdId(), voice: { template: '请 {number} 号 到 {window} 号窗口 办理', repeat: 1 } })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a call on the board and the window-top display, and voices the phrase with its clips', { timeout: 90_000 }, async () => {
    const board = await openBoard(t.hub.url);
    const display = await openScreen(browser, `${t.hub.url}/kiosk/display.html?token=demo-display-05`, DISPLAY);
    await display.locator('[data-live="true"]').waitFor();
    const window = await signIn(t.hub.url, 5);
    await display.getByText('陈静').waitFor();
    const kiosk = await t.connect('demo-kiosk-1');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'insurance' });
    expect(await call(window, 'w05')).toBe('C001');

    await board.locator('.latest .number', { hasText: 'C001' }).waitFor();
    expect(await board.locator('.latest .window').innerText()).toContain('5 号窗口');
    await board.locator('.recent .row .num', { hasText: 'C001' }).waitFor();
    await display.locator('.ticket.flash', { hasText: 'C001' }).waitFor();
    expect(await display.locator('.line').innerText()).toContain('请 C001 号到本窗口办理');

    const [said] = await voiced(board, 1);
    expect(said).toMatchObject({
      ticketNumber: 'C001',
      windowNumber: 5,
      text: '请 C001 号 到 5 号窗口 办理',
      spoken: '请 C零零一 号 到 五 号窗口 办理',
      clips: ['请', 'C', '0', '0', '1', '号', '到', '5', '号', '窗口', '办理'],
      via: 'clips', // headless Chromium has no speech voices
      repeat: 1,
    });
    expect(said!.played.map((p) => p.clip)).toEqual(['chime', ...said!.clips!]);
    expectNoOverlap([said!]);

    // Paused: the display says so, with the reason.
    expect(await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w05' })).toMatchObject({ ok: true });
    await display.getByText('正在办理').waitFor();
    expect(await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w05', outcome: 'done' })).toMatchObject({ ok: true });
    expect(await window.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w05', reason: 'away' })).toMatchObject({ ok: true });
    await display.getByText('暂停服务').first().waitFor();
    await display.getByText('临时外出').waitFor();
    await board.context().close();
    await display.context().close();
  });

  it('voices two quick calls in order without overlap, and a recall again', { timeout: 90_000 }, async () => {
    const board = await openBoard(t.hub.url);
    const kiosk = await t.connect('demo-kiosk-1');
    const w01 = await signIn(t.hub.url, 1);
    const w13 = await signIn(t.hub.url, 13);
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'one-thing' });
    expect(await call(w01, 'w01')).toBe('A001');
    expect(await call(w13, 'w13')).toBe('L001');
    await w01.emitWithAck('window:recall', { cmdId: cmdId(), windowId: 'w01' });

    const log = await voiced(board, 3);
    expect(log.map((a) => [a.text, a.recall])).toEqual([
      ['请 A001 号 到 1 号窗口 办理', 0],
      ['请 L001 号 到 13 号窗口 办理', 0],
      ['请 A001 号 到 1 号窗口 办理', 1],
    ]);
    expect(log[1]!.clips).toEqual(['请', 'L', '0', '0', '1', '号', '到', '十', '3', '号', '窗口', '办理']);
    for (let i = 1; i < log.length; i++) expect(log[i]!.startedAt!).toBeGreaterThanOrEqual(log[i - 1]!.endedAt!);
    expectNoOverlap(log);
    await board.context().close();
  });
});

describe('after the hub restarts', () => {
  const clock = new TestClock(MONDAY_10AM);
  let dataDir = '';
  let hub: RunningHub | undefined;
  const start = async (port: number): Promise<RunningHub> =>
    startHub({ port, host: '127.0.0.1', dataDir, screensDir: REPO_ROOT, version: 'test' }, { clock: clock.now, log: () => undefined });
  afterAll(async () => {
    await hub?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the board reconnects by itself and shows the right calls, without a reload', async () => {
    dataDir = await tempDir('yichuang-board-');
    hub = await start(0);
    const { port, url } = hub;
    const board = await openBoard(url);
    const kiosk = await connectClient(url, 'demo-kiosk-1');
    for (const categoryId of ['general', 'general']) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
    const w01 = await signIn(url, 1);
    expect(await call(w01, 'w01')).toBe('A001');
    await board.locator('.latest .number', { hasText: 'A001' }).waitFor();
    kiosk.disconnect();
    w01.disconnect();

    await hub.close();
    hub = undefined;
    await board.locator('[data-live="false"]').waitFor();
    hub = await start(port); // same port and data folder: the board's address is unchanged
    const back = Date.now();
    await board.locator('[data-live="true"]').waitFor({ timeout: 15_000 });
    console.log(`board live again ${Date.now() - back} ms after the hub was back`);
    expect(await board.locator('.latest .number').innerText()).toBe('A001');
    expect(await board.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // never reloaded

    const w02 = await signIn(url, 2);
    expect(await call(w02, 'w02')).toBe('A002');
    await board.locator('.latest .number', { hasText: 'A002' }).waitFor();
    expect(await board.locator('.recent .row .num').allInnerTexts()).toEqual(['A002', 'A001']);
    w02.disconnect();
    await board.context().close();
  });
});
