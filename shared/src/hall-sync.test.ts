import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallView, HallSnapshot, QueueView, TicketView, WindowView } from './domain.js';
import type { TicketCalled, TicketChanged } from './events.js';
import { newCmdId } from './command-id.js';
import { HallSync, type HallSocket } from './hall-sync.js';

type Listener = (...args: unknown[]) => void;
type AckCb = (answer: unknown) => void;

/** A stand-in for a socket.io client socket: records emits, lets the test play the hub. */
class FakeSocket {
  connected = false;
  active = true;
  readonly emitted: { event: string; payload: unknown; ack: AckCb }[] = [];
  private readonly handlers = new Map<string, Set<Listener>>();

  on(event: string, fn: Listener): this {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(fn);
    return this;
  }
  off(event: string, fn: Listener): this {
    this.handlers.get(event)?.delete(fn);
    return this;
  }
  emit(event: string, payload: unknown, ack: AckCb): this {
    if (!this.connected) throw new Error(`emit ${event} while disconnected`);
    this.emitted.push({ event, payload, ack });
    return this;
  }
  connect(): this {
    return this;
  }
  /** The hub side: fire an event at the client. */
  fire(event: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  up(): void {
    this.connected = true;
    this.fire('connect');
  }
  down(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  take(event: string): { event: string; payload: unknown; ack: AckCb }[] {
    const out = this.emitted.filter((e) => e.event === event);
    for (const e of out) this.emitted.splice(this.emitted.indexOf(e), 1);
    return out;
  }
  asSocket(): HallSocket {
    return this as unknown as HallSocket;
  }
}

const queues = (waiting: number): QueueView[] => [
  { categoryId: 'c1', prefix: 'A', name: '综合受理', nameEn: 'General intake', waiting, estimatedWaitMin: waiting * 5 },
];

const win = (over: Partial<WindowView> = {}): WindowView => ({
  id: 'w01',
  number: 1,
  name: '1号窗口',
  nameEn: 'Window 1',
  kind: 'comprehensive',
  status: 'open',
  categories: [{ categoryId: 'c1', weight: 1 }],
  ...over,
});

const ticket = (number: string, over: Partial<TicketView> = {}): TicketView => ({
  id: `t-${number}`,
  number,
  categoryId: 'c1',
  priority: 'normal',
  source: 'kiosk',
  state: 'waiting',
  issuedAt: 1_000,
  recalls: 0,
  ...over,
});

function snapshot(seq: number, over: Partial<HallSnapshot> = {}): HallSnapshot {
  return {
    seq,
    day: '2026-11-23',
    at: 1_000,
    hall: { id: 'h', name: '区政务服务中心', nameEn: 'District Service Centre', address: '', timeZone: 'Asia/Shanghai' },
    categories: [],
    windows: [win()],
    queues: queues(0),
    tickets: [],
    recentCalls: [],
    open: true,
    ...over,
  };
}

function changed(seq: number, t: TicketView, waiting: number, window?: WindowView): TicketChanged {
  return { seq, at: 2_000 + seq, ticket: t, queues: queues(waiting), ...(window ? { window } : {}) };
}

function called(seq: number, t: TicketView, waiting: number): TicketCalled {
  const w = win({ current: t });
  const call: CallView = { ticketNumber: t.number, windowId: 'w01', windowNumber: 1, windowName: '1号窗口', categoryId: 'c1', at: 2_000 + seq, recall: 0 };
  return { ...changed(seq, t, waiting, w), window: w, call };
}

/** Answers the one outstanding snapshot request. */
function answerSnapshot(fake: FakeSocket, s: HallSnapshot): void {
  const asks = fake.take('sync:snapshot');
  expect(asks).toHaveLength(1);
  asks[0]!.ack({ ok: true, data: s });
}

describe('HallSync', () => {
  let fake: FakeSocket;
  let sync: HallSync;
  let ids: number;

  beforeEach(() => {
    vi.useFakeTimers();
    fake = new FakeSocket();
    ids = 0;
    sync = new HallSync(fake.asSocket(), { newId: () => `cmd-${++ids}`, commandTimeoutMs: 5_000, snapshotTimeoutMs: 3_000 });
  });
  afterEach(() => {
    sync.destroy();
    vi.useRealTimers();
  });

  it('asks for a snapshot on connect and goes live with it', () => {
    expect(sync.status).toBe('connecting');
    const seen: string[] = [];
    sync.onChange((s) => seen.push(s.status));
    fake.up();
    expect(sync.status).toBe('syncing');
    answerSnapshot(fake, snapshot(5));
    expect(sync.status).toBe('live');
    expect(sync.snapshot?.seq).toBe(5);
    expect(seen).toEqual(['syncing', 'live']);
  });

  it('applies in-order broadcasts to its copy', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    const a1 = ticket('A001');
    fake.fire('ticket:issued', changed(6, a1, 1));
    expect(sync.snapshot?.tickets.map((t) => t.number)).toEqual(['A001']);
    expect(sync.snapshot?.queues[0]?.waiting).toBe(1);

    const a1called = ticket('A001', { state: 'called', windowId: 'w01', windowNumber: 1 });
    fake.fire('ticket:called', called(7, a1called, 0));
    expect(sync.snapshot?.seq).toBe(7);
    expect(sync.snapshot?.tickets[0]?.state).toBe('called');
    expect(sync.snapshot?.windows[0]?.current?.number).toBe('A001');
    expect(sync.snapshot?.recentCalls.map((c) => c.ticketNumber)).toEqual(['A001']);

    fake.fire('ticket:finished', changed(8, ticket('A001', { state: 'finished', outcome: 'done' }), 0, win()));
    expect(sync.snapshot?.tickets).toEqual([]);
    expect(sync.snapshot?.windows[0]?.current).toBeUndefined();

    fake.fire('window:changed', { seq: 9, at: 3_000, window: win({ status: 'paused', pauseReason: 'meal' }) });
    expect(sync.snapshot?.windows[0]?.status).toBe('paused');
    expect(sync.snapshot?.seq).toBe(9);
    expect(fake.take('sync:snapshot')).toHaveLength(0); // no resync needed
  });

  it('applies gathered broadcasts one after another, as if each had come alone, and tells its listeners of each', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    const heard: [string, number][] = [];
    sync.onBroadcast((name, e) => heard.push([name, e.seq]));
    // 5 is in the snapshot already (gathered before it was taken, sent after).
    const gathered = [5, 6, 7].map((seq) => ({ name: 'ticket:issued', event: changed(seq, ticket(`A00${seq}`), seq) }));
    fake.fire('hall:gathered', { broadcasts: [...gathered, { name: 'ticket:printed', event: changed(8, ticket('A006', { printed: true }), 7) }] });
    expect(sync.snapshot?.seq).toBe(8);
    expect(sync.snapshot?.tickets.map((t) => [t.number, t.printed])).toEqual([['A006', true], ['A007', undefined]]);
    expect(heard).toEqual([['ticket:issued', 6], ['ticket:issued', 7], ['ticket:printed', 8]]);
    expect(fake.take('sync:snapshot')).toHaveLength(0);
    // A gap inside a gathered message is a gap: a fresh snapshot.
    fake.fire('hall:gathered', { broadcasts: [{ name: 'ticket:issued', event: changed(10, ticket('A010'), 9) }] });
    expect(fake.take('sync:snapshot')).toHaveLength(1);
  });

  it('keeps every change in a new object, so screens can compare by reference', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    const before = sync.snapshot;
    fake.fire('ticket:issued', changed(6, ticket('A001'), 1));
    expect(sync.snapshot).not.toBe(before);
    expect(before?.tickets).toEqual([]);
  });

