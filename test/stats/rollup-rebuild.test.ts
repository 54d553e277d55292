// The roll-up the hub keeps live equals one rebuilt from the journals, for a finished day and for today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../hub/src/storage/journal.js';
import { RollupStore } from '../../hub/src/stats/rollup-store.js';
import { StatsService } from '../../hub/src/stats/stats-service.js';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
const DAY_MS = 86_400_000;

/** Some traffic: tickets in two categories, calls, a no-show, a transfer, a pause. */
async function busyHour(kiosk: Client, w1: Client, w4: Client): Promise<void> {
  for (const categoryId of ['general', 'general', 'social', 'general', 'social']) {
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId })).ok).toBe(true);
  }
  const act = async (client: Client, event: 'window:callNext' | 'window:start' | 'window:noShow', windowId: string) =>
    expect((await client.emitWithAck(event, { cmdId: cmdId(), windowId })).ok).toBe(true);
  await act(w1, 'window:callNext', 'w01');
  t.clock.advance(60_000);
  await act(w1, 'window:start', 'w01');
  t.clock.advance(5 * 60_000);
  expect((await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' })).ok).toBe(true);
  await act(w1, 'window:callNext', 'w01');
  await act(w1, 'window:noShow', 'w01');
  await act(w4, 'window:callNext', 'w04');
  await act(w4, 'window:start', 'w04');
  expect((await w4.emitWithAck('window:transfer', { cmdId: cmdId(), windowId: 'w04', toCategoryId: 'general', note: '综合受理' })).ok).toBe(true);
  expect((await w4.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w04', reason: 'meeting' })).ok).toBe(true);
  t.clock.advance(10 * 60_000);
}

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close();
});

describe('roll-ups', () => {
  it('rebuilt from the journals equal the live ones', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const w1 = await t.connect('demo-window-01');
    const w4 = await t.connect('demo-window-04');
    for (const [client, windowId, staffNumber] of [[w1, 'w01', '0101'], [w4, 'w04', '0401']] as const) {
      expect((await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId, staffNumber, pin: '123456' })).ok).toBe(true);
    }
    await busyHour(kiosk, w1, w4);
    const monday = '2026-11-23';

    // The next morning: the first command of the new day closes Monday's live roll-up and stores it.
    t.clock.advance(DAY_MS);
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    const tuesday = '2026-11-24';

    const live = async (day: string) => (await (await fetch(`${t.hub.url}/api/reports?from=${day}&to=${day}`, { headers: { authorization: 'Bearer demo-console-1' } })).json()).data;
    const liveMonday = await live(monday);
    expect(liveMonday.total).toMatchObject({ issued: 5, finished: 1, noShow: 1, transfers: 1 });
    const liveTuesday = await live(tuesday);
    expect(liveTuesday.total.issued).toBe(1);

    // A rebuild from the journals, by a separate reader of the same data folder.
    const config = await demoHall();
    const journal = await Journal.open(t.dataDir, config.hall.id);
    const rollups = await RollupStore.open(t.dataDir);
    const stored = await rollups.read(monday);
    const rebuilder = await StatsService.open({ journal, rollups, config: () => config, clock: t.clock.now, log: () => {} });
    const rebuilt = await rebuilder.rebuild(monday);
    expect(rebuilt).toEqual(stored);
    expect(rebuilt.tickets).toHaveLength(5);
    // Today's live roll-up as of the last event equals today's journal replayed.
    const todayRebuilt = await rebuilder.rebuild(tuesday);
    expect(todayRebuilt.tickets).toEqual((await rebuilder.rollupOf(tuesday)).tickets);
    await journal.close();
  });

  it('answers a bad report query with a clear error', async () => {
    const res = await fetch(`${t.hub.url}/api/reports?from=2026-13-01&to=yesterday`, { headers: { authorization: 'Bearer demo-console-1' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
