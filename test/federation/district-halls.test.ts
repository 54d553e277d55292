// The district's halls page (issue 21): GET /api/district/halls shows each hall's level, its link
// and lag, and today's figures read from the district's SQL tables, as the halls themselves count them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DistrictHall } from '@yichuang/shared/district';
import { migrate, SCHEMA_VERSION } from '../../district/src/schema.js';
import { DEMO_DISTRICT_TOKEN, startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { MONDAY_10AM, TestClock } from '../helpers/test-hub.js';
import { districtClient, hallTraffic, journalDigest, seedHall, startFederatedHub, waitFor, type FederatedHub } from './federation-helpers.js';

let cluster: PostgresCluster;
let district: RunningDistrict;
const hubs: FederatedHub[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  for (const h of hubs) await h.close().catch(() => undefined);
  await district?.close();
  await cluster?.destroy();
});

const halls = async (token?: string): Promise<{ status: number; body: { ok: boolean; data?: DistrictHall[]; error?: { code: string; message: string; messageEn: string } } }> => {
  const res = await fetch(`${district.url}/api/district/halls`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: await res.json() };
};

type Counts = { issued: number; waiting: number; called: number; serving: number; onHold: number; finished: number; noShow: number; cancelled: number };

/** What the hall itself counts today (its integration API). */
async function hallToday(hub: FederatedHub): Promise<Counts> {
  const res = await fetch(`${hub.hub.url}/api/stats/today`);
  const { data } = (await res.json()) as { data: { total: Counts } };
  return data.total;
}

const journalLastSeq = async (dataDir: string): Promise<number> => Object.values(await journalDigest(dataDir)).reduce((n, d) => n + d.count, 0);

it('shows each hall’s level, link, lag and today’s waiting from the SQL tables, to the console token only', async () => {
  const url = await cluster.createDatabase('district_halls');
  district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: new TestClock(MONDAY_10AM).now, log: () => undefined, linkSilenceS: 3 });

  const centre = await seedHall('hall-centre', 'centre');
  const station = await seedHall('hall-station', 'station');
  const c = await startFederatedHub(centre.dataDir, url);
  const s = await startFederatedHub(station.dataDir, url);
  hubs.push(c, s);
  await hallTraffic(c.hub.url, c.clock, 12, 5);
  await hallTraffic(s.hub.url, s.clock, 4, 1);
  const expected = {
    'hall-centre': { ...(await hallToday(c)), lastSeq: await journalLastSeq(centre.dataDir) },
    'hall-station': { ...(await hallToday(s)), lastSeq: await journalLastSeq(station.dataDir) },
  };
  expect(expected['hall-centre'].waiting).toBe(7);
  expect(expected['hall-station'].waiting).toBe(3);

  const refused = await halls();
  expect(refused.status).toBe(401);
  expect(refused.body.error).toMatchObject({ code: 'DISTRICT_SIGN_IN_REQUIRED', message: '请先登录区级控制台', messageEn: 'Sign in to the district console first' });
  expect((await halls('wrong-token')).status).toBe(401);

  let answer: DistrictHall[] = [];
  await waitFor(
    async () => {
      answer = (await halls(DEMO_DISTRICT_TOKEN)).body.data ?? [];
      return answer.length === 2 && answer.every((h) => {
        const e = expected[h.id as keyof typeof expected];
        return h.lastSeq === e.lastSeq && h.headSeq === e.lastSeq && h.lagS === 0 && h.waiting === e.waiting;
      });
    },
    15_000,
    () => JSON.stringify({ answer, expected }, null, 1),
  );
  expect(answer.map((h) => [h.id, h.level, h.linked, h.lagS, h.waiting, h.issued, h.windowsOpen, h.problem])).toEqual([
    ['hall-centre', 'centre', true, 0, 7, 12, 2, null],
    ['hall-station', 'station', true, 0, 3, 4, 2, null],
  ]);
  expect(answer[0]).toMatchObject({ name: 'hall-centre 便民服务中心', headSeq: expected['hall-centre'].lastSeq });

  // The district's tickets table counts each state as the hall does.
  const db = await districtClient(url);
  const states = await db.query<{ state: string; n: string }>(`SELECT state, COUNT(*) AS n FROM tickets WHERE hall = 'hall-centre' GROUP BY state`);
  await db.end();
  const key: Record<string, keyof Counts> = { waiting: 'waiting', called: 'called', serving: 'serving', 'on-hold': 'onHold', finished: 'finished', 'no-show': 'noShow', cancelled: 'cancelled' };
  const byState = Object.fromEntries(states.rows.map((r) => [key[r.state], Number(r.n)]));
  const { issued, ...hallStates } = expected['hall-centre'];
  expect(issued).toBe(12);
  expect(byState).toEqual(Object.fromEntries(Object.entries(hallStates).filter(([k, n]) => k !== 'lastSeq' && n > 0)));

  // The station's hub stops: it is shown unlinked once it has been silent a while, and its lag grows.
  await s.close();
  hubs.pop();
  await waitFor(async () => (await halls(DEMO_DISTRICT_TOKEN)).body.data?.find((h) => h.id === 'hall-station')?.linked === false, 10_000);
  await new Promise((r) => setTimeout(r, 1100));
  const now = (await halls(DEMO_DISTRICT_TOKEN)).body.data!;
  expect(now.find((h) => h.id === 'hall-station')).toMatchObject({ linked: false, waiting: 3, lastSeq: expected['hall-station'].lastSeq });
  expect(now.find((h) => h.id === 'hall-station')!.lagS).toBeGreaterThanOrEqual(4);
  expect(now.find((h) => h.id === 'hall-centre')).toMatchObject({ linked: true, lagS: 0 });
});

it('builds its schema step by step: an older database is brought up to date, and a current one left alone', async () => {
  const url = await cluster.createDatabase('district_schema');
  const db = await districtClient(url);
  try {
    expect(await migrate(db, 1)).toBe(1);
    await db.query(`INSERT INTO halls (id, name, name_en, level, time_zone) VALUES ('old-hall', '旧大厅', 'Old hall', 'street', 'Asia/Shanghai')`);
    expect(await migrate(db)).toBe(SCHEMA_VERSION - 1);
    expect(await migrate(db)).toBe(0);
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect((await db.query(`SELECT name FROM halls WHERE id = 'old-hall'`)).rows).toEqual([{ name: '旧大厅' }]);
  } finally {
    await db.end();
  }
});
