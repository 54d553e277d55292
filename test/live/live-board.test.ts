// The managers' live board over real sockets: a long queue raises the wait alert and the tidal
// suggestion; accepting it switches the tidal window live; settings and alerts are durable.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HallConfig } from '@yichuang/shared/domain';
import type { LiveBoard } from '@yichuang/shared/live';
import { cmdId, next, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import type { JournalRecord } from '../../hub/src/storage/journal.js';

const MINUTE = 60_000;
let t: TestHub;

beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.close();
});

async function signIn(windowNumber: number): Promise<Client> {
  const nn = String(windowNumber).padStart(2, '0');
  const client = await t.connect(`demo-window-${nn}`);
  const ack = await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' });
  expect(ack).toMatchObject({ ok: true });
  return client;
}

/** The board without the holiday-calendar alert: the demo calendar ends 2026-12-31, 38 days after the tests' day (calendar-check.test.ts has it). */
async function live(console: Client): Promise<LiveBoard> {
  const ack = await console.emitWithAck('live:snapshot', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { ...ack.data, alerts: ack.data.alerts.filter((a) => a.kind !== 'calendar-ending') };
}

describe('live board', () => {
  it('a long queue raises the wait alert and the tidal suggestion; accepting switches the tidal window live', async () => {
    const console = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    await signIn(8); // 税务: the one window for tax
    const tidal = await signIn(15); // serves general (A) first
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    for (let i = 0; i < 8; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });

    // 8 waiting at one window, 6 minutes each: 48 min expected, over the 40-minute threshold.
    const before = await live(console);
    expect(before.suggestions).toEqual([expect.objectContaining({ categoryId: 'tax', windowId: 'w15', windowNumber: 15, estimatedWaitMin: 48 })]);
    expect(before.alerts).toEqual([]);
    expect(before.categories.find((c) => c.categoryId === 'tax')).toMatchObject({ waiting: 8, longest: { ticketNumber: 'F001', waitMin: 0 } });

    t.clock.advance(31 * MINUTE);
    const later = await live(console);
    // No board has been online since the hub started: that is an alert of its own (none-online).
    expect(later.alerts.filter((a) => a.kind !== 'long-wait').map((a) => a.key)).toEqual(['check:none-online:board']);
    const waits = later.alerts.filter((a) => a.kind === 'long-wait');
    expect(waits).toHaveLength(2);
    expect(waits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'long-wait', ticketNumber: 'A001', message: '综合受理（无差别）：A001 号已等候超过 30 分钟' }),
        expect.objectContaining({ kind: 'long-wait', ticketNumber: 'F001' }),
      ]),
    );
    const taxAlert = later.alerts.find((a) => a.ticketNumber === 'F001')!;

    const accepted = await console.emitWithAck('live:assignTidal', { cmdId: cmdId(), windowId: 'w15', categoryId: 'tax' });
    expect(accepted).toMatchObject({ ok: true, data: { id: 'w15', categories: [{ categoryId: 'tax', weight: 10 }] } });
    expect((await live(console)).suggestions).toEqual([]);
    // The switch is journaled with who made it (the configuration keeps the window's own categories).
    const journal = (await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as JournalRecord);
    expect(journal.find((r) => r.event.type === 'window.assigned')).toMatchObject({ actor: { deviceId: 'console-1' }, event: { windowId: 'w15', categoryId: 'tax' } });
    const onDisk = JSON.parse(await readFile(path.join(t.dataDir, 'config.json'), 'utf8')) as HallConfig;
    expect(onDisk.windows.find((w) => w.id === 'w15')?.categories).not.toEqual([{ categoryId: 'tax', weight: 10 }]);

    // A001 arrived first, but the tidal window now calls the long queue.
    const called = await tidal.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w15' });
    expect(called).toMatchObject({ ok: true, data: { ticket: { number: 'F001' } } });

    const acked = await console.emitWithAck('live:acknowledge', { cmdId: cmdId(), alertId: taxAlert.id });
    expect(acked).toMatchObject({ ok: true, data: { id: taxAlert.id, acknowledged: { deviceId: 'console-1' } } });
    const alerts = JSON.parse(await readFile(path.join(t.dataDir, 'alerts.json'), 'utf8')) as { alerts: { id: string; acknowledged?: unknown }[] };
    expect(alerts.alerts.find((a) => a.id === taxAlert.id)?.acknowledged).toBeTruthy();
    expect((await live(console)).windows.find((w) => w.windowId === 'w15')).toMatchObject({
      status: 'open',
      staffName: '胡斌',
      current: { ticketNumber: 'F001', state: 'called' },
      categories: [{ categoryId: 'tax', weight: 10 }],
    });
  });

  it('a window paused too long raises an alert that clears when it resumes; a board gone offline too', async () => {
    const console = await t.connect('demo-console-1');
    const window = await signIn(3);
    const board = await t.connect('demo-board-1');
    await window.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w03', reason: 'meeting' });
    board.disconnect();
    t.clock.advance(20 * MINUTE);
    // The hub hears of the disconnect a moment later; each try moves the clock past the grace time.
    const raised = await vi.waitFor(async () => {
      t.clock.advance(61_000);
      const board = await live(console);
      expect(board.alerts.map((a) => a.kind)).toContain('device-offline');
      return board;
    });
    expect(raised.alerts.map((a) => [a.kind, a.message]).sort()).toEqual([
      ['device-offline', expect.stringMatching(/^大厅叫号屏 自 \d\d:\d\d 起离线$/)],
      ['none-online', '自 10:00 起没有在线的取号机'],
      ['none-online', expect.stringMatching(/^自 \d\d:\d\d 起没有在线的叫号屏$/)],
      ['paused-too-long', '3 号窗口暂停服务已超过 20 分钟（会议）'],
    ]);
    await window.emitWithAck('window:unpause', { cmdId: cmdId(), windowId: 'w03' });
    const cleared = await live(console);
    const paused = cleared.alerts.find((a) => a.kind === 'paused-too-long');
    expect(paused?.resolvedAt).toBeDefined();
    expect(cleared.alerts.filter((a) => a.resolvedAt === undefined).map((a) => a.kind)).toEqual(['device-offline', 'none-online', 'none-online']);
    expect(cleared.alerts.at(-1)?.kind).toBe('paused-too-long'); // closed: listed after the open ones
  });

  it('alerts raised by other domains on the hub bus (a bad rating on a pad) reach the live board', async () => {
    const console = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    const window = await signIn(4);
    const pad = await t.connect('demo-pad-04');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' });
    await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w04' });
    await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w04' });
    await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w04', outcome: 'done' });
    const rated = await pad.emitWithAck('pad:rate', {
      cmdId: cmdId(),
      windowId: 'w04',
      ticketId: '2026-11-23/B001',
      level: 'very-dissatisfied',
      reasons: ['办事效率'],
    });
    expect(rated).toMatchObject({ ok: true });
    // The ratings domain raises it on the bus after the rating is journaled.
    const board = await vi.waitFor(async () => {
      const b = await live(console);
      expect(b.alerts).toHaveLength(1);
      return b;
    });
    expect(board.alerts).toEqual([expect.objectContaining({ kind: 'bad-rating', windowId: 'w04', ticketNumber: 'B001', count: 1 })]);
    expect(board.alerts[0]!.message).toBeTruthy();
  });

  it('the notice, voice and per-board filter reach the board and survive a restart', async () => {
    const console = await t.connect('demo-console-1');
    const board = await t.connect('demo-board-1');
    const changed = next(board, 'board:settingsChanged');
    const saved = await console.emitWithAck('live:updateSettings', {
      cmdId: cmdId(),
      notice: '今天下午 16:00 起暂停不动产业务',
      voice: { template: '请 {number} 号到 {window} 号窗口', repeat: 1 },
    });
    expect(saved).toMatchObject({ ok: true, data: { notice: '今天下午 16:00 起暂停不动产业务' } });
    expect(await changed).toMatchObject({ notice: '今天下午 16:00 起暂停不动产业务', voice: { repeat: 1, enabled: true }, windows: null });

    const filtered = next(board, 'board:settingsChanged');
    const set = await console.emitWithAck('live:setBoard', { cmdId: cmdId(), deviceId: 'board-1', categories: ['general', 'tax'], zones: ['hall'], voice: false });
    expect(set.ok).toBe(true);
    const view = await filtered;
    expect(view).toMatchObject({ categories: ['general', 'tax'], voice: { enabled: false } });
    expect(view.windows).toHaveLength(17);

    const dataDir = t.dataDir;
    await t.hub.close();
    const again = await startTestHub({ dataDir });
    try {
      const board2 = await again.connect('demo-board-1');
      expect(await board2.emitWithAck('board:settings', {})).toMatchObject({
        ok: true,
        data: { notice: '今天下午 16:00 起暂停不动产业务', voice: { template: '请 {number} 号到 {window} 号窗口', repeat: 1, enabled: false }, categories: ['general', 'tax'] },
      });
    } finally {
      await again.close();
    }
  });

  it('writes a tidal switch and an acknowledgement to the audit log once, however often they are retried', async () => {
    const console = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    await signIn(15);
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' }); // nobody at 税务: an alert
    const alert = (await live(console)).alerts.find((a) => a.kind === 'no-open-window')!;
    const switchId = cmdId();
    const ackId = cmdId();
    for (let i = 0; i < 2; i++) {
      expect(await console.emitWithAck('live:assignTidal', { cmdId: switchId, windowId: 'w15', categoryId: 'tax' })).toMatchObject({ ok: true });
      expect(await console.emitWithAck('live:acknowledge', { cmdId: ackId, alertId: alert.id })).toMatchObject({ ok: true });
    }
    const audit = (await readFile(path.join(t.dataDir, 'audit', '2026-11.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { action: string });
    expect(audit.filter((e) => e.action === 'tidal.assign')).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'alert.acknowledge')).toHaveLength(1);
  });

  it('refuses bad settings and strangers, in Chinese and English', async () => {
    const console = await t.connect('demo-console-1');
    const board = await t.connect('demo-board-1');
    const noNumber = await console.emitWithAck('live:updateSettings', { cmdId: cmdId(), voice: { template: '请到 {window} 号窗口', repeat: 1 } });
    expect(noNumber).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!noNumber.ok && noNumber.error.message).toContain('模板须包含 {number} 和 {window}');
    expect(await console.emitWithAck('live:setBoard', { cmdId: cmdId(), deviceId: 'kiosk-1', categories: [], zones: [], voice: true })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_BOARD', message: '没有这块叫号屏：kiosk-1', messageEn: 'No such board: kiosk-1' },
    });
    expect(await console.emitWithAck('live:setBoard', { cmdId: cmdId(), deviceId: 'board-1', categories: [], zones: ['moon'], voice: true })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ZONE' },
    });
    expect(await console.emitWithAck('live:assignTidal', { cmdId: cmdId(), windowId: 'w01', categoryId: 'tax' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_TIDAL_WINDOW', message: 'w01 不是潮汐窗口' },
    });
    expect(await console.emitWithAck('live:acknowledge', { cmdId: cmdId(), alertId: 'a404' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ALERT' } });
    expect(await board.emitWithAck('live:updateSettings', { cmdId: cmdId(), notice: 'hacked' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await board.emitWithAck('live:snapshot', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await console.emitWithAck('live:updateSettings', { cmdId: cmdId() })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
