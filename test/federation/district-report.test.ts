// District reports (issue 21) against a real PostgreSQL: two halls' scripted days forwarded, then
// GET /api/district/report for the period equals each hall's own /api/reports, and the district's
// figures are the halls' summed; its exports; bilingual 400s for bad dates, ranges and halls.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import type { TestHub } from '../helpers/test-hub.js';
import { book, ok, rest, slotAt } from '../appointments/rest.js';
import { dataFolder } from '../../hub/src/storage/data-folder.js';
import { DAY, districtClient, ratedTraffic, seedHall, startFederatedHub, StoppedClock, waitFor, waitForExactCopy, type FederatedHub } from './federation-helpers.js';
import { expectDistrictEqualsHalls } from './report-equality.js';

const MONDAY_9AM = Date.parse('2026-11-23T01:00:00Z');

/** Lines of a hall's kiosk presence files. */
async function presenceLines(dataDir: string): Promise<number> {
  const dir = dataFolder(dataDir).presence;
  const files = await readdir(dir).catch(() => []);
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  return texts.reduce((n, t) => n + t.split('\n').filter(Boolean).length, 0);
}

const DISTRICT = { authorization: 'Bearer demo-district-console' };

let cluster: PostgresCluster;
let district: RunningDistrict;
let db: pg.Client;
const hubs: FederatedHub[] = [];
const halls = [
  { id: 'hall-north', dataDir: '' },
  { id: 'hall-south', dataDir: '' },
];

