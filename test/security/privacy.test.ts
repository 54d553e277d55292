// Privacy over a whole scenario: citizens give a phone number and an ID number at the kiosk and a
// phone number on the pad; staff serve them, managers read the cases and reports. Then every socket
// answer and broadcast, every REST answer and every log line is searched for the full numbers: none
// may hold one. On disk only the masked number and its keyed hash are kept; past the retention
// period the journals keep neither.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import { raw, type RawAck } from './helpers.js';

const PHONE = '13812345678';
const ID_NUMBER = '11010519491231002X';
const PAD_PHONE = '13987654321';
const BOOKING_PHONE = '13711112468';
/** The numbers whole, and long stretches of them (anything beyond the masked head and tail). */
const FULL = [PHONE, ID_NUMBER, PAD_PHONE, '1234567', '0519491231', '9876543'];
/** Whether any of them is in a text; decimal fractions (an uptime of 0.4043209876543…) are not numbers of anyone's. */
const leaks = (text: string): boolean => {
  const plain = text.replace(/\d+\.\d+/g, '');
  return FULL.some((n) => plain.includes(n));
};

let t: TestHub;
const seen: string[] = [];
const record = (where: string, value: unknown): void => void seen.push(`${where} ${JSON.stringify(value)}`);

/** Every broadcast a client receives goes into `seen`. */
async function watched(token: string): Promise<Client> {
  const client = await t.connect(token);
  client.onAny((event: string, payload: unknown) => record(`${token} ← ${event}`, payload));
  return client;
}

async function send(client: Client, event: string, payload: unknown): Promise<RawAck> {
  const ack = await raw(client, event, payload);
  record(`ack ${event}`, ack);
  return ack;
}

