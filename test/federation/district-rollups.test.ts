// The district's roll-ups of past hall days (ticket_days, issue 21: a year's report ≤ 1 s) against a
// real PostgreSQL and a real hall: a day rolled up while part of its records were still at the hall
// (the link cut mid-day, the hall then offline for days) is rolled up again when they arrive; records
// sent twice, or every day rolled up again, change nothing; and through it all the district's report
// equals the hall's own, field for field.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { markStale } from '../../district/src/ticket-days.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { DAY, districtClient, hallTraffic, LinkProxy, ratedTraffic, seedHall, startFederatedHub, StoppedClock, waitForExactCopy, type FederatedHub } from './federation-helpers.js';
import { expectDistrictEqualsHalls } from './report-equality.js';

const MONDAY_9AM = Date.parse('2026-11-23T01:00:00Z');
const HALL = 'hall-rollup';
const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

let cluster: PostgresCluster;
let proxy: LinkProxy;
let district: RunningDistrict;
let db: pg.Client;
let hub: FederatedHub;
let dataDir: string;
const clock = new StoppedClock(MONDAY_9AM);

beforeAll(async () => {
  cluster = await startPostgres();
  await cluster.createDatabase('district_rollups');
  proxy = await LinkProxy.start(cluster.port);
  // The hall and the district on one clock that moves only when told: "today" is the same for both.
  district = await startDistrict({ db: cluster.url('district_rollups'), port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined });
  db = await districtClient(cluster.url('district_rollups'));
  dataDir = (await seedHall(HALL, 'street')).dataDir;
  hub = await startFederatedHub(dataDir, proxy.url('district_rollups'), clock);
}, 60_000);

afterAll(async () => {
  await hub?.close().catch(() => undefined);
  await db?.end().catch(() => undefined);
  await district?.close().catch(() => undefined);
  await proxy?.close().catch(() => undefined);
  await cluster?.destroy();
});

/** Each rolled-up day of the hall and its tickets' count. */
async function rolledUp(): Promise<Record<string, number>> {
  const { rows } = await db.query<{ day: string; rollup: string }>('SELECT CAST(day AS VARCHAR(10)) AS day, rollup FROM ticket_days WHERE hall = $1 ORDER BY day', [HALL]);
  return Object.fromEntries(rows.map((r) => [r.day, (JSON.parse(r.rollup) as { tickets: { length: number } }).tickets.length]));
}

const hallReport = async (from: string, to: string): Promise<{ total: { issued: number } }> =>
  ((await (await fetch(`${hub.hub.url}/api/reports?from=${from}&to=${to}`, { headers: { authorization: 'Bearer demo-console-1' } })).json()) as { data: { total: { issued: number } } }).data;

