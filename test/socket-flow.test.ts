// A kiosk issues, a window calls, the board sees it; a board that reconnects resyncs and misses nothing.
// Each screen gets what it shows: the board the queues and the call, the window staff the tickets too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallSnapshot } from '@yichuang/shared/domain';
import { io } from 'socket.io-client';
import { cmdId, next, startTestHub, type Client, type TestHub } from './helpers/test-hub.js';

const PIN = '123456';
let t: TestHub;

beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.close();
});

async function signIn(window: Client, windowId: string, staffNumber: string): Promise<void> {
  const ack = await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId, staffNumber, pin: PIN });
  expect(ack).toMatchObject({ ok: true });
}

async function snapshot(client: Client): Promise<HallSnapshot> {
  const ack = await client.emitWithAck('sync:snapshot', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

describe('kiosk → window → board over real sockets', () => {
  it('issues, calls and shows the call on the board with the window number', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const board = await t.connect('demo-board-1');
    const window = await t.connect('demo-window-01');
    const socialOnBoard = next(board, 'queues:changed');
    const socialAtWindow = next(window, 'hall:gathered');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' });
    await socialOnBoard;
    await socialAtWindow;
    const before = await snapshot(board);

    // Boards get the queues a moment later, gathered with whatever else changed them meanwhile.
    const issuedOnBoard = next(board, 'queues:changed');
    const issuedAtWindow = next(window, 'hall:gathered');
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(issued).toMatchObject({ ok: true, data: { ticket: { number: 'A001', state: 'waiting', ahead: 0 } } });
    const seen = await issuedOnBoard;
    // Only the queue that changed travels, and no ticket: boards list none.
    expect(seen).not.toHaveProperty('ticket');
    expect(seen.queues.map((q) => [q.categoryId, q.waiting])).toEqual([['general', 1]]);
    // Window staff get the ticket itself, gathered the same way: one message however many were issued.
    expect((await issuedAtWindow).broadcasts.map((b) => [b.name, b.event.ticket?.number])).toEqual([['ticket:issued', 'A001']]);

    await signIn(window, 'w01', '0101');
    const calledOnBoard = next(board, 'ticket:called');
    const called = await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    expect(called).toMatchObject({ ok: true, data: { ticket: { number: 'A001', state: 'called', windowNumber: 1 } } });
    const call = await calledOnBoard;
    expect(call.call).toMatchObject({ ticketNumber: 'A001', windowNumber: 1, windowId: 'w01' });
    expect(call.window.current?.number).toBe('A001');
    expect(call.window.staff?.name).toBeTruthy();
    // Sequence numbers run on without gaps: the queues, the sign-in, the call.
    expect(call.seq).toBe(before.seq + 3);
  });

  it('a board that reconnects gets a snapshot holding everything it missed', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const window = await t.connect('demo-window-01');
    const board = await t.connect('demo-board-1');
    await signIn(window, 'w01', '0101');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });

    board.disconnect();
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' });
    await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });

    const welcomed = new Promise((resolve) => board.once('device:welcome', resolve));
    board.connect();
    await welcomed;
    const snap = await snapshot(board);
    expect(snap.recentCalls[0]).toMatchObject({ ticketNumber: 'A001', windowNumber: 1 });
    expect(snap.windows.find((w) => w.id === 'w01')?.current?.number).toBe('A001');
    expect(snap.queues.find((q) => q.categoryId === 'general')?.waiting).toBe(1);
    expect(snap.queues.find((q) => q.categoryId === 'social')?.waiting).toBe(1);
    expect(snap.tickets).toEqual([]);
    // The window staff's snapshot lists the tickets.
    expect((await snapshot(window)).tickets.map((x) => x.number).sort()).toEqual(['A001', 'A002', 'B001']);

    // After the snapshot, the next broadcast continues from its seq.
    const following = next(board, 'queues:changed');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'insurance' });
    expect((await following).seq).toBe(snap.seq + 1);
  });

  it('serves long-polling clients too (browsers start with it) without upsetting the HTTP routes', async () => {
    const polling = io(t.hub.url, { auth: { token: 'demo-board-1' }, transports: ['polling'], forceNew: true }) as Client;
    await new Promise((resolve) => polling.once('device:welcome', resolve));
    const snap = await snapshot(polling);
    polling.disconnect();
    expect(snap.hall.id).toBe('demo-district');
    expect((await fetch(`${t.hub.url}/api/health`)).status).toBe(200);
  });

  it('serves health and the read-only REST API', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general', identity: { kind: 'phone', value: '13812345678' } });
    const health = await (await fetch(`${t.hub.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, hall: 'demo-district' });
    const ticket = await (await fetch(`${t.hub.url}/api/tickets/a001`)).json();
    expect(ticket).toMatchObject({ ok: true, data: { number: 'A001' } });
    // The integrations API carries no personal data, not even the masked number.
    expect(JSON.stringify(ticket)).not.toMatch(/13812345678|5678/);
    const missing = await fetch(`${t.hub.url}/api/tickets/Z999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TICKET' } });
    const stats = await (await fetch(`${t.hub.url}/api/stats/today`)).json();
    expect(stats.data.total).toMatchObject({ issued: 1, waiting: 1 });
  });
});
