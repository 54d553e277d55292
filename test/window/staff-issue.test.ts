// 代取号 over a real socket: a window issues a walk-in's ticket only with someone signed in, and the
// journal names that person, not just the device.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close();
});

describe('a ticket issued at a window', () => {
  it('needs staff signed in there, and is journaled on their name', async () => {
    const window3 = await t.connect('demo-window-03');
    const refused = await window3.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STAFF_NOT_SIGNED_IN', message: '请先登录窗口' } });

    await window3.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w03', staffNumber: '0301', pin: '123456' });
    const issued = await window3.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(issued).toMatchObject({ ok: true, data: { ticket: { source: 'staff' } } });
    const journal = await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
    const record = journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { actor?: { deviceId: string; staffId?: string }; event: { type: string } })
      .find((r) => r.event.type === 'ticket.issued');
    expect(record?.actor).toEqual({ deviceId: 'window-03', staffId: 's0301' });
  });
});
