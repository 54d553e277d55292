// A hall's /api/health says how its link to the district stands (issue 21): linked with nothing
// behind, down with the reason and how many records wait, and never unhealthy for it — the hall
// serves its citizens whatever the district does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDistrict } from '../../district/src/server.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { cmdId, connectClient, MONDAY_10AM, TestClock } from '../helpers/test-hub.js';
import { LinkProxy, seedHall, startFederatedHub, waitFor } from './federation-helpers.js';

let cluster: PostgresCluster;
const cleanup: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  await cluster?.destroy();
});

interface Health {
  ok: boolean;
  district?: { state: string; forwardedSeq: number; behind: number; problem?: { zh: string; en: string } };
}

it('shows the district link in /api/health: linked, then down with what waits, then caught up', async () => {
  const url = await cluster.createDatabase('district_health');
  const district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: new TestClock(MONDAY_10AM).now, log: () => undefined, linkSilenceS: 3 });
  cleanup.push(() => district.close());
  const proxy = await LinkProxy.start(cluster.port);
  cleanup.push(() => proxy.close());
  const { dataDir } = await seedHall('hall-health');
  const hub = await startFederatedHub(dataDir, proxy.url('district_health'));
  cleanup.push(() => hub.close());
  const health = async (): Promise<{ status: number; body: Health }> => {
    const res = await fetch(`${hub.hub.url}/api/health`);
    return { status: res.status, body: (await res.json()) as Health };
  };
  const kiosk = await connectClient(hub.hub.url, 'demo-kiosk-1');
  cleanup.push(async () => kiosk.disconnect());
  const issue = async (): Promise<void> => {
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general', priority: 'normal' })).ok).toBe(true);
  };

  await issue();
  await waitFor(async () => (await health()).body.district?.state === 'linked' && (await health()).body.district?.behind === 0, 15_000, async () => JSON.stringify((await health()).body));

  proxy.drop();
  await waitFor(async () => (await health()).body.district?.state === 'down', 15_000, async () => JSON.stringify((await health()).body));
  await issue();
  await issue();
  const down = await health();
  expect(down.status).toBe(200);
  expect(down.body.ok).toBe(true);
  expect(down.body.district?.behind).toBeGreaterThanOrEqual(2);
  expect(down.body.district?.problem?.zh).toMatch(/区级数据库连接中断/);

  proxy.heal();
  await waitFor(async () => (await health()).body.district?.behind === 0, 15_000, async () => JSON.stringify((await health()).body));
  expect((await health()).body.district).toMatchObject({ state: 'linked' });
});