describe('district roll-ups of past days', () => {
  it('rolls a day up again when its records arrive late (cut mid-day, then offline for days), and the report equals the hall’s', async () => {
    // Monday: a day's work forwarded, then the link cut and more work that stays at the hall.
    await ratedTraffic(hub.hub.url, clock, WEEK[0]!, 14);
    await waitForExactCopy(db, HALL, dataDir);
    proxy.drop();
    await hallTraffic(hub.hub.url, clock, 6, 3);
    // Tuesday to Thursday offline; on Tuesday the district rolls up the Monday it holds.
    clock.advance(DAY);
    await district.project();
    const partial = await rolledUp();
    const monday = (await hallReport(WEEK[0]!, WEEK[0]!)).total.issued;
    expect(Object.keys(partial)).toEqual([WEEK[0]]);
    expect(partial[WEEK[0]!]).toBeLessThan(monday);
    for (const day of WEEK.slice(1, 4)) {
      await ratedTraffic(hub.hub.url, clock, day, 10);
      clock.advance(DAY);
    }
    await ratedTraffic(hub.hub.url, clock, WEEK[4]!, 8);

    // Friday: linked again, the week arrives; Monday to Thursday are rolled up whole, today is not.
    proxy.heal();
    await waitForExactCopy(db, HALL, dataDir);
    await district.project();
    const whole = await rolledUp();
    expect(Object.keys(whole)).toEqual(WEEK.slice(0, 4));
    expect(whole[WEEK[0]!]).toBe(monday);
    const stale = await db.query<{ day: string }>('SELECT CAST(day AS VARCHAR(10)) AS day FROM ticket_days_stale WHERE hall = $1', [HALL]);
    expect(stale.rows.map((r) => r.day)).toEqual([WEEK[4]]);
    const answer = await expectDistrictEqualsHalls(district.url, [{ id: HALL, url: hub.hub.url }], WEEK[0]!, WEEK[4]!, true);
    expect(answer.district.total.issued).toBe((await hallReport(WEEK[0]!, WEEK[4]!)).total.issued);
  });

  it('changes nothing when the same records are sent twice, or every day is rolled up again', async () => {
    const before = await db.query<{ day: string; rollup: string }>('SELECT CAST(day AS VARCHAR(10)) AS day, rollup FROM ticket_days WHERE hall = $1 ORDER BY day', [HALL]);
    expect(before.rows).toHaveLength(4);
    // A batch sent again (its answer lost): the forwarder's insert keeps the first copy.
    const again = await db.query(
      `INSERT INTO journal_records (hall, seq, id, day, at, type, record) SELECT hall, seq, id, day, at, type, record FROM journal_records WHERE hall = $1
       ON CONFLICT DO NOTHING`,
      [HALL],
    );
    expect(again.rowCount).toBe(0);
    await district.project();
    // Every day marked as changed (as an upgraded district's history is): rolled up again, the same.
    await db.query('BEGIN');
    await markStale(db, HALL, WEEK);
    await db.query('COMMIT');
    expect(await rolledUp()).toEqual({});
    await district.project();
    const after = await db.query<{ day: string; rollup: string }>('SELECT CAST(day AS VARCHAR(10)) AS day, rollup FROM ticket_days WHERE hall = $1 ORDER BY day', [HALL]);
    expect(after.rows).toEqual(before.rows);
    await expectDistrictEqualsHalls(district.url, [{ id: HALL, url: hub.hub.url }], WEEK[0]!, WEEK[4]!, true);
  });

  it('reads every rolled-up day after a restart, whatever their order in the table, and rolls up again a day kept in an older form', async () => {
    // Monday rolled up again: its row now comes after Tuesday's to Thursday's in the table.
    await db.query('BEGIN');
    await markStale(db, HALL, [WEEK[0]!]);
    await db.query('COMMIT');
    await district.project();
    expect(Object.keys(await rolledUp())).toEqual(WEEK.slice(0, 4));
    // Tuesday as an older server stored it (the hall's roll-up form has changed since: a column less).
    const tuesday = await db.query<{ rollup: string; format: number }>('SELECT rollup, format FROM ticket_days WHERE hall = $1 AND day = $2', [HALL, WEEK[1]]);
    const older = JSON.parse(tuesday.rows[0]!.rollup) as { tickets: Record<string, unknown> };
    delete older.tickets.holds;
    await db.query('UPDATE ticket_days SET rollup = $3, format = $4 WHERE hall = $1 AND day = $2', [HALL, WEEK[1], JSON.stringify(older), tuesday.rows[0]!.format - 1]);
    // A district server started again has none of the days in memory: it reads them all, Tuesday from
    // the projected tables until it is rolled up again in the current form.
    const again = await startDistrict({ db: cluster.url('district_rollups'), port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined });
    try {
      await expectDistrictEqualsHalls(again.url, [{ id: HALL, url: hub.hub.url }], WEEK[0]!, WEEK[4]!, true);
      await again.project();
      const formats = await db.query<{ format: number }>('SELECT DISTINCT format FROM ticket_days WHERE hall = $1', [HALL]);
      expect(formats.rows).toEqual([{ format: tuesday.rows[0]!.format }]);
      expect(Object.keys(await rolledUp())).toEqual(WEEK.slice(0, 4));
      await expectDistrictEqualsHalls(again.url, [{ id: HALL, url: hub.hub.url }], WEEK[0]!, WEEK[4]!, true);
    } finally {
      await again.close();
    }
  });
});
