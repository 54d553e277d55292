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

  // Paced: at most one update a second of the time it took, however the machine's load stretched it
  // (unpaced, every 250 ms of tickets sent one: ~9 over these 2 s), and at least the first and a later one.
  const elapsed = performance.now() - start;
  expect(updates.length).toBeGreaterThanOrEqual(2);
  expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
  expect(waiting(updates.at(-1)!.board)).toBe(20);
});
