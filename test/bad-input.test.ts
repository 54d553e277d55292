// Malformed, oversized, unknown, unauthorised and replayed commands: each gets a clear answer,
// the hub keeps serving, and the journal stays whole.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, cmdId, startTestHub, type Client, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
let kiosk: Client;
let window1: Client;
let board: Client;

beforeAll(async () => {
  t = await startTestHub();
  kiosk = await t.connect('demo-kiosk-1');
  window1 = await t.connect('demo-window-01');
  board = await t.connect('demo-board-1');
  const signedIn = await window1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
  expect(signedIn.ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

// Payloads a typed client cannot send, sent the way a broken or hostile one would.
const raw = (client: Client, event: string, payload: unknown) =>
  (client.timeout(5000).emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string; messageEn: string } }>)(event, payload);

describe('bad input', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'A'],
    ['an array', ['A']],
    ['no cmdId', { categoryId: 'general' }],
    ['a number for categoryId', { cmdId: 'x1', categoryId: 42 }],
    ['an unknown priority', { cmdId: 'x2', categoryId: 'general', priority: 'vip' }],
    ['an invalid ID number', { cmdId: 'x3', categoryId: 'general', identity: { kind: 'id', value: '110101199003071234' } }],
    ['a cmdId with spaces', { cmdId: 'a b', categoryId: 'general' }],
  ])('refuses ticket:issue with %s', async (_name, payload) => {
    const ack = await raw(kiosk, 'ticket:issue', payload);
    expect(ack.ok).toBe(false);
    expect(ack.error?.code).toBe('BAD_REQUEST');
    expect(ack.error?.message).toMatch(/请求内容有误/);
    expect(ack.error?.messageEn).toMatch(/Invalid request/);
  });

  it('says what was wrong in Chinese in the message, and in English in messageEn', async () => {
    const socket = await raw(kiosk, 'ticket:issue', { cmdId: 42, categoryId: 'general' });
    expect(socket.error).toMatchObject({ code: 'BAD_REQUEST', message: '请求内容有误：cmdId：无效输入：期望 string，实际接收 数字', messageEn: 'Invalid request: cmdId: Invalid input: expected string, received number' });

    const rest = await fetch(`${t.hub.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceToken: 7, password: '' }) });
    expect(rest.status).toBe(400);
    expect((await rest.json()).error).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请求内容有误：deviceToken：无效输入：期望 string，实际接收 数字；password：数值过小：期望 string >=1 字符',
      messageEn: 'Invalid request: deviceToken: Invalid input: expected string, received number; password: Too small: expected string to have >=1 characters',
    });

    // A schema's own message, already in both languages, is split between them rather than doubled.
    const badId = await raw(kiosk, 'ticket:issue', { cmdId: cmdId(), categoryId: 'general', identity: { kind: 'id', value: '110105199002300028' } });
    expect(badId.error).toMatchObject({
      message: '请求内容有误：identity.value：身份证号码中的出生日期（第 7–14 位）不正确，请核对',
      messageEn: 'Invalid request: identity.value: The date of birth in that ID number (characters 7–14) is not a real date',
    });
    const badNumber = await raw(window1, 'window:callNumber', { cmdId: cmdId(), windowId: 'w01', number: '23' });
    expect(badNumber.error).toMatchObject({ message: '请求内容有误：number：号码如 A023', messageEn: 'Invalid request: number: a ticket number like A023' });
  });

  it('refuses an oversized payload with a clear error', async () => {
    const ack = await raw(kiosk, 'ticket:issue', { cmdId: 'big', categoryId: 'general', padding: 'x'.repeat(100_000) });
    expect(ack.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown categories, windows and tickets', async () => {
    expect((await raw(kiosk, 'ticket:issue', { cmdId: cmdId(), categoryId: 'NOPE' })).error?.code).toBe('UNKNOWN_CATEGORY');
    const console1 = await t.connect('demo-console-1');
    expect((await raw(console1, 'window:callNext', { cmdId: cmdId(), windowId: 'w99' })).error?.code).toBe('UNKNOWN_WINDOW');
    expect((await raw(window1, 'window:callNumber', { cmdId: cmdId(), windowId: 'w01', number: 'Z999' })).error?.code).toBe('UNKNOWN_TICKET');
  });

  it('refuses commands from the wrong role or the wrong place', async () => {
    expect((await raw(board, 'ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).error?.code).toBe('FORBIDDEN');
    expect((await raw(kiosk, 'window:callNext', { cmdId: cmdId(), windowId: 'w01' })).error?.code).toBe('FORBIDDEN');
    const pad = await t.connect('demo-pad-01');
    expect((await raw(pad, 'window:callNext', { cmdId: cmdId(), windowId: 'w01' })).error?.code).toBe('FORBIDDEN');
    const window2 = await t.connect('demo-window-02');
    expect((await raw(window2, 'window:callNext', { cmdId: cmdId(), windowId: 'w01' })).error?.code).toBe('FORBIDDEN');
    expect((await raw(window2, 'staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0201', pin: '123456' })).error?.code).toBe('FORBIDDEN');
  });

  it('refuses a wrong PIN without saying whether the staff number exists', async () => {
    const window3 = await t.connect('demo-window-03');
    const wrongPin = await raw(window3, 'staff:signIn', { cmdId: cmdId(), windowId: 'w03', staffNumber: '0301', pin: '000000' });
    const unknown = await raw(window3, 'staff:signIn', { cmdId: cmdId(), windowId: 'w03', staffNumber: '9999', pin: '000000' });
    expect(wrongPin.error).toEqual(unknown.error);
    expect(wrongPin.error?.code).toBe('BAD_PIN');
  });

  it('refuses a device without a valid token at the handshake', async () => {
    await expect(connectClient(t.hub.url, 'not-a-token')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a replayed command with its first result and does not repeat it', async () => {
    const id = cmdId();
    const first = await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'social' });
    const again = await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'social' });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.data.ticket.number).toBe(first.data.ticket.number);
    const stats = await (await fetch(`${t.hub.url}/api/stats/today`)).json();
    expect(stats.data.byCategory.social.issued).toBe(1);

    // 20 rapid presses of "call next" with one command id call exactly one ticket.
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    const press = cmdId();
    const acks = await Promise.all(Array.from({ length: 20 }, () => window1.emitWithAck('window:callNext', { cmdId: press, windowId: 'w01' })));
    const numbers = new Set(acks.map((a) => (a.ok ? a.data.ticket?.number : a.error.code)));
    expect(numbers.size).toBe(1);
    const afterCalls = await (await fetch(`${t.hub.url}/api/stats/today`)).json();
    expect(afterCalls.data.total.called).toBe(1);
  });

  it('keeps serving, and the journal is whole with consecutive sequence numbers', async () => {
    const health = await fetch(`${t.hub.url}/api/health`);
    expect(health.status).toBe(200);
    const badJson = await fetch(`${t.hub.url}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const dir = path.join(t.dataDir, 'journal');
    const lines: string[] = [];
    for (const f of await readdir(dir)) lines.push(...(await readFile(path.join(dir, f), 'utf8')).split('\n').filter(Boolean));
    const seqs = lines.map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(seqs.length).toBeGreaterThan(3);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(t.logs.filter((l) => /failed/.test(l))).toEqual([]);
  });
});
