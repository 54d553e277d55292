// Which tickets a window may touch, over real sockets: it calls by number, cancels and re-queues only
// its own (categories it serves, tickets sent to it, held or passed there), with a bilingual refusal
// otherwise; a manager signed in at the console may do it for any window. A window cannot claim that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { connectWithCookie, raw, signIn } from './helpers.js';

let t: TestHub;
let window1: Client;
let window4: Client;
let manager: Client;

beforeAll(async () => {
  t = await startTestHub();
  window1 = await t.connect('demo-window-01');
  window4 = await t.connect('demo-window-04');
  for (const [client, nn] of [[window1, '01'], [window4, '04']] as const) {
    expect((await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' })).ok).toBe(true);
  }
  const session = await signIn(t.hub.url, 'demo-console-1', '0001');
  expect(session.body).toMatchObject({ ok: true, data: { roles: ['manager'] } });
  manager = await connectWithCookie(t.hub.url, 'demo-console-1', session.cookie);
});
afterAll(async () => {
  manager?.disconnect();
  await t?.close();
});

const notServed = (number: string) => ({
  code: 'NOT_SERVED_HERE',
  message: expect.stringContaining(`${number} 号`),
  messageEn: expect.stringContaining(`Ticket ${number}`),
});

describe('a window and the tickets of other windows', () => {
  it('calls by number only a category it serves; cancels and re-queues only its own', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    for (let i = 0; i < 2; i++) expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' })).ok).toBe(true);
    // Window 1 (comprehensive) does not serve 社会事务: B001 and B002 are window 4's.
    expect((await raw(window1, 'window:callNumber', { cmdId: cmdId(), windowId: 'w01', number: 'B001' })).error).toMatchObject(notServed('B001'));
    // Passed (过号) at window 4: window 1 may neither re-queue it nor cancel it, nor cancel B002.
    expect((await window4.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w04', number: 'B001' })).ok).toBe(true);
    expect((await window4.emitWithAck('window:noShow', { cmdId: cmdId(), windowId: 'w04' })).ok).toBe(true);
    expect((await raw(window1, 'window:requeue', { cmdId: cmdId(), windowId: 'w01', number: 'B001' })).error).toMatchObject(notServed('B001'));
    expect((await raw(window1, 'ticket:cancel', { cmdId: cmdId(), number: 'B001' })).error).toMatchObject(notServed('B001'));
    expect((await raw(window1, 'ticket:cancel', { cmdId: cmdId(), number: 'B002' })).error).toMatchObject(notServed('B002'));
    // The override is the hub's to give: a window asking for it in the payload is still refused.
    expect((await raw(window1, 'ticket:cancel', { cmdId: cmdId(), number: 'B002', override: true })).error?.code).toBe('NOT_SERVED_HERE');
    const state = async (number: string) => ((await raw(window1, 'ticket:lookup', { number })).data as { state: string }).state;
    expect([await state('B001'), await state('B002')]).toEqual(['no-show', 'waiting']);
    // Window 4 serves them.
    expect((await window4.emitWithAck('ticket:cancel', { cmdId: cmdId(), number: 'B002' })).ok).toBe(true);
  });

  it('lets a manager at the console re-queue, call and cancel them for any window', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' })).ok).toBe(true); // B003
    expect(await raw(manager, 'window:requeue', { cmdId: cmdId(), windowId: 'w01', number: 'B001' })).toMatchObject({ ok: true });
    expect(await raw(manager, 'window:callNumber', { cmdId: cmdId(), windowId: 'w01', number: 'B001' })).toMatchObject({
      ok: true,
      data: { ticket: { number: 'B001', state: 'called', windowNumber: 1 } },
    });
    expect(await raw(manager, 'ticket:cancel', { cmdId: cmdId(), number: 'B003', note: '群众离开' })).toMatchObject({ ok: true, data: { state: 'cancelled' } });
  });
});
