// Screens asking for the same snapshot (hundreds at once after a restart) share one object, and its
// JSON is made once for all of them: a whole hall's snapshot with its tickets is ~1 MB, and it was
// encoded again for each of a hundred window clients asking at once after a restart.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { acked, cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

/** Whether a value JSON.stringify was asked to encode holds a snapshot (a `tickets` list beside `queues`). */
const holdsSnapshot = (value: unknown, depth = 0): boolean => {
  if (typeof value !== 'object' || value === null || depth > 3) return false;
  if ('tickets' in value && 'queues' in value) return true;
  return Object.values(value).some((v) => holdsSnapshot(v, depth + 1));
};

it('encodes one snapshot once for every window client asking for it, the same bytes each gets', async () => {
  const kiosk = await t.connect('demo-kiosk-1');
  for (let i = 0; i < 5; i++) await acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
  const windows = await Promise.all(['01', '02', '03'].map((w) => t.connect(`demo-window-${w}`)));
  const stringify = vi.spyOn(JSON, 'stringify');
  const snapshots = await Promise.all(windows.map((w) => acked(w.emitWithAck('sync:snapshot', {}))));
  expect(stringify.mock.calls.filter(([value]) => holdsSnapshot(value))).toHaveLength(1);
  expect(snapshots[0]!.tickets.map((x) => x.number)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
  expect(snapshots[1]).toEqual(snapshots[0]);
  expect(snapshots[2]).toEqual(snapshots[0]);
});