beforeAll(async () => {
  cluster = await startPostgres();
  const url = await cluster.createDatabase('district_report');
  // The district's today is the halls' (cases are judged against their deadlines as of today).
  district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: () => hubs[0]?.clock.now() ?? MONDAY_9AM, log: () => undefined });
  db = await districtClient(url);
  // Two days at each hall, a different number of visits at each. The halls and the district share one
  // clock that moves only when told: the waits of tickets never called run to "now" today, the same
  // instant at the hall and at the district.
  const clock = new StoppedClock(MONDAY_9AM);
  for (const [i, h] of halls.entries()) {
    h.dataDir = (await seedHall(h.id, i === 0 ? 'centre' : 'street')).dataDir;
    hubs.push(await startFederatedHub(h.dataDir, url, clock));
  }
  // Bookings at each hall for 25 and 26 Nov, one of them changed and one cancelled (appointment figures).
  for (const [i, hub] of hubs.entries()) {
    const t = { hub: hub.hub } as TestHub;
    const slot = await slotAt(t, 'general', '2026-11-25', '09:00');
    const later = await slotAt(t, 'social', '2026-11-26', '14:00');
    const codes = [];
    for (const n of [1, 2, 3].slice(0, 2 + i)) codes.push(ok(await book(t, { categoryId: 'general', slotStart: slot.start, phone: `1380000000${n}` })).code);
    ok(await rest(t, '/change', { code: codes[0], phoneTail: '0001', slotStart: later.start }));
    ok(await rest(t, '/cancel', { code: codes[1], phoneTail: '0002' }));
  }
  for (const [d, day] of ['2026-11-23', '2026-11-24'].entries()) {
    if (d > 0) clock.advance(DAY);
    for (const [i, hub] of hubs.entries()) await ratedTraffic(hub.hub.url, clock, day, d === 0 ? 16 + 6 * i : 12 - 2 * i);
  }
  for (const h of halls) await waitForExactCopy(db, h.id, h.dataDir);
  // Kiosk presence goes at the forwarder's heartbeats: every line of the halls' presence files held.
  for (const h of halls) await waitFor(async () => (await presenceLines(h.dataDir)) === Number((await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM presence_records WHERE hall = $1', [h.id])).rows[0]!.n), 10_000);
  await district.project();
}, 120_000);

afterAll(async () => {
  for (const h of hubs) await h.close().catch(() => undefined);
  await db?.end().catch(() => undefined);
  await district?.close().catch(() => undefined);
  await cluster?.destroy();
});

/**
 * A hall may journal a record after its copy was checked (a rating pad's time running out): the check
 * is made again, the district brought up to date first, for up to 5 s.
 */
async function settled<T>(check: () => Promise<T>): Promise<T> {
  const until = Date.now() + 5000;
  for (;;) {
    await district.project();
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

const get = (path: string, headers: Record<string, string> = DISTRICT): Promise<Response> => fetch(`${district.url}${path}`, { headers });

describe('district reports', () => {
  it('equals each hall’s own report, and the district’s figures are the halls’ summed, for a day and for both', async () => {
    const asked = hubs.map((hub, i) => ({ id: halls[i]!.id, url: hub.hub.url }));
    for (const [from, to] of [
      ['2026-11-23', '2026-11-23'],
      ['2026-11-23', '2026-11-24'],
    ] as const) {
      const answer = await settled(() => expectDistrictEqualsHalls(district.url, asked, from, to, true));
      // The days had what the report counts: no-shows, transfers, holds, ratings, 未评价, a case.
      const t = answer.district.total;
      expect([t.noShow, t.transfers, t.holds, answer.district.ratings.rated, answer.district.ratings.unrated, answer.district.cases.cases].every((n) => n > 0), JSON.stringify(t)).toBe(true);
      // …tickets never called, 事项 and 办件编号 (some linked after 办结), intake at the comprehensive window.
      const items = Object.values(answer.district.byItem ?? {});
      expect([t.uncalledWait.n, items.length, items.reduce((n, i) => n + i.caseNumbers, 0), answer.district.oneWindow.atComprehensive].every((n) => n > 0)).toBe(true);
      // …windows open, serving and on a meal break.
      expect(answer.district.appointments.booked * answer.district.appointments.changed * answer.district.appointments.cancelled).toBeGreaterThan(0);
      expect(answer.district.uptime.kiosks.upMs + answer.district.uptime.terminals24.upMs, JSON.stringify(answer.district.uptime)).toBeGreaterThan(0);
      const w = answer.district.windowTotal;
      expect([w.openMs, w.servingMs, w.pauseMs.meal].every((ms) => ms > 0), JSON.stringify(w)).toBe(true);
    }
  });

  it('gives one hall’s report with ?hall=, the same as its part of the whole', async () => {
    const one = (await (await get('/api/district/report?from=2026-11-23&to=2026-11-24&hall=hall-south')).json()) as { data: { district: { total: unknown }; halls: { id: string; total: unknown }[] } };
    const all = (await (await get('/api/district/report?from=2026-11-23&to=2026-11-24')).json()) as typeof one;
    expect(one.data.halls.map((h) => h.id)).toEqual(['hall-south']);
    expect(one.data.district.total).toEqual(all.data.halls.find((h) => h.id === 'hall-south')!.total);
  });

  it('exports the tables (halls ranked, windows and staff across halls, 环比) as XLSX and CSV, and every hall’s rating records', async () => {
    const tables = (await (await get('/api/district/report/tables?from=2026-11-24&to=2026-11-24')).json()) as { data: { tables: { id: string; rows: unknown[][] }[] } };
    const ids = tables.data.tables.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['hallRanking', 'comparison']));
    expect(tables.data.tables.find((t) => t.id === 'hallRanking')!.rows).toHaveLength(2);
    const comparison = tables.data.tables.find((t) => t.id === 'comparison')!;
    // 环比: 24 Nov beside 23 Nov, issued at both halls.
    expect(comparison.rows[0]!.slice(1, 3)).toEqual([12 + 10, 16 + 22]);

    const xlsx = await get('/api/district/report/export.xlsx?from=2026-11-23&to=2026-11-24');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const csv = await get('/api/district/report/export.csv?from=2026-11-23&to=2026-11-24&table=hallRanking');
    expect(await csv.text()).toMatch(/hall-north 便民服务中心/);

    const records = (await (await get('/api/district/report/ratings.json?from=2026-11-23&to=2026-11-24')).json()) as { data: { caseNumber: string }[] };
    // The national records are of ratings given (未评价 is not one); a visit's 办件编号 when it has one.
    const rows = await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ratings WHERE level IS NOT NULL`);
    expect(records.data).toHaveLength(Number(rows.rows[0]!.n));
    // Without one, the visit's own record id: region code, hall, day, ticket number.
    expect(records.data.some((r) => /^\d{6}hall-(north|south)20261124/.test(r.caseNumber))).toBe(true);
    expect(records.data.some((r) => r.caseNumber.startsWith('BJ-2026-11-24-'))).toBe(true);
    const ratingsCsv = await get('/api/district/report/ratings.csv?from=2026-11-23&to=2026-11-24');
    expect((await ratingsCsv.text()).split('\n')[0]).toMatch(/办件编号/);
  });

  it('refuses bad dates, ranges and halls with a bilingual 400, and asks for the console’s token', async () => {
    for (const query of ['from=2026-11-23', 'from=2026-11-31&to=2026-12-01', 'from=2026-11-24&to=2026-11-23', 'from=23/11/2026&to=2026-11-24', 'from=2026-11-23&to=2026-11-24&hall=nowhere']) {
      const res = await get(`/api/district/report?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { ok: boolean; error: { message: string; messageEn: string } };
      expect(body.ok).toBe(false);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error.messageEn).toMatch(/[a-z]/);
      if (query.includes('nowhere')) expect(body.error.messageEn).toMatch(/nowhere/);
    }
    expect((await get('/api/district/report?from=2026-11-23&to=2026-11-24', {})).status).toBe(401);
  });
});
