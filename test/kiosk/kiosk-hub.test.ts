// The kiosk domain against a real hub: help requests reach the live board and the 帮办代办 window,
// suggestions reach the console and survive a restart, heartbeats and presence give uptime, and the
// read-only REST serves the guide catalogue and a ticket's progress.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KioskStatus, TicketFollow } from '@yichuang/shared/kiosk';
import type { LiveBoard } from '@yichuang/shared/live';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, next, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';

let dataDir: string;
let t: TestHub;
let console_: Client;

beforeAll(async () => {
  dataDir = await tempDir();
  t = await startTestHub({ dataDir });
  console_ = await t.connect('demo-console-1');
});
afterAll(async () => {
  await t?.close();
});

const get = async <T>(url: string): Promise<{ status: number; body: { ok: boolean; data?: T; error?: { code: string; message: string } } }> => {
  const res = await fetch(`${t.hub.url}${url}`);
  return { status: res.status, body: (await res.json()) as never };
};

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('help requests', () => {
  it('alert the live board and the 帮办代办 window (not others), are recorded, and answer a retry once', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const assistWindow = await t.connect('demo-window-14');
    const otherWindow = await t.connect('demo-window-01');
    let otherGotIt = false;
    otherWindow.on('kiosk:helpRequested', () => (otherGotIt = true));
    const toWindow = next(assistWindow, 'kiosk:helpRequested');
    const id = cmdId();
    const ack = await kiosk.emitWithAck('kiosk:help', { cmdId: id, assisted: true });
    expect(ack).toMatchObject({ ok: true, data: { deviceId: 'kiosk-1', kioskName: '1号取号机', zoneName: '办事大厅', assisted: true } });
    expect(await toWindow).toEqual(ack.ok && ack.data);
    const again = await kiosk.emitWithAck('kiosk:help', { cmdId: id, assisted: true });
    expect(again.ok && again.data.id).toBe(ack.ok && ack.data.id);

    const board = await until(async () => {
      const live = (await console_.emitWithAck('live:snapshot', {})) as { ok: boolean; data: LiveBoard };
      return live.data.alerts.find((a) => a.kind === 'help-request') ?? undefined;
    }, 'the help alert');
    expect(board).toMatchObject({ key: 'help:kiosk-1', deviceId: 'kiosk-1' });
    expect(board.message).toContain('请求工作人员帮助');
    expect(otherGotIt).toBe(false);

    const files = await readdir(path.join(dataDir, 'help'));
    expect(files).toEqual(['2026-11-23.jsonl']);
    const lines = (await readFile(path.join(dataDir, 'help', files[0]!), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ deviceId: 'kiosk-1', assisted: true });
  });

  it('may be asked by kiosks only', async () => {
    const window = await t.connect('demo-window-02');
    expect(await window.emitWithAck('kiosk:help', { cmdId: cmdId() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('suggestion box', () => {
  it('takes a suggestion by touch, masks the phone, tells the console, and is handled there', async () => {
    const kiosk = await t.connect('demo-kiosk-2');
    const told = next(console_, 'kiosk:suggestionChanged');
    const ack = await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'complaint', topics: ['waiting', 'waiting', 'staff'], windowNumber: 5, phone: '13812345678' });
    expect(ack).toMatchObject({ ok: true, data: { kind: 'complaint', topics: ['waiting', 'staff'], windowNumber: 5, contact: '138****5678', kioskName: '2号取号机' } });
    expect(JSON.stringify(ack)).not.toContain('13812345678');
    expect(await told).toMatchObject({ kind: 'complaint' });
    const id = ack.ok ? ack.data.id : '';

    expect(await kiosk.emitWithAck('kiosk:suggestions', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'suggestion', topics: [] })).toMatchObject({ ok: false, error: { code: 'SUGGESTION_EMPTY' } });
    expect(await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'praise', topics: ['staff'], phone: '12345' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    expect(await console_.emitWithAck('kiosk:handleSuggestion', { cmdId: cmdId(), id, handler: '王主任', note: '已增开窗口' })).toMatchObject({
      ok: true,
      data: { id, handled: { by: '王主任', note: '已增开窗口' } },
    });
    expect(await console_.emitWithAck('kiosk:handleSuggestion', { cmdId: cmdId(), id, handler: '王主任', note: '' })).toMatchObject({ ok: false, error: { code: 'SUGGESTION_HANDLED' } });
    expect(await console_.emitWithAck('kiosk:handleSuggestion', { cmdId: cmdId(), id: 'nope', handler: '王主任', note: '' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SUGGESTION' } });
  });
});

describe('heartbeats and presence', () => {
  it('show each kiosk online with its mode, then offline, with uptime, from durable presence records', async () => {
    const kiosk = await t.connect('demo-terminal24-1');
    expect(await kiosk.emitWithAck('kiosk:heartbeat', { mode: 'service', assisted: false })).toMatchObject({ ok: true });
    const status = async (): Promise<KioskStatus> => {
      const ack = (await console_.emitWithAck('kiosk:status', {})) as { ok: true; data: KioskStatus[] };
      return ack.data.find((k) => k.deviceId === 'terminal24-1')!;
    };
    expect(await status()).toMatchObject({ online: true, mode: 'service', assisted: false, zone: { id: 'self24' } });
    // An earlier change may still be on its way: wait for the one the next step causes.
    const changeOf = (wanted: (k: KioskStatus) => boolean): Promise<KioskStatus> =>
      new Promise((resolve) => {
        const onChange = (k: KioskStatus): void => {
          if (k.deviceId !== 'terminal24-1' || !wanted(k)) return;
          console_.off('kiosk:statusChanged', onChange);
          resolve(k);
        };
        console_.on('kiosk:statusChanged', onChange);
      });
    const changed = changeOf((k) => k.assisted === true);
    await kiosk.emitWithAck('kiosk:heartbeat', { mode: 'service', assisted: true });
    expect(await changed).toMatchObject({ deviceId: 'terminal24-1', assisted: true });

    t.clock.advance(10 * 60_000);
    const gone = changeOf((k) => !k.online);
    kiosk.disconnect();
    const offline = await gone;
    expect(offline).toMatchObject({ deviceId: 'terminal24-1', online: false });
    expect(offline.today.upMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(offline.today.spanMs).toBeGreaterThanOrEqual(offline.today.upMs);

    const records = (await readFile(path.join(dataDir, 'presence', '2026-11-23.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { t: string; device?: string });
    expect(records[0]).toMatchObject({ t: 'hub-start' });
    expect(records.filter((r) => r.device === 'terminal24-1').map((r) => r.t)).toEqual(['online', 'beats', 'offline']);
    const window = await t.connect('demo-window-03');
    expect(await window.emitWithAck('kiosk:heartbeat', { mode: 'service' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('read-only REST', () => {
  it('serves the guide catalogue with pinyin search, and one item', async () => {
    const all = await get<{ items: { id: string; name: string }[]; departments: string[]; phoneBase: string }>('/api/kiosk/items');
    expect(all.body.data!.items.length).toBeGreaterThanOrEqual(60);
    expect(all.body.data!.phoneBase).toMatch(/^http:\/\//);
    const found = await get<{ items: { name: string }[] }>('/api/kiosk/items?q=hkqy');
    expect(found.body.data!.items[0]!.name).toBe('户口迁移');
    expect((await get('/api/kiosk/items/marriage-reg')).body).toMatchObject({ ok: true, data: { name: '结婚登记', windows: [9] } });
    expect(await get('/api/kiosk/items/nope')).toMatchObject({ status: 404, body: { ok: false, error: { code: 'UNKNOWN_ITEM' } } });
  });

  it('follows a ticket for its phone page: waiting, then called at a window; other days and bad numbers are refused', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'civil' });
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'civil', identity: { kind: 'phone', value: '13912345678' } });
    const number = issued.ok ? issued.data.ticket.number : '';
    const follow = await get<TicketFollow>(`/api/kiosk/follow/${number}?d=2026-11-23`);
    expect(follow.body).toMatchObject({ ok: true, data: { number, state: 'waiting', ahead: 1, categoryName: '民政事务' } });
    // No window open for 民政事务 yet: no wait can be promised (issue #23), the page says so instead.
    expect(follow.body.data).toMatchObject({ noOpenWindow: true });
    expect(follow.body.data!.estimatedWaitMin).toBeUndefined();
    expect(JSON.stringify(follow.body)).not.toMatch(/139|5678|identity/);

    const window = await t.connect('demo-window-09');
    await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w09', staffNumber: '0901', pin: '123456' });
    const staffed = (await get<TicketFollow>(`/api/kiosk/follow/${number}`)).body.data!;
    expect(staffed.estimatedWaitMin).toBeGreaterThan(0);
    expect(staffed.noOpenWindow).toBeUndefined();
    await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w09', number });
    expect((await get<TicketFollow>(`/api/kiosk/follow/${number.toLowerCase()}`)).body).toMatchObject({ ok: true, data: { state: 'called', windowNumber: 9 } });

    expect(await get(`/api/kiosk/follow/${number}?d=2026-11-22`)).toMatchObject({ status: 410, body: { error: { code: 'TICKET_NOT_TODAY' } } });
    expect(await get('/api/kiosk/follow/Z999')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_TICKET' } } });
    expect(await get('/api/kiosk/follow/not-a-number')).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
  });
});

describe('after a restart', () => {
  it('keeps the suggestion box and starts the presence records again', async () => {
    await t.close();
    t = await startTestHub({ dataDir });
    console_ = await t.connect('demo-console-1');
    const list = await console_.emitWithAck('kiosk:suggestions', {});
    expect(list).toMatchObject({ ok: true, data: [{ kind: 'complaint', handled: { by: '王主任' } }] });
    const records = (await readFile(path.join(dataDir, 'presence', '2026-11-23.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { t: string });
    expect(records.map((r) => r.t)).toContain('hub-stop');
    expect(records.at(-1)).toMatchObject({ t: 'hub-start' });
  });
});
