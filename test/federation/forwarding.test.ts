// Forwarding a hall's journal to the district's PostgreSQL (issue 21), against a real PostgreSQL:
// in order and exactly once, through a link that drops, stalls and a database that restarts, after a
// week offline, never holding up the hall, and refusing a hall whose records are another hall's.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { DistrictLink } from '../../hub/src/federation/district-link.js';
import { Forwarder } from '../../hub/src/federation/forwarder.js';
import { JournalTail } from '../../hub/src/federation/journal-tail.js';
import { Journal } from '../../hub/src/storage/journal.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { cmdId, connectClient, MONDAY_10AM, TestClock } from '../helpers/test-hub.js';
import {
  DAY,
  districtClient,
  districtDigest,
  hallTraffic,
  journalDigest,
  LinkProxy,
  seedHall,
  startFederatedHub,
  TEST_LINK,
  waitFor,
  waitForExactCopy,
  waitForExactPresence,
  type FederatedHub,
} from './federation-helpers.js';
import { expectReportsAfterFault } from './report-equality.js';

let cluster: PostgresCluster;
let databases = 0;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  await cluster?.destroy();
});

/** A fresh district database with its schema (the district server migrates it), and a client for checks. */
async function district(clock = new TestClock(MONDAY_10AM)): Promise<{ url: string; name: string; db: pg.Client; server: RunningDistrict }> {
  const name = `district_${++databases}`;
  const url = await cluster.createDatabase(name);
  const server = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: clock.now, log: () => undefined, linkSilenceS: 3 });
  const db = await districtClient(url);
  cleanup.push(() => server.close(), () => db.end());
  return { url, name, db, server };
}

function track(hub: FederatedHub): FederatedHub {
  cleanup.push(() => hub.close());
  return hub;
}

