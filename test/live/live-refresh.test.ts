// The live board's checks and its update to the consoles are paced: after a quiet spell they run a
// moment after the first record, then at most once a second however fast tickets come (#19: at a
// steady 5 tickets/s they ran four times a second, the largest part of a ticket's CPU), and the last
// update still shows the state the last record made.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LiveBoard } from '@yichuang/shared/live';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.close();
});

const waiting = (b: LiveBoard): number => b.categories.reduce((n, c) => n + c.waiting, 0);

it('tickets every 100 ms for 2 s: the consoles get the live board at most once a second, the last one right', async () => {
  const console = await t.connect('demo-console-1');
  const kiosk = await t.connect('demo-kiosk-1');
  await sleep(1500); // the connections' own refreshes pass
  const updates: { at: number; board: LiveBoard }[] = [];
  console.on('live:updated', (board) => updates.push({ at: performance.now(), board }));

  const start = performance.now();
  for (let i = 0; i < 20; i++) {
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(ack.ok).toBe(true);
    await sleep(Math.max(0, start + (i + 1) * 100 - performance.now()));
  }
  await sleep(1300);

  // 2 s of tickets and 1.3 s after: a first update a moment after the first ticket, then one a second.
  expect(updates.length).toBeGreaterThanOrEqual(2);
  expect(updates.length).toBeLessThanOrEqual(4);
  for (let i = 1; i < updates.length; i++) expect(updates[i]!.at - updates[i - 1]!.at).toBeGreaterThan(900);
  expect(updates[0]!.at - start).toBeLessThan(600);
  expect(waiting(updates.at(-1)!.board)).toBe(20);
});
