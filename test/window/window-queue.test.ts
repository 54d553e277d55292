// The window's queue and cases as the hub answers them: GET /api/windows/:id/queue for an unknown
// window is refused in both languages; 'window:cases' is a window's own (another window may not read
// it) and carries no citizen's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

describe('window queue and cases', () => {
  let t: TestHub;
  let w1: Client;
  beforeAll(async () => {
    t = await startTestHub();
    w1 = await t.connect('demo-window-01');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an unknown window in both languages', async () => {
    const res = await fetch(`${t.hub.url}/api/windows/w99/queue`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_WINDOW', message: '没有这个窗口：w99', messageEn: 'No such window: w99' } });
  });

  it("answers a window its own cases, without the citizen's data, and no other window", async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const pad = await t.connect('demo-pad-01');
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    if (!issued.ok) throw new Error(issued.error.messageEn);
    for (const step of [
      () => w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' }),
      () => w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' }),
      () => w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' }),
      () => w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' }),
    ]) expect((await step()).ok).toBe(true);
    const told = new Promise((resolve) => w1.once('window:casesChanged', resolve));
    const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: issued.data.ticket.id, level: 'very-dissatisfied', reasons: ['服务态度'], phone: '13912345678', text: '态度差' });
    expect(rated.ok).toBe(true);
    await expect(told).resolves.toEqual({ windowId: 'w01' });

    const cases = await w1.emitWithAck('window:cases', { cmdId: cmdId(), windowId: 'w01' });
    expect(cases).toEqual({
      ok: true,
      data: [{ id: '20261123-A001', ticketNumber: 'A001', level: 'very-dissatisfied', openedAt: expect.any(Number), reached: 'opened', next: 'verify', dueBy: expect.any(String), overdue: false }],
    });
    expect(JSON.stringify(cases)).not.toMatch(/5678|态度差|服务态度/);

    const w2 = await t.connect('demo-window-02');
    expect(await w2.emitWithAck('window:cases', { cmdId: cmdId(), windowId: 'w01' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers the head of the call order when asked for a limit, and refuses a bad one in both languages', async () => {
    const kiosk = await t.connect('demo-kiosk-2');
    for (let i = 0; i < 4; i++) expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    const all = ((await (await fetch(`${t.hub.url}/api/windows/w01/queue`)).json()) as { data: { number: string }[] }).data.map((e) => e.number);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const head = await (await fetch(`${t.hub.url}/api/windows/w01/queue?limit=2`)).json();
    expect(head).toEqual({ ok: true, data: [expect.objectContaining({ number: all[0] }), expect.objectContaining({ number: all[1] })] });
    for (const bad of ['0', 'two', '1.5']) {
      const res = await fetch(`${t.hub.url}/api/windows/w01/queue?limit=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String), messageEn: expect.any(String) } });
    }
  });
});
