// The district's kept reports (issue 21: a year's report ≤ 1 s): a report of past days asked again is
// the one worked out before, byte for byte, and it is worked out again whenever something it reads
// changes — records of a past day arriving late (with their ratings) counted again, a case handled
// today about a past day's visit or a new configuration put together again from the ticket figures
// kept — and not when only today's records arrive. After each change
// the answer equals a server's that keeps nothing (on the same database) and the hall's own report.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptReports } from '../../district/src/report-cache.js';
import { RatingTally, ticketColumns, type ReportDay } from '../../hub/src/stats/report-day.js';
import { encodeTickets } from '../../hub/src/stats/rollup.js';
import { districtReport, reportHalls, type EncodedDistrictReport } from '../../district/src/report.js';
import { KEPT_DAYS, RolledUpDays } from '../../district/src/ticket-days.js';
import { startDistrict, DEMO_DISTRICT_TOKEN, type RunningDistrict } from '../../district/src/server.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { addDays, serviceDay } from '@yichuang/shared/time';
import { cmdId, connectClient } from '../helpers/test-hub.js';
import { DAY, districtClient, hallTraffic, LinkProxy, ratedTraffic, seedHall, startFederatedHub, StoppedClock, waitForExactCopy, waitForKiosksGone, type FederatedHub } from './federation-helpers.js';
import { expectDistrictEqualsHalls, type DistrictAnswer } from './report-equality.js';

const MONDAY_9AM = Date.parse('2026-11-23T01:00:00Z');
const HALL = 'hall-kept';
const [MON, TUE] = ['2026-11-23', '2026-11-24'] as const;

let cluster: PostgresCluster;
let proxy: LinkProxy;
/** Keeps its reports (the default). */
let district: RunningDistrict;
/** Keeps none: works every report out afresh. */
let fresh: RunningDistrict;
let db: pg.Client;
let pool: pg.Pool;
let hub: FederatedHub;
let dataDir: string;
let dbUrl: string;
const clock = new StoppedClock(MONDAY_9AM);

beforeAll(async () => {
  cluster = await startPostgres();
  const url = (dbUrl = await cluster.createDatabase('district_kept'));
  proxy = await LinkProxy.start(cluster.port);
  district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined });
  fresh = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined, keptReportBytes: 0 });
  db = await districtClient(url);
  pool = new pg.Pool({ connectionString: url, max: 1 });
  dataDir = (await seedHall(HALL, 'street')).dataDir;
  hub = await startFederatedHub(dataDir, proxy.url('district_kept'), clock);
  // Monday and Tuesday forwarded; then the link cut and Tuesday's last visits stay at the hall.
  await ratedTraffic(hub.hub.url, clock, MON, 12);
  clock.advance(DAY);
  await ratedTraffic(hub.hub.url, clock, TUE, 9);
  await waitForExactCopy(db, HALL, dataDir);
  proxy.drop();
  await hallTraffic(hub.hub.url, clock, 5, 2);
  // Wednesday: a ticket at the hall (its day begins: Tuesday is over there too, its open tickets'
  // waits counted to the day's last record, as the district counts them); the district rolls up the
  // Tuesday it holds.
  clock.advance(DAY);
  await hallTraffic(hub.hub.url, clock, 1, 0);
  await district.project();
}, 120_000);

afterAll(async () => {
  await hub?.close().catch(() => undefined);
  await db?.end().catch(() => undefined);
  await pool?.end().catch(() => undefined);
  await fresh?.close().catch(() => undefined);
  await district?.close().catch(() => undefined);
  await proxy?.close().catch(() => undefined);
  await cluster?.destroy();
});

