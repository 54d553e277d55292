// Who sees a ticket's masked phone or ID tail: the window staff who serve it (for real-name follow-up)
// and the kiosk that issued it (in its own answer). Consoles get the same broadcasts, numbered alike,
// without it; boards, displays, pads and kiosks follow streams of their own that never carry it; nor
// do their snapshots and look-ups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatheredBroadcasts } from '@yichuang/shared/events';
import { cmdId, next, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

const MASKED = '138****5678';
const PUBLIC = ['demo-board-1', 'demo-display-01', 'demo-pad-01', 'demo-kiosk-2', 'demo-console-1'] as const;

let t: TestHub;
let kiosk: Client;
let window1: Client;
type Heard = { event: string; payload: unknown };
const heard = new Map<string, Heard[]>();
const clients = new Map<string, Client>();

async function listening(token: string): Promise<Client> {
  const client = await t.connect(token);
  const list: Heard[] = [];
  heard.set(token, list);
  clients.set(token, client);
  client.onAny((event: string, payload: unknown) => list.push({ event, payload }));
  return client;
}

/** What a screen heard, each gathered broadcast as if it had come alone. */
const broadcasts = (token: string): Heard[] =>
  heard.get(token)!.flatMap((h) => (h.event === 'hall:gathered' ? (h.payload as GatheredBroadcasts).broadcasts.map((b) => ({ event: b.name, payload: b.event })) : [h]));
const seqs = (token: string): number[] => broadcasts(token).flatMap(({ payload }) => (payload as { seq?: number } | null)?.seq ?? []);

beforeAll(async () => {
  t = await startTestHub();
  kiosk = await listening('demo-kiosk-1');
  window1 = await listening('demo-window-01');
  for (const token of PUBLIC) await listening(token);
});
afterAll(async () => {
  await t.close();
});

describe('masked identities', () => {
  it('reach the issuing kiosk and the window staff, and no public screen', async () => {
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general', identity: { kind: 'phone', value: '13812345678' } });
    expect(issued).toMatchObject({ ok: true, data: { ticket: { number: 'A001', identity: MASKED } } });
    expect((await window1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).ok).toBe(true);
    const called = next(window1, 'ticket:called');
    expect(await window1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' })).toMatchObject({ ok: true, data: { ticket: { identity: MASKED } } });
    expect(await called).toMatchObject({ ticket: { identity: MASKED }, window: { current: { identity: MASKED } } });

    // The window's own screen keeps what it shows for real-name follow-up.
    expect(broadcasts('demo-window-01').find((h) => h.event === 'ticket:issued')?.payload).toMatchObject({ ticket: { identity: MASKED } });
    const staffSnapshot = await window1.emitWithAck('sync:snapshot', {});
    expect(staffSnapshot).toMatchObject({ ok: true, data: { tickets: [{ number: 'A001', identity: MASKED }] } });
    expect(staffSnapshot.ok && staffSnapshot.data.windows.find((w) => w.id === 'w01')?.current?.identity).toBe(MASKED);
    expect(await window1.emitWithAck('ticket:lookup', { number: 'A001' })).toMatchObject({ ok: true, data: { identity: MASKED } });

    const answers: unknown[] = [];
    for (const token of PUBLIC) {
      const client = clients.get(token)!;
      const snapshot = await client.emitWithAck('sync:snapshot', {});
      const lookup = await client.emitWithAck('ticket:lookup', { number: 'A001' });
      // Only consoles list tickets; the other screens show calls, windows and queues.
      expect(snapshot.ok && snapshot.data.tickets.map((x) => x.number)).toEqual(token === 'demo-console-1' ? ['A001'] : []);
      expect(lookup).toMatchObject({ ok: true, data: { number: 'A001', state: 'called' } });
      answers.push(snapshot, lookup);
    }
    // Kiosks' broadcasts too, the issuing one's included: only its own answer carries the identity.
    const everything = JSON.stringify([answers, [...PUBLIC, 'demo-kiosk-1'].map((token) => heard.get(token))]);
    expect(everything).not.toContain('identity');
    expect(everything).not.toContain('****');
  });

  it('numbers each stream without gaps, the staff and console copies alike', () => {
    const consecutive = (token: string): void => {
      const s = seqs(token);
      expect(s.length, token).toBeGreaterThanOrEqual(2);
      expect(s, token).toEqual(s.map((_, i) => s[0]! + i));
    };
    for (const token of [...PUBLIC, 'demo-kiosk-1', 'demo-window-01']) consecutive(token);
    expect(seqs('demo-console-1')).toEqual(seqs('demo-window-01'));
    expect(seqs('demo-kiosk-1')).toEqual(seqs('demo-board-1'));
    expect(seqs('demo-pad-01')).toEqual(seqs('demo-display-01'));
    const events = (token: string) => broadcasts(token).map((h) => h.event).filter((e) => e.startsWith('ticket:') || e === 'window:changed');
    expect(events('demo-console-1')).toEqual(events('demo-window-01'));
    // A window's display hears its window's changes, and nothing of a ticket that never reached it.
    expect(events('demo-display-01')).toEqual(['window:changed', 'ticket:called']);
  });
});