  it('caps recent calls at 20, latest first', () => {
    fake.up();
    answerSnapshot(fake, snapshot(0));
    for (let i = 1; i <= 25; i++) fake.fire('ticket:called', called(i, ticket(`A${String(i).padStart(3, '0')}`, { state: 'called' }), 0));
    expect(sync.snapshot?.recentCalls).toHaveLength(20);
    expect(sync.snapshot?.recentCalls[0]?.ticketNumber).toBe('A025');
  });

  it('ignores broadcasts already in the snapshot', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    fake.fire('ticket:issued', changed(5, ticket('A009'), 9));
    expect(sync.snapshot?.tickets).toEqual([]);
    expect(fake.take('sync:snapshot')).toHaveLength(0);
  });

  it('resyncs on a gap, then replays what came after the new snapshot', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    fake.fire('ticket:issued', changed(8, ticket('A003'), 3)); // 6 and 7 were missed
    expect(sync.snapshot?.seq).toBe(5);
    expect(sync.snapshot?.tickets).toEqual([]);
    // A broadcast arriving while the snapshot is on its way is held, not applied.
    fake.fire('ticket:issued', changed(9, ticket('A004'), 4));
    const asks = fake.take('sync:snapshot');
    expect(asks).toHaveLength(1); // one request, not one per broadcast
    asks[0]!.ack({ ok: true, data: snapshot(8, { tickets: [ticket('A001'), ticket('A002'), ticket('A003')], queues: queues(3) }) });
    expect(sync.status).toBe('live');
    expect(sync.snapshot?.seq).toBe(9);
    expect(sync.snapshot?.tickets.map((t) => t.number)).toEqual(['A001', 'A002', 'A003', 'A004']);
    expect(sync.snapshot?.queues[0]?.waiting).toBe(4);
  });

  it('resyncs on day:started', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5, { tickets: [ticket('A001')] }));
    fake.fire('day:started', { seq: 6, at: 9_000, day: '2026-11-24' });
    answerSnapshot(fake, snapshot(6, { day: '2026-11-24' }));
    expect(sync.snapshot?.day).toBe('2026-11-24');
    expect(sync.snapshot?.tickets).toEqual([]);
  });

  it('asks again when a resync is wanted while a snapshot is on its way (a configuration changed meanwhile)', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    sync.resync(); // config:changed: a category added
    sync.resync(); // config:changed again before the answer: a window serving it added
    answerSnapshot(fake, snapshot(5, { queues: queues(0) }));
    answerSnapshot(fake, snapshot(5, { queues: queues(2) }));
    expect(sync.snapshot?.queues[0]?.waiting).toBe(2);
    expect(fake.take('sync:snapshot')).toHaveLength(0);
  });

  it('resyncs after a reconnect and drops what it held from the old connection', () => {
    fake.up();
    answerSnapshot(fake, snapshot(5));
    fake.down();
    expect(sync.status).toBe('connecting');
    expect(sync.snapshot?.seq).toBe(5); // stale data stays on screen until the snapshot
    fake.up();
    expect(sync.status).toBe('syncing');
    answerSnapshot(fake, snapshot(12, { tickets: [ticket('A007')] }));
    expect(sync.status).toBe('live');
    expect(sync.snapshot?.seq).toBe(12);
    fake.fire('ticket:issued', changed(13, ticket('A008'), 2));
    expect(sync.snapshot?.tickets.map((t) => t.number)).toEqual(['A007', 'A008']);
  });

  it('ignores a snapshot answer from before a reconnect', () => {
    fake.up();
    const [old] = fake.take('sync:snapshot');
    fake.down();
    fake.up();
    old!.ack({ ok: true, data: snapshot(3) });
    expect(sync.snapshot).toBeNull();
    answerSnapshot(fake, snapshot(4));
    expect(sync.snapshot?.seq).toBe(4);
  });

  it('asks again when a snapshot goes unanswered', () => {
    fake.up();
    fake.take('sync:snapshot');
    vi.advanceTimersByTime(3_000);
    answerSnapshot(fake, snapshot(2));
    expect(sync.status).toBe('live');
  });

  it('answers a command with the hub ack', async () => {
    fake.up();
    const p = sync.command('window:callNext', { windowId: 'w01' });
    const [sent] = fake.take('window:callNext');
    expect(sent!.payload).toEqual({ windowId: 'w01', cmdId: 'cmd-1' });
    sent!.ack({ ok: true, data: { window: win() } });
    await expect(p).resolves.toEqual({ ok: true, data: { window: win() } });
  });

  it('re-sends an unanswered command after a reconnect with the same cmdId, and resolves once', async () => {
    fake.up();
    const p = sync.command('window:callNext', { windowId: 'w01' });
    const [first] = fake.take('window:callNext');
    fake.down();
    fake.up();
    const [again] = fake.take('window:callNext');
    expect(again!.payload).toEqual(first!.payload);
    again!.ack({ ok: true, data: { window: win() } });
    first!.ack({ ok: false, error: { code: 'INTERNAL', message: 'x', messageEn: 'x' } });
    await expect(p).resolves.toMatchObject({ ok: true });
  });

  it('waits for the connection before sending a command', async () => {
    const p = sync.command('ticket:issue', { categoryId: 'c1' });
    expect(fake.emitted).toHaveLength(0);
    fake.up();
    const [sent] = fake.take('ticket:issue');
    sent!.ack({ ok: false, error: { code: 'OUTSIDE_HOURS', message: '现在不在办理时间', messageEn: 'Outside hours' } });
    await expect(p).resolves.toMatchObject({ ok: false, error: { code: 'OUTSIDE_HOURS' } });
  });

  it('times out, and an identical retry reuses the cmdId; a fresh command after an answer does not', async () => {
    fake.up();
    const p = sync.command('window:callNext', { windowId: 'w01' });
    vi.advanceTimersByTime(5_000);
    await expect(p).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    const retry = sync.command('window:callNext', { windowId: 'w01' });
    const sent = fake.take('window:callNext');
    expect(sent.map((s) => (s.payload as { cmdId: string }).cmdId)).toEqual(['cmd-1', 'cmd-1']);
    sent[1]!.ack({ ok: true, data: { window: win() } });
    await retry;
    void sync.command('window:callNext', { windowId: 'w01' });
    expect((fake.take('window:callNext')[0]!.payload as { cmdId: string }).cmdId).toBe('cmd-2');
  });

  it('forgetRetries makes the next command new', async () => {
    fake.up();
    const p = sync.command('ticket:issue', { categoryId: 'c1' });
    vi.advanceTimersByTime(5_000);
    await p;
    sync.forgetRetries();
    void sync.command('ticket:issue', { categoryId: 'c1' });
    expect(fake.take('ticket:issue').map((s) => (s.payload as { cmdId: string }).cmdId)).toEqual(['cmd-1', 'cmd-2']);
  });

  it('reports a refused handshake and tries again later', () => {
    const connect = vi.spyOn(fake, 'connect');
    fake.active = false;
    fake.fire('connect_error', Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: '设备未登记', messageEn: 'Not paired' } }));
    expect(sync.status).toBe('denied');
    expect(sync.error?.message).toBe('设备未登记');
    vi.advanceTimersByTime(10_000);
    expect(connect).toHaveBeenCalledOnce();
  });

  it('stores the device welcome', () => {
    fake.fire('device:welcome', { device: { id: 'd1', name: '1号窗口', role: 'window', windowId: 'w01', demo: true }, hall: { name: '示范大厅', nameEn: 'Demo hall' }, hubVersion: '0.1.0' });
    expect(sync.welcome?.device.windowId).toBe('w01');
  });
});

describe('newCmdId', () => {
  it('makes distinct ids the hub schema accepts', () => {
    const a = newCmdId();
    const b = newCmdId();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[\w.:-]{1,64}$/);
  });
});

describe('newCmdId without randomUUID (plain-http LAN page)', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('falls back to getRandomValues and still makes a v4 UUID', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array<ArrayBuffer>) => real.getRandomValues(b) });
    const id = newCmdId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCmdId()).not.toBe(id);
  });
});
