// A hub SIGKILLed while it forwards a long history to the district (issue 21): started again, it
// resumes after the highest seq the district holds, and the district ends with exactly the journal.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDistrict } from '../../district/src/server.js';
import { Journal, type JournalEntry } from '../../hub/src/storage/journal.js';
import { killed, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { districtClient, journalDigest, seedHall, waitFor, waitForExactCopy } from './federation-helpers.js';
import { expectReportsAfterFault } from './report-equality.js';

let cluster: PostgresCluster;
const running: HubProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => killed(p.child)));
  await cluster?.destroy();
});

const DAYS = 8;
const PER_DAY = 1500;

/** Weeks of a busy hall's tickets, written straight into its journal (the forwarder reads what is there). */
async function writeHistory(dataDir: string, hall: string): Promise<void> {
  const journal = await Journal.open(dataDir, hall);
  for (let d = 0; d < DAYS; d++) {
    const day = `2026-11-${String(d + 1).padStart(2, '0')}`;
    const start = Date.parse(`${day}T01:00:00Z`);
    const entries: JournalEntry[] = [{ day, at: start, event: { type: 'day.started', at: start, day } }];
    for (let i = 1; i < PER_DAY; i++) {
      const at = start + i * 10_000;
      const number = `A${String(i).padStart(4, '0')}`;
      entries.push({ day, at, event: { type: 'ticket.issued', at, ticketId: `${day}/${number}`, number, categoryId: 'general', source: 'kiosk', priority: 'normal' } });
    }
    await journal.append(entries);
  }
  await journal.close();
}

/** The hub as `npm start` runs it, forwarding as YICHUANG_FEDERATE says. */
async function startForwardingHub(dataDir: string, url: string): Promise<HubProcess> {
  process.env.YICHUANG_FEDERATE = url;
  try {
    const hub = await startHubProcess(dataDir);
    running.push(hub);
    return hub;
  } finally {
    delete process.env.YICHUANG_FEDERATE;
  }
}

it('a hub killed while forwarding ends, once started again, with the district holding exactly its journal', async () => {
  const url = await cluster.createDatabase('district_crash');
  const district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: Date.now, log: () => undefined });
  const db = await districtClient(url);
  try {
    const { dataDir } = await seedHall('hall-crash');
    await writeHistory(dataDir, 'hall-crash');
    const total = DAYS * PER_DAY;
    const held = async (): Promise<number> => Number((await db.query(`SELECT COUNT(*) AS n FROM journal_records WHERE hall = 'hall-crash'`)).rows[0].n);

    const first = await startForwardingHub(dataDir, url);
    await waitFor(async () => (await held()) > 0, 20_000, () => first.output());
    first.child.kill('SIGKILL');
    await killed(first.child);
    const atKill = await held();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill, 'the hub was killed before it had forwarded everything').toBeLessThan(total);

    const second = await startForwardingHub(dataDir, url);
    const days = await waitForExactCopy(db, 'hall-crash', dataDir, 60_000);
    expect(Object.keys(days).length).toBeGreaterThanOrEqual(DAYS);
    expect(second.output()).toMatch(new RegExp(`forwarding from seq ${atKill + 1}\\b`));

    // The district's tables hold each ticket once, however the records arrived.
    await district.project();
    const tickets = await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM tickets WHERE hall = 'hall-crash'`);
    expect(Number(tickets.rows[0]!.n)).toBe(DAYS * (PER_DAY - 1));
    // And its report of those days is the hall's own.
    const answer = await expectReportsAfterFault(district, [{ id: 'hall-crash', url: second.url }], days);
    expect(answer.district.total.issued).toBe(DAYS * (PER_DAY - 1));
    expect(Object.values(await journalDigest(dataDir)).reduce((n, d) => n + d.count, 0)).toBeGreaterThanOrEqual(total);
  } finally {
    await db.end();
    await district.close();
  }
});