/** The answer's text, as sent. */
async function answer(server: RunningDistrict, from: string = MON, to: string = TUE): Promise<string> {
  const res = await fetch(`${server.url}/api/district/report?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${DEMO_DISTRICT_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The report worked out in this process, with reports kept as the server keeps them (objects compared by identity). */
const inProcess = { kept: new KeptReports(), days: new RolledUpDays() };
async function computed(): Promise<EncodedDistrictReport> {
  const halls = await reportHalls(pool);
  const client = await pool.connect();
  try {
    return await districtReport(client, halls, { from: MON, to: TUE, thresholdMs: 30 * 60_000 }, clock.now(), inProcess.days, inProcess.kept);
  } finally {
    client.release();
  }
}

const data = (text: string): DistrictAnswer => (JSON.parse(text) as { data: DistrictAnswer }).data;

/** The records and kiosk presence the hall holds are all at the district, projected, and both servers answer alike. */
async function settled(from: string = MON, to: string = TUE): Promise<string> {
  await waitForExactCopy(db, HALL, dataDir);
  await waitForKiosksGone(db, HALL, dataDir);
  await district.project();
  const kept = await answer(district, from, to);
  expect(kept).toBe(await answer(fresh, from, to));
  return kept;
}

describe('kept district reports', () => {
  it('answers a report of past days again with the one worked out before, byte for byte', async () => {
    const first = await answer(district);
    expect(first).toBe(await answer(fresh));
    expect(await answer(district)).toBe(first);
    // A change written straight into a table (not through the projector: no version moves) shows at
    // the server that keeps nothing, not in the kept answer; undone, both agree again.
    const w01 = [HALL, MON, 'w01'];
    await db.query('UPDATE window_days SET open_ms = open_ms + 60000 WHERE hall = $1 AND day = $2 AND window_id = $3', w01);
    try {
      expect(data(await answer(fresh)).district.windowTotal.openMs).toBe(data(first).district.windowTotal.openMs + 60_000);
      expect(await answer(district)).toBe(first);
    } finally {
      await db.query('UPDATE window_days SET open_ms = open_ms - 60000 WHERE hall = $1 AND day = $2 AND window_id = $3', w01);
    }
    expect(await answer(fresh)).toBe(first);
    // Another period, threshold or hall is another report.
    expect(data(await answer(district, TUE, TUE)).district.total.issued).toBeLessThan(data(first).district.total.issued);
  });

  it('works it out again when a past day’s records arrive late, with their ratings, and it equals the hall’s', async () => {
    const before = data(await answer(district));
    const counted = await computed();
    expect((await computed()).district).toBe(counted.district);
    proxy.heal();
    const after = data(await settled());
    // Counted again: the ticket figures are new.
    const again = await computed();
    expect(again.halls[0]!.report.byDay).not.toBe(counted.halls[0]!.report.byDay);
    expect(again.district.report.byDay).not.toBe(counted.district.report.byDay);
    expect(after.district.total.issued).toBe(before.district.total.issued + 5);
    expect(after.district.ratings).not.toEqual(before.district.ratings);
    await expectDistrictEqualsHalls(district.url, [{ id: HALL, url: hub.hub.url }], MON, TUE, true);
  });

  it('puts it together again, without counting the tickets again, when a case about a past day’s visit is handled today', async () => {
    const before = data(await answer(district));
    const counted = await computed();
    const console1 = await connectClient(hub.hub.url, 'demo-console-1');
    try {
      const listed = await console1.emitWithAck('case:list', { cmdId: cmdId() });
      if (!listed.ok) throw new Error(listed.error.messageEn);
      const open = listed.data.find((c) => c.next === 'verify');
      expect(open).toBeDefined();
      const verified = await console1.emitWithAck('case:verify', { cmdId: cmdId(), caseId: open!.id, handler: '林雪梅', verdict: 'unfounded', notes: '经核实 checked' });
      expect(verified.ok).toBe(true);
    } finally {
      console1.disconnect();
    }
    const after = data(await settled());
    expect(after.district.cases).not.toEqual(before.district.cases);
    // Put together again from the ticket figures kept: the same objects.
    const again = await computed();
    expect(again.halls[0]!.report).not.toBe(counted.halls[0]!.report);
    expect(again.halls[0]!.report.byDay).toBe(counted.halls[0]!.report.byDay);
    expect(again.district.report.byDay).toBe(counted.district.report.byDay);
    expect(again.district.report.cases).toEqual(after.district.cases);
    await expectDistrictEqualsHalls(district.url, [{ id: HALL, url: hub.hub.url }], MON, TUE, true);
  });

  it('works it out again under a new configuration', async () => {
    const before = data(await answer(district));
    const { rows } = await db.query<{ config: string }>('SELECT config FROM halls WHERE id = $1', [HALL]);
    const config = JSON.parse(rows[0]!.config) as { windows: { id: string; kind?: string }[] };
    const kinds = config.windows.map((w) => w.kind);
    expect(before.district.oneWindow.atComprehensive).toBeGreaterThan(0);
    // No window comprehensive any more (as the hall would publish it): no "一窗" intake at one.
    for (const w of config.windows) delete w.kind;
    await db.query('UPDATE halls SET config = $2 WHERE id = $1', [HALL, JSON.stringify(config)]);
    try {
      const after = data(await settled());
      expect(after.district.oneWindow).toEqual({ intake: before.district.oneWindow.intake, atComprehensive: 0, rate: 0 });
    } finally {
      config.windows.forEach((w, i) => kinds[i] !== undefined && (w.kind = kinds[i]));
      await db.query('UPDATE halls SET config = $2 WHERE id = $1', [HALL, JSON.stringify(config)]);
    }
    expect(data(await settled()).district.oneWindow).toEqual(before.district.oneWindow);
  });
});

describe('kept district reports while the halls work', () => {
  it('keeps a report of past days while only today’s records arrive', async () => {
    const kept = await settled();
    // Written straight into a table (no version moves): a report worked out again would show it.
    const w01 = [HALL, MON, 'w01'];
    await db.query('UPDATE window_days SET open_ms = open_ms + 60000 WHERE hall = $1 AND day = $2 AND window_id = $3', w01);
    try {
      await hallTraffic(hub.hub.url, clock, 3, 2);
      await waitForExactCopy(db, HALL, dataDir);
      await district.project();
      expect(await answer(district)).toBe(kept);
      expect(data(await answer(fresh)).district.windowTotal.openMs).toBe(data(kept).district.windowTotal.openMs + 60_000);
    } finally {
      await db.query('UPDATE window_days SET open_ms = open_ms - 60000 WHERE hall = $1 AND day = $2 AND window_id = $3', w01);
    }
    // Today's own report is never kept: it runs to now.
    const wednesday = '2026-11-25';
    await settled(MON, wednesday);
    clock.advance(60_000);
    await settled(MON, wednesday);
  });
});

describe('counted figures saved in the database', () => {
  const restart = async (env: { savedFigureBytes?: number; log?: (line: string) => void } = {}): Promise<void> => {
    // close() waits for the figures being saved.
    await district.close();
    district = await startDistrict({ db: dbUrl, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined, ...env });
  };
  const savedRows = async (): Promise<{ key: string; figures: string }[]> => (await db.query<{ key: string; figures: string }>('SELECT key, figures FROM counted_figures ORDER BY key')).rows;

  it('lets a server started again answer a report of past days from them, without counting, byte for byte', async () => {
    const kept = await settled();
    await restart();
    const rows = await savedRows();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Every saved figure altered straight in the table, digest and all: a server that reads them shows it, one that counts does not.
    const issued = data(kept).district.total.issued;
    await Promise.all(
      rows.map(({ key, figures }) => {
        const f = JSON.parse(figures) as { tickets: { total: { issued: number } } };
        f.tickets.total.issued += 424_242;
        const altered = JSON.stringify(f);
        return db.query('UPDATE counted_figures SET figures = $2, digest = $3 WHERE key = $1', [key, altered, createHash('sha256').update(altered).digest('base64')]);
      }),
    );
    await restart();
    expect(data(await answer(district)).district.total.issued).toBe(issued + 424_242);
    expect(data(await answer(fresh)).district.total.issued).toBe(issued);
    await Promise.all(rows.map(({ key, figures }) => db.query('UPDATE counted_figures SET figures = $2, digest = $3 WHERE key = $1', [key, figures, createHash('sha256').update(figures).digest('base64')])));
    await restart();
    expect(await answer(district)).toBe(kept);
    // The server that keeps nothing saves nothing either.
    await db.query('DELETE FROM counted_figures');
    await answer(fresh, MON, MON);
    await fresh.close();
    fresh = await startDistrict({ db: dbUrl, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined, keptReportBytes: 0 });
    expect(await savedRows()).toEqual([]);
  });

  it('counts again, and saves over, figures that do not match their digest (a row edited by hand, cut short), and says so', async () => {
    // Nothing saved just now (the test before cleared them), nothing in a new server's memory: counted and saved.
    await restart();
    const kept = await settled();
    await restart();
    const keys = (await savedRows()).map((r) => r.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    await db.query('UPDATE counted_figures SET figures = $2 WHERE key = $1', [keys[0], '{"tickets":']);
    await db.query(`UPDATE counted_figures SET figures = '{"elsewhere":1}' WHERE key <> $1`, [keys[0]]);
    const logs: string[] = [];
    await restart({ log: (line) => logs.push(line) });
    expect(await answer(district)).toBe(kept);
    expect(logs.filter((l) => l.includes('saved figures damaged, to be counted again'))).toHaveLength(keys.length);
    await restart();
    for (const { figures } of await savedRows()) expect(JSON.parse(figures)).toHaveProperty('tickets.total');
    expect(await answer(district)).toBe(kept);
  });

  it('keeps no more of them than its budget, the least recently used (saved or read) dropped first', async () => {
    type Saved = { key: string; bytes: number; usedAt: number };
    const rowsNow = async (): Promise<Saved[]> =>
      (await db.query<{ key: string; bytes: string; used_at: string }>('SELECT key, bytes, used_at FROM counted_figures ORDER BY used_at DESC, key')).rows.map((r) => ({
        key: r.key,
        bytes: Number(r.bytes),
        usedAt: Number(r.used_at),
      }));
    await db.query('DELETE FROM counted_figures');
    // Pair A (the hall's figures and the district's) of Monday, then B of Tuesday, a second later.
    await answer(district, MON, MON);
    await restart();
    const a = await rowsNow();
    clock.advance(1000);
    await answer(district, TUE, TUE);
    await restart();
    const b = (await rowsNow()).filter((r) => !a.some((x) => x.key === r.key));
    expect([a.length, b.length]).toEqual([2, 2]);
    const budget = [...a, ...b].reduce((n, r) => n + r.bytes, 0);
    // A read again (a server started again has only them): now more recently used than B.
    await restart({ savedFigureBytes: budget });
    clock.advance(1000);
    await answer(district, MON, MON);
    await restart({ savedFigureBytes: budget });
    expect((await rowsNow()).slice(0, 2).map((r) => r.key).sort()).toEqual(a.map((r) => r.key).sort());
    // Pair C of both days saved: past the budget, B goes first, then A if C needs the room.
    clock.advance(1000);
    await answer(district, MON, TUE);
    await restart();
    const left = await rowsNow();
    const held = (r: Saved): boolean => left.some((x) => x.key === r.key);
    const leftBytes = left.reduce((n, r) => n + r.bytes, 0);
    expect(left.filter((r) => ![...a, ...b].some((x) => x.key === r.key))).toHaveLength(2);
    expect(leftBytes).toBeLessThanOrEqual(budget);
    expect(b.filter(held)).toEqual([]);
    // What of A went, went for want of room.
    expect(a.filter(held).length).toBeGreaterThan(0);
    for (const r of a.filter((x) => !held(x))) expect(leftBytes + r.bytes).toBeGreaterThan(budget);
  });
});

describe('KeptReports', () => {
  it('drops the least recently used values once their estimated bytes pass its memory, and keeps none larger than it', () => {
    const kept = new KeptReports(300);
    for (const k of ['a', 'b', 'c']) kept.set(k, { k }, 100);
    expect(kept.get('a')).toEqual({ k: 'a' });
    kept.set('d', { k: 'd' }, 100);
    // b was the least recently used (a was just read).
    expect(kept.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => kept.get(k))).toEqual([{ k: 'a' }, { k: 'c' }, { k: 'd' }]);
    expect(kept.size).toEqual({ reports: 3, bytes: 300 });
    kept.set('big', { k: 'big' }, 301);
    expect(kept.get('big')).toBeUndefined();
    kept.set('e', { k: 'e' }, 150);
    expect(kept.size).toEqual({ reports: 2, bytes: 250 });
    expect(kept.get('a')).toBeUndefined();
  });
});

describe('the rolled-up days read at a start', () => {
  it("reads the last year's while it answers, and what it counts from them equals a server's that reads as it goes", async () => {
    await district.close();
    const logs: string[] = [];
    district = await startDistrict({ db: dbUrl, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: (line) => logs.push(line) });
    const today = serviceDay(clock.now(), 'Asia/Shanghai');
    const rolled = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM ticket_days WHERE day >= $1 AND day < $2', [addDays(today, -KEPT_DAYS), today]);
    const n = Number(rolled.rows[0]!.n);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await district.warmed).toBe(n);
    expect(logs.filter((l) => l.includes(`report cache warmed: ${n} hall days`))).toHaveLength(1);
    // Nothing counted before (none saved): counted now, from the days read at the start.
    await db.query('DELETE FROM counted_figures');
    expect(await answer(district, MON, TUE)).toBe(await answer(fresh, MON, TUE));
    // A server that keeps nothing reads nothing ahead either.
    expect(await fresh.warmed).toBe(0);
  });
});

describe('the rolled-up days kept as they are rolled up', () => {
  it('reads none of them back: a server started with a past day to roll up keeps it, and a day that ends is kept and read ahead at once', async () => {
    // One server alone, or the other's projector might roll the days up first.
    await fresh.close();
    await district.close();
    const today = serviceDay(clock.now(), 'Asia/Shanghai');
    const rolled = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM ticket_days WHERE day >= $1 AND day < $2', [addDays(today, -KEPT_DAYS), today]);
    const n = Number(rolled.rows[0]!.n);
    // Monday to be rolled up again, as after a late record of it.
    await db.query('INSERT INTO ticket_days_stale (hall, day) VALUES ($1, $2) ON CONFLICT DO NOTHING', [HALL, MON]);
    await db.query('DELETE FROM ticket_days WHERE hall = $1 AND day = $2', [HALL, MON]);
    district = await startDistrict({ db: dbUrl, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined });
    expect(await district.warmed).toBe(n - 1);
    expect((await db.query('SELECT 1 FROM ticket_days WHERE hall = $1 AND day = $2', [HALL, MON])).rowCount).toBe(1);
    const atStart = district.readingAhead();
    expect(await atStart).toBe(n - 1);
    // Wednesday (today, with a ticket) ends: the round that rolls it up reads ahead at once, finding every day in memory.
    const wednesday = today;
    expect((await db.query('SELECT 1 FROM ticket_days WHERE hall = $1 AND day = $2', [HALL, wednesday])).rowCount).toBe(0);
    clock.advance(DAY);
    // (The hall's records closing Wednesday may make it stale again after this round: a later round rolls it up again.)
    await district.project();
    const reading = district.readingAhead();
    expect(reading).not.toBe(atStart);
    expect(await reading).toBe(0);
    await db.query('DELETE FROM counted_figures');
    fresh = await startDistrict({ db: dbUrl, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined, keptReportBytes: 0 });
    expect(await answer(district, MON, wednesday)).toBe(await answer(fresh, MON, wednesday));
  });
});

describe('RolledUpDays', () => {
  it('lets go of a hall’s days before a day, and of no other hall’s', () => {
    const days = new RolledUpDays();
    const day = (d: string): ReportDay => ({
      day: d, weekday: 1, tickets: ticketColumns(encodeTickets([])), windows: [], ratings: new RatingTally(), ratingsByWindow: new Map(), ratingsByStaff: new Map(),
      cases: [], appointments: [], kiosks: [], figures: new Map(), counts: new Map(),
    });
    for (const hall of ['a', 'b']) for (const d of ['2025-11-30', '2025-12-01', '2026-11-30']) days.set(hall, day(d), '7');
    days.forgetBefore('a', '2025-12-01');
    expect(['2025-11-30', '2025-12-01', '2026-11-30'].map((d) => [days.get('a', d, '7')?.day, days.get('b', d, '7')?.day])).toEqual([
      [undefined, '2025-11-30'],
      ['2025-12-01', '2025-12-01'],
      ['2026-11-30', '2026-11-30'],
    ]);
  });
});