async function get(route: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${t.hub.url}${route}`, { headers });
  const body = await res.text();
  seen.push(`GET ${route} ${res.status} ${body}`);
  return body;
}

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

describe('personal data', () => {
  it('never leaves the hub in full: not in an answer, a broadcast, a REST reply or a log line', async () => {
    const kiosk = await watched('demo-kiosk-1');
    const window1 = await watched('demo-window-01');
    const pad = await watched('demo-pad-01');
    const console = await watched('demo-console-1');
    await watched('demo-board-1');
    await watched('demo-display-01');

    expect((await send(kiosk, 'ticket:issue', { cmdId: cmdId(), categoryId: 'general', identity: { kind: 'phone', value: PHONE } })).ok).toBe(true);
    expect((await send(kiosk, 'ticket:issue', { cmdId: cmdId(), categoryId: 'general', identity: { kind: 'id', value: ID_NUMBER } })).ok).toBe(true);
    // A refused command with a number in it: the refusal must not echo it.
    await send(kiosk, 'ticket:issue', { cmdId: cmdId(), categoryId: 'nope', identity: { kind: 'phone', value: PHONE } });
    await send(kiosk, 'ticket:issue', { cmdId: 'bad id!', categoryId: 'general', identity: { kind: 'id', value: ID_NUMBER } });

    await send(window1, 'staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
    const called = await send(window1, 'window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    expect(called.data).toMatchObject({ ticket: { number: 'A001', identity: '138****5678' } });
    await send(window1, 'window:start', { cmdId: cmdId(), windowId: 'w01' });
    await send(window1, 'window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' });
    const prompt = await send(pad, 'pad:state', { cmdId: cmdId(), windowId: 'w01' });
    const ticketId = (prompt.data as { prompt: { ticketId: string } }).prompt.ticketId;
    const rated = await send(pad, 'pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'dissatisfied', reasons: ['服务态度'], phone: PAD_PHONE });
    expect(rated.ok).toBe(true);
    await send(window1, 'window:callNext', { cmdId: cmdId(), windowId: 'w01' });

    for (const [event, payload] of [
      ['case:list', { cmdId: cmdId() }],
      ['sync:snapshot', {}],
      ['ticket:lookup', { number: 'A002' }],
      ['live:snapshot', {}],
      ['admin:config', {}],
      ['audit:list', {}],
    ] as const) {
      expect((await send(console, event, payload)).ok, event).toBe(true);
    }

    const manager = { authorization: 'Bearer demo-console-1' };
    for (const route of ['/api/health', '/api/hall', '/api/queues', '/api/windows', '/api/tickets/A001', '/api/tickets/A002', '/api/stats/today', '/api/kiosk/follow/A002', '/']) {
      await get(route);
    }
    for (const route of ['/api/reports?from=2026-11-23&to=2026-11-23', '/api/reports/tables?from=2026-11-23&to=2026-11-23', '/api/ratings/today', '/api/cases', '/api/reports/export.csv?from=2026-11-23&to=2026-11-23&table=byWindow']) {
      await get(route, manager);
    }
    seen.push(...t.logs.map((line) => `log ${line}`));

    // The scenario did reach the places personal data could leak from.
    expect(seen.some((s) => s.includes('138****5678'))).toBe(true);
    expect(seen.some((s) => s.includes('1101**********002X'))).toBe(true);
    expect(seen.some((s) => s.startsWith('GET /api/cases 200'))).toBe(true);
    expect(seen.filter(leaks)).toEqual([]);

    // The REST API for integrations carries not even the masked number.
    expect(await get('/api/tickets/A001')).not.toContain('138****5678');
  });

  it('stores the masked number and a keyed hash, never the number, and keeps the key private', async () => {
    const day = (await readdir(path.join(t.dataDir, 'journal')))[0]!;
    const journal = await readFile(path.join(t.dataDir, 'journal', day), 'utf8');
    expect(leaks(journal)).toBe(false);
    const identities = journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: { type: string; identity?: { kind: string; masked: string; hash: string } } })
      .flatMap((r) => (r.event.type === 'ticket.issued' && r.event.identity ? [r.event.identity] : []));
    expect(identities).toEqual([
      { kind: 'phone', masked: '138****5678', hash: expect.stringMatching(/^[\w-]{43}$/) },
      { kind: 'id', masked: '1101**********002X', hash: expect.stringMatching(/^[\w-]{43}$/) },
    ]);
    const key = await stat(path.join(t.dataDir, 'secret.key'));
    expect(key.size).toBe(32);
    expect(key.mode & 0o777).toBe(0o600);
  });

  it('issues the same keyed hash for the same person, so repeat visits can be counted', async () => {
    const kiosk = await t.connect('demo-kiosk-2');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social', identity: { kind: 'phone', value: PHONE } });
    const journal = await readFile(path.join(t.dataDir, 'journal', (await readdir(path.join(t.dataDir, 'journal')))[0]!), 'utf8');
    const hashes = [...journal.matchAll(/"masked":"138\*\*\*\*5678","hash":"([\w-]+)"/g)].map((m) => m[1]);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe(hashes[1]);
  });

  it('writes who viewed personal data to the audit log', async () => {
    const month = (await readdir(path.join(t.dataDir, 'audit')))[0]!;
    const audit = (await readFile(path.join(t.dataDir, 'audit', month), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { action: string; target: string; actor: { deviceId?: string } });
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'personal.view', target: 'case:list', actor: expect.objectContaining({ deviceId: 'console-1' }) }),
        expect.objectContaining({ action: 'personal.view', target: '/api/cases' }),
        expect.objectContaining({ action: 'personal.export', target: expect.stringContaining('/api/reports/export.csv') }),
      ]),
    );
  });
});

describe('retention', () => {
  it('purges masked numbers and their hashes from journals older than the retention period', async () => {
    const dataDir = await tempDir();
    // A day in June 2025 with a phone number at the kiosk and on the pad (a real-name bad rating).
    const before = await startTestHub({ dataDir, start: Date.parse('2025-06-02T02:00:00Z') });
    const kiosk = await before.connect('demo-kiosk-1');
    const window1 = await before.connect('demo-window-01');
    const pad = await before.connect('demo-pad-01');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general', identity: { kind: 'phone', value: PHONE } });
    await window1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
    await window1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    await window1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' });
    await window1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' });
    const prompt = await pad.emitWithAck('pad:state', { cmdId: cmdId(), windowId: 'w01' });
    const ticketId = prompt.ok ? prompt.data.prompt!.ticketId : '';
    expect((await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'satisfied', reasons: [], phone: PAD_PHONE })).ok).toBe(true);
    // A booking for the next morning and a complaint in the suggestion box, each with a phone number.
    const staff = await before.connect('demo-console-1');
    const slotStart = Date.parse('2025-06-03T01:00:00Z');
    expect(await staff.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'general', slotStart, name: '赵钱孙', phone: BOOKING_PHONE })).toMatchObject({ ok: true });
    expect((await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'complaint', topics: ['waiting'], phone: BOOKING_PHONE })).ok).toBe(true);
    await before.close();
    expect(await readFile(path.join(dataDir, 'suggestions.jsonl'), 'utf8')).toContain('137****2468');
    const oldDay = path.join(dataDir, 'journal', '2025-06-02.jsonl');
    expect(await readFile(oldDay, 'utf8')).toContain('138****5678');

    // Eighteen months later: today's first ticket, then a retention change runs the job.
    const now = await startTestHub({ dataDir });
    const console = await now.connect('demo-console-1');
    await (await now.connect('demo-kiosk-1')).emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect((await console.emitWithAck('admin:saveRetention', { cmdId: cmdId(), retention: { personalDataDays: 180 } })).ok).toBe(true);
    // The job's last step is its audit entry.
    const purges = async () => {
      const audit = await console.emitWithAck('audit:list', {});
      return audit.ok ? audit.data.filter((e) => e.action === 'personal.purge') : [];
    };
    // Ticket, rating, booking and the notice of the booking.
    await expect.poll(purges, { timeout: 10_000 }).toEqual([expect.objectContaining({ after: { days: ['2025-06-02'], records: 4 } })]);
    // The numbers as written, masked or whole (not any '5678', which a record's random id may hold).
    expect(await readFile(oldDay, 'utf8')).not.toMatch(/\*{4}5678|\*{4}2468|13812345678|13711112468|赵/);
    await expect.poll(async () => readFile(path.join(dataDir, 'suggestions.jsonl'), 'utf8'), { timeout: 10_000 }).not.toContain('2468');

    const records = (await readFile(oldDay, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { seq: number; event: Record<string, unknown> });
    const issued = records.find((r) => r.event.type === 'ticket.issued')!;
    const rating = records.find((r) => r.event.type === 'rating.recorded')!;
    // The kind stays (a real-name visit still counts as one); the number and its hash are gone.
    expect(issued.event.identity).toEqual({ kind: 'phone', masked: '' });
    expect(rating.event.contact).toEqual({ kind: 'phone', masked: '' });
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => records[0]!.seq + i));
    // The job at start may have purged already (the hub's first command today came first): the retention change's run follows.
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(dataDir, 'retention.json'), 'utf8')) as unknown, { timeout: 10_000 })
      .toMatchObject({ purgedBefore: expect.stringMatching(/^2026-/) });
    await now.close();
  });
});