describe('forwarding a hall journal to the district', () => {
  it('holds every record once, in order: count and checksum per day equal the journal, and records sent twice are stored once', async () => {
    const d = await district();
    const { dataDir } = await seedHall('hall-a');
    const hub = track(await startFederatedHub(dataDir, d.url));
    await hallTraffic(hub.hub.url, hub.clock, 12);
    hub.clock.advance(DAY);
    await hallTraffic(hub.hub.url, hub.clock, 6);
    const days = await waitForExactCopy(d.db, 'hall-a', dataDir);
    expect(Object.keys(days)).toEqual(['2026-11-23', '2026-11-24']);
    // Kiosk presence too (not in the journal): every line of each day's file, once.
    const presence = await waitForExactPresence(d.db, 'hall-a', dataDir);
    expect(presence['2026-11-24']?.some((l) => l.includes('"t":"online"'))).toBe(true);
    const seqs = await d.db.query<{ seq: string }>(`SELECT seq FROM journal_records WHERE hall = 'hall-a' ORDER BY seq`);
    expect(seqs.rows.map((r) => Number(r.seq))).toEqual(seqs.rows.map((_, i) => i + 1));

    // A batch sent again (its acknowledgement lost), and one half held half new: each record stored once.
    await hub.close();
    cleanup.pop();
    const journal = await Journal.open(dataDir, 'hall-a');
    const all = [...(await journal.readDay('2026-11-23')), ...(await journal.readDay('2026-11-24'))];
    await journal.close();
    const link = await DistrictLink.open(d.url, 5000, () => undefined);
    const head = all.at(-1)!.seq;
    await link.send('hall-a', all.slice(0, 20), head);
    await link.send('hall-a', all, head);
    await d.db.query(`DELETE FROM journal_records WHERE hall = 'hall-a' AND seq > 30`);
    await link.send('hall-a', all.slice(10), head);
    link.close();
    expect(await districtDigest(d.db, 'hall-a')).toEqual(await journalDigest(dataDir));
    // The records sent twice count once in the district's report: the hall, started again, agrees.
    const again = track(await startFederatedHub(dataDir, undefined, new TestClock(MONDAY_10AM + DAY)));
    const answer = await expectReportsAfterFault(d.server, [{ id: 'hall-a', url: again.hub.url }], days);
    expect(answer.district.total.issued).toBe(18);
  });

  it('acknowledges the hall’s commands at once while the district database is down, and catches up afterwards', async () => {
    const d = await district();
    const proxy = await LinkProxy.start(cluster.port);
    cleanup.push(() => proxy.close());
    // Stalled: the district neither answers nor refuses, and the link waits 10 s before giving up on a call.
    proxy.stall();
    const { dataDir } = await seedHall('hall-down');
    const hub = track(await startFederatedHub(dataDir, proxy.url(d.name), undefined, { timeoutMs: 10_000, retryMaxMs: 500, heartbeatMs: 500 }));
    const kiosk = await connectClient(hub.hub.url, 'demo-kiosk-1');
    cleanup.push(async () => kiosk.disconnect());
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general', priority: 'normal' });
      expect(ack.ok).toBe(true);
      expect(Date.now() - started).toBeLessThan(3000);
    }
    // Then refused outright: the hall goes on as before.
    proxy.drop();
    await waitFor(() => hub.logs.some((l) => l.includes('district database link down')), 15_000, () => hub.logs.join('\n'));
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general', priority: 'normal' });
    expect(ack.ok).toBe(true);
    expect(await districtDigest(d.db, 'hall-down')).toEqual({});

    proxy.heal();
    const days = await waitForExactCopy(d.db, 'hall-down', dataDir);
    expect(Object.values(days)[0]!.count).toBeGreaterThanOrEqual(4);
    const answer = await expectReportsAfterFault(d.server, [{ id: 'hall-down', url: hub.hub.url }], days);
    expect(answer.district.total.issued).toBe(4);
  });

  it('stops the hub at once while the link is stalled, not after the link’s timeout', async () => {
    const d = await district();
    const proxy = await LinkProxy.start(cluster.port);
    cleanup.push(() => proxy.close());
    proxy.stall();
    const { dataDir } = await seedHall('hall-stop');
    const hub = await startFederatedHub(dataDir, proxy.url(d.name), undefined, { timeoutMs: 20_000, retryMaxMs: 500, heartbeatMs: 500 });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await hub.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(hub.logs.at(-1)).toMatch(/federation: stopped/);
  });

  it('catches up to exactly the journal after the link drops, then stalls, mid-stream, and PostgreSQL restarts', async () => {
    const d = await district();
    const proxy = await LinkProxy.start(cluster.port);
    cleanup.push(() => proxy.close());
    const { dataDir } = await seedHall('hall-cut');
    const hub = track(await startFederatedHub(dataDir, proxy.url(d.name)));
    const traffic = hallTraffic(hub.hub.url, hub.clock, 60, 40);

    await waitFor(async () => Number((await d.db.query(`SELECT COUNT(*) AS n FROM journal_records WHERE hall = 'hall-cut'`)).rows[0].n) > 10, 10_000);
    proxy.drop();
    await new Promise((r) => setTimeout(r, 400));
    proxy.heal();
    const linkedCount = (): number => hub.logs.filter((l) => l.includes('linked to the district')).length;
    const downCount = (): number => hub.logs.filter((l) => l.includes('district database link down')).length;
    await waitFor(() => linkedCount() >= 2, 10_000, () => hub.logs.join('\n'));
    proxy.stall();
    await new Promise((r) => setTimeout(r, 2000)); // longer than the link's 1.5 s call timeout
    proxy.heal();
    await waitFor(() => linkedCount() >= 3, 10_000, () => hub.logs.join('\n'));

    await traffic;
    await d.db.end();
    const downsBefore = downCount();
    cluster.stop('immediate');
    await waitFor(() => downCount() > downsBefore, 10_000, () => hub.logs.join('\n'));
    await hallTraffic(hub.hub.url, hub.clock, 5); // the hall works on while PostgreSQL is down
    cluster.start();
    const db = await districtClient(d.url);
    cleanup.push(() => db.end());
    const days = await waitForExactCopy(db, 'hall-cut', dataDir);
    const answer = await expectReportsAfterFault(d.server, [{ id: 'hall-cut', url: hub.hub.url }], days);
    expect(answer.district.total.issued).toBe(65);
    // It noticed each cut (the drop, the stall past its call timeout, the restart) and linked again after each.
    expect(hub.logs.some((l) => l.includes('district database link down') && /timeout/i.test(l)), hub.logs.join('\n')).toBe(true);
    expect(linkedCount()).toBeGreaterThanOrEqual(4);
  });

  it('sends a week of history recorded offline once the hall is linked again', async () => {
    const d = await district();
    const proxy = await LinkProxy.start(cluster.port);
    cleanup.push(() => proxy.close());
    proxy.drop();
    const { dataDir } = await seedHall('hall-week', 'station');
    const hub = track(await startFederatedHub(dataDir, proxy.url(d.name)));
    for (let day = 0; day < 7; day++) {
      if (day > 0) hub.clock.advance(DAY);
      await hallTraffic(hub.hub.url, hub.clock, 8, 5);
    }
    expect(Object.keys(await journalDigest(dataDir))).toHaveLength(7);
    expect(await districtDigest(d.db, 'hall-week')).toEqual({});
    proxy.heal();
    const days = await waitForExactCopy(d.db, 'hall-week', dataDir);
    expect(Object.keys(days)).toHaveLength(7);
    const answer = await expectReportsAfterFault(d.server, [{ id: 'hall-week', url: hub.hub.url }], days);
    expect(answer.district.total.issued).toBe(7 * 8);
    expect(Object.keys(await waitForExactPresence(d.db, 'hall-week', dataDir)).length).toBeGreaterThanOrEqual(7);
  });

  it('refuses a second hall whose records are another hall’s (a copied data folder): none of them is mixed in, and it says why', async () => {
    const d = await district();
    const { dataDir: dirA } = await seedHall('hall-one');
    const a = track(await startFederatedHub(dirA, d.url));
    await hallTraffic(a.hub.url, a.clock, 6);
    const before = await waitForExactCopy(d.db, 'hall-one', dirA);
    await a.close();
    cleanup.pop();

    // Hall two is set up from a copy of hall one's folder, with its own id: its journal carries hall one's record ids.
    const { dataDir: dirB } = await seedHall('hall-two');
    await cp(path.join(dirA, 'journal'), path.join(dirB, 'journal'), { recursive: true });
    const b = track(await startFederatedHub(dirB, d.url));
    await waitFor(() => b.logs.some((l) => l.includes('this data folder was copied from another hall')), 10_000, () => b.logs.join('\n'));
    expect(b.logs.find((l) => l.includes('copied'))).toMatch(/已停止转发.*Forwarding stopped; the hall runs on/);
    await hallTraffic(b.hub.url, b.clock, 3); // hall two works on
    await new Promise((r) => setTimeout(r, 500));
    expect(await districtDigest(d.db, 'hall-two')).toEqual({});
    expect(await districtDigest(d.db, 'hall-one')).toEqual(before);
    const problem = await d.db.query<{ problem: string }>(`SELECT problem FROM halls WHERE id = 'hall-two'`);
    expect(problem.rows[0]?.problem).toMatch(/copied from another hall/);
  });
  it('refuses a second hub forwarding under a hall id another hub already uses, keeping the first hub’s records', async () => {
    const d = await district();
    const { dataDir: first } = await seedHall('twin');
    const a = track(await startFederatedHub(first, d.url));
    await hallTraffic(a.hub.url, a.clock, 3, 1);
    const before = await waitForExactCopy(d.db, 'twin', first);

    const { dataDir: second } = await seedHall('twin');
    const b = track(await startFederatedHub(second, undefined));
    await hallTraffic(b.hub.url, b.clock, 10, 4); // a longer journal, every record its own
    await b.close();
    cleanup.pop();
    const again = track(await startFederatedHub(second, d.url));
    await waitFor(() => again.logs.some((l) => l.includes('another hub forwards as twin')), 10_000, () => again.logs.join('\n'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await districtDigest(d.db, 'twin')).toEqual(before);
    expect(await journalDigest(first)).toEqual(before);
    const problem = await d.db.query<{ problem: string }>(`SELECT problem FROM halls WHERE id = 'twin'`);
    expect(problem.rows[0]?.problem).toMatch(/another hub forwards as twin/);
  });
  it('publishes the hall’s configuration again once it changes', async () => {
    const d = await district();
    const { dataDir } = await seedHall('hall-config');
    const journal = await Journal.open(dataDir, 'hall-config');
    let published = JSON.stringify({ categories: ['general'] });
    const forwarder = new Forwarder({
      url: d.url,
      ...TEST_LINK,
      tail: new JournalTail(journal),
      hall: () => ({ id: 'hall-config', name: '配置大厅', nameEn: 'Config hall', level: 'street', timeZone: 'Asia/Shanghai' }),
      config: () => published,
      log: () => undefined,
    });
    forwarder.start();
    try {
      const held = async (): Promise<string | undefined> => (await d.db.query<{ config: string }>(`SELECT config FROM halls WHERE id = 'hall-config'`)).rows[0]?.config;
      await waitFor(async () => (await held()) === published, 5000);
      published = JSON.stringify({ categories: ['general', 'social'] });
      await waitFor(async () => (await held()) === published, 5000, async () => `held: ${await held()}`);
    } finally {
      await forwarder.stop();
      await journal.close();
    }
  });
});
