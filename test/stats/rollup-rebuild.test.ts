// The roll-up the hub keeps live equals one rebuilt from the journals and kiosk presence files, for a
// finished day and for today: tickets, windows, ratings, appointments and kiosk uptime.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../hub/src/storage/journal.js';
import { PresenceFiles } from '../../hub/src/stats/kiosk-uptime.js';
import { RollupStore } from '../../hub/src/stats/rollup-store.js';
import { StatsService } from '../../hub/src/stats/stats-service.js';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { book, eventually, ok, slotAt } from '../appointments/rest.js';
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
    const kiosk = await t.connect('demo-kiosk-1'); // online from 10:00 until Tuesday
    const terminal = await t.connect('demo-terminal24-1');
    const w1 = await t.connect('demo-window-01');
    const w4 = await t.connect('demo-window-04');
    for (const [client, windowId, staffNumber] of [[w1, 'w01', '0101'], [w4, 'w04', '0401']] as const) {
      expect((await client.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId, staffNumber, pin: '123456' })).ok).toBe(true);
    }
    const monday = '2026-11-23';
    const tuesday = '2026-11-24';
    // Two bookings made on Monday: one for 11:00 that day, checked in, one for Tuesday.
    const booked = ok(await book(t, { categoryId: 'general', slotStart: (await slotAt(t, 'general', monday, '11:00')).start, phone: '13812345678' }));
    ok(await book(t, { categoryId: 'social', slotStart: (await slotAt(t, 'social', tuesday, '10:00')).start, phone: '13812345679' }));
    await busyHour(kiosk, w1, w4);
    const mondayPresence = path.join(t.dataDir, 'presence', `${monday}.jsonl`);
    const presenceSays = (text: string) => eventually(async () => ((await readFile(mondayPresence, 'utf8')).includes(text) ? true : undefined), text);
    terminal.disconnect(); // the 24-hour terminal goes offline at ~10:16
    await presenceSays('"t":"offline","device":"terminal24-1"');
    t.clock.advance(30 * 60_000); // ~10:46: check-in for 11:00 is open
    expect((await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code })).ok).toBe(true);

    // The next morning: the first command of the new day closes Monday's live roll-up and stores it.
    t.clock.advance(DAY_MS);
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    // A kiosk going offline on Tuesday writes the end of Monday's presence file (the hub writes it on its first record of a day).
    kiosk.disconnect();
    await presenceSays('"t":"day-end"');

    const live = async (day: string) => (await (await fetch(`${t.hub.url}/api/reports?from=${day}&to=${day}`, { headers: { authorization: 'Bearer demo-console-1' } })).json()).data;
    const liveMonday = await live(monday);
    expect(liveMonday.total).toMatchObject({ issued: 6, finished: 1, noShow: 1, transfers: 1 });
    expect(liveMonday.appointments).toMatchObject({ booked: 2, checkedIn: 1, late: 0, noShow: 0 });
    expect(liveMonday.appointmentsByCategory.social).toMatchObject({ booked: 1, checkedIn: 0 });
    // The hub started at 10:00 on its first day: the kiosks are due from then. kiosk-1 was online to
    // midnight, so through Monday's opening hours after 10:00; kiosk-2 never came; the terminal left at ~10:16.
    const { byKiosk, terminals24 } = liveMonday.uptime;
    expect(byKiosk['kiosk-1'].uptime).toBeGreaterThan(0.99);
    expect(byKiosk['kiosk-2']).toMatchObject({ upMs: 0, uptime: 0 });
    expect(byKiosk['terminal24-1'].dueMs).toBeGreaterThan(13 * 3_600_000); // 10:00 to midnight
    expect(terminals24.uptime).toBeLessThan(0.05);
    const liveTuesday = await live(tuesday);
    expect(liveTuesday.total.issued).toBe(1);

    // A rebuild from the journals and presence files, by a separate reader of the same data folder.
    const config = await demoHall();
    const journal = await Journal.open(t.dataDir, config.hall.id);
    const rollups = await RollupStore.open(t.dataDir);
    const stored = await rollups.read(monday);
    const presence = new PresenceFiles(t.dataDir, () => config.hall.timeZone);
    const rebuilder = await StatsService.open({ journal, rollups, presence, config: () => config, clock: t.clock.now, log: () => {} });
    const rebuilt = await rebuilder.rebuild(monday);
    expect(rebuilt).toEqual(stored);
    expect(rebuilt.tickets).toHaveLength(6);
    expect(rebuilt.appointments.length).toBeGreaterThan(0);
    expect(rebuilt.kiosks.map((k) => k.kiosk)).toEqual(['kiosk-1', 'kiosk-2', 'terminal24-1']);
    // Today's live roll-up equals today's journal replayed, both as of now.
    const todayRebuilt = await rebuilder.rebuild(tuesday);
    const todayLive = await rebuilder.rollupOf(tuesday);
    expect(todayRebuilt.tickets).toEqual(todayLive.tickets);
    expect(todayRebuilt.appointments).toEqual(todayLive.appointments);
    await journal.close();
  });

  it('answers a bad report query with a clear error', async () => {
    const res = await fetch(`${t.hub.url}/api/reports?from=2026-13-01&to=yesterday`, { headers: { authorization: 'Bearer demo-console-1' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
