// What the federation tests share: halls seeded with an id of their own, an in-process hub that
// forwards, the journal's and the district's digest of each day (count and checksum), a TCP proxy
// that can drop or stall the link (bytes swallowed), and traffic over real sockets.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { HallConfig } from '@yichuang/shared/domain';
import type { HallLevel } from '@yichuang/shared/lists';
import pg from 'pg';
import { startHub, type RunningHub } from '../../hub/src/hub.js';
import type { FederateOptions } from '../../hub/src/config.js';
import { seedAllDayHall } from '../helpers/hub-process.js';
import { cmdId, connectClient, MONDAY_10AM, REPO_ROOT, TestClock, tempDir } from '../helpers/test-hub.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The demo hall, open round the clock, under its own id, written to a new data folder. */
export async function seedHall(id: string, level: HallLevel = 'centre', dataDir?: string): Promise<{ dataDir: string; config: HallConfig }> {
  const dir = dataDir ?? (await tempDir(`yichuang-${id}-`));
  const config = await seedAllDayHall(dir);
  config.hall.id = id;
  config.hall.name = `${id} 便民服务中心`;
  config.hall.level = level;
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
  return { dataDir: dir, config };
}

/** A TestClock that stands still between advances (a hall and its district on one instant). */
export class StoppedClock extends TestClock {
  #at: number;
  constructor(at: number) {
    super(at);
    this.#at = at;
  }
  override now = (): number => this.#at;
  override advance(ms: number): void {
    this.#at += ms;
  }
}

export interface FederatedHub {
  hub: RunningHub;
  clock: TestClock;
  logs: string[];
  close(): Promise<void>;
}

/** Quick retries for tests: the link is tried again within half a second, and a stalled call given up after 1.5 s. */
export const TEST_LINK = { timeoutMs: 1500, retryMaxMs: 500, heartbeatMs: 500 } as const;

export async function startFederatedHub(dataDir: string, url: string | undefined, clock = new TestClock(MONDAY_10AM), link: Omit<FederateOptions, 'url'> = TEST_LINK): Promise<FederatedHub> {
  const logs: string[] = [];
  const federate: FederateOptions | undefined = url === undefined ? undefined : { url, ...link };
  const hub = await startHub(
    { port: 0, host: '127.0.0.1', dataDir, screensDir: REPO_ROOT, version: 'test', ...(federate && { federate }) },
    { clock: clock.now, log: (l) => logs.push(l) },
  );
  return { hub, clock, logs, close: () => hub.close() };
}

export interface DayDigest {
  count: number;
  md5: string;
}

/** Each journal day's record count and the md5 of its file: the district must hold exactly this. */
export async function journalDigest(dataDir: string): Promise<Record<string, DayDigest>> {
  const dir = path.join(dataDir, 'journal');
  const out: Record<string, DayDigest> = {};
  for (const name of (await readdir(dir)).filter((f) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(f)).sort()) {
    const buf = await readFile(path.join(dir, name));
    if (buf.length === 0) continue;
    const count = buf.toString('utf8').split('\n').length - 1;
    out[name.slice(0, 10)] = { count, md5: createHash('md5').update(buf).digest('hex') };
  }
  return out;
}

/** The same per day from the district's rows, in seq order: the md5 of the records as journal lines. */
export async function districtDigest(db: pg.ClientBase, hall: string): Promise<Record<string, DayDigest>> {
  const { rows } = await db.query<{ day: string; count: string; md5: string }>(
    `SELECT CAST(day AS VARCHAR(10)) AS day, COUNT(*) AS count, md5(string_agg(record || chr(10), '' ORDER BY seq)) AS md5
     FROM journal_records WHERE hall = $1 GROUP BY day ORDER BY day`,
    [hall],
  );
  return Object.fromEntries(rows.map((r) => [r.day, { count: Number(r.count), md5: r.md5 }]));
}

/** Polls until `check` holds (answers true) or `ms` runs out, then fails with what `describe` says. */
export async function waitFor(check: () => Promise<boolean> | boolean, ms: number, describe: () => Promise<string> | string = () => ''): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${ms} ms ${await describe()}`);
}

/** Each kiosk presence day file's records (as a reader sees them: torn lines skipped), re-serialised. */
export async function presenceLines(dataDir: string): Promise<Record<string, string[]>> {
  const dir = path.join(dataDir, 'presence');
  const out: Record<string, string[]> = {};
  for (const name of (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = (await readFile(path.join(dir, name), 'utf8')).split('\n').flatMap((l) => {
      try {
        return l.trim() ? [JSON.stringify(JSON.parse(l))] : [];
      } catch {
        return [];
      }
    });
    if (lines.length > 0) out[name.slice(0, 10)] = lines;
  }
  return out;
}

export async function districtPresence(db: pg.ClientBase, hall: string): Promise<Record<string, string[]>> {
  const { rows } = await db.query<{ day: string; line: number; record: string }>(
    `SELECT CAST(day AS VARCHAR(10)) AS day, line, record FROM presence_records WHERE hall = $1 ORDER BY day, line`,
    [hall],
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.day] ??= []).push(r.record);
  return out;
}

/** Waits until the district holds exactly the hall's kiosk presence records, line by line. */
export async function waitForExactPresence(db: pg.ClientBase, hall: string, dataDir: string, ms = 20_000): Promise<Record<string, string[]>> {
  let last = { hall: {}, district: {} } as { hall: Record<string, string[]>; district: Record<string, string[]> };
  await waitFor(
    async () => {
      last = { hall: await presenceLines(dataDir), district: await districtPresence(db, hall) };
      return JSON.stringify(last.hall) === JSON.stringify(last.district);
    },
    ms,
    () => `waiting for the district to hold ${hall}'s presence:\n${JSON.stringify(last, null, 1)}`,
  );
  return last.hall;
}

/**
 * Waits until the hall has written every kiosk that came online as gone offline (a disconnect is
 * recorded when the hub notices it, after the client has gone) and the district holds all of it: the
 * presence a report reads stops changing.
 */
export async function waitForKiosksGone(db: pg.ClientBase, hall: string, dataDir: string, ms = 20_000): Promise<void> {
  const online = new Map<string, boolean>();
  await waitFor(
    async () => {
      online.clear();
      for (const line of Object.values(await presenceLines(dataDir)).flat()) {
        const r = JSON.parse(line) as { t: string; device?: string };
        if ((r.t === 'online' || r.t === 'offline') && r.device !== undefined) online.set(r.device, r.t === 'online');
      }
      return ![...online.values()].some(Boolean);
    },
    ms,
    () => `waiting for ${hall}'s kiosks to be recorded offline: ${[...online].filter(([, on]) => on).map(([d]) => d).join(', ')}`,
  );
  await waitForExactPresence(db, hall, dataDir, ms);
}

/** Waits until the district holds exactly the hall's journal, day by day. */
export async function waitForExactCopy(db: pg.ClientBase, hall: string, dataDir: string, ms = 20_000): Promise<Record<string, DayDigest>> {
  let last = { journal: {}, district: {} } as { journal: Record<string, DayDigest>; district: Record<string, DayDigest> };
  await waitFor(
    async () => {
      last = { journal: await journalDigest(dataDir), district: await districtDigest(db, hall) };
      return JSON.stringify(last.journal) === JSON.stringify(last.district);
    },
    ms,
    () => `waiting for the district to hold ${hall}'s journal:\n${JSON.stringify(last, null, 1)}`,
  );
  return last.journal;
}

/** A TCP proxy between the hall and PostgreSQL that the test can cut: drop (connections reset, new ones refused) or stall (bytes swallowed, so calls hang). */
export class LinkProxy {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  #mode: 'pass' | 'drop' | 'stall' = 'pass';
  port = 0;

  private constructor(targetPort: number) {
    this.#server = net.createServer((client) => {
      if (this.#mode === 'drop') return void client.destroy();
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          this.#sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      const pipe = (from: net.Socket, to: net.Socket): void => {
        from.on('data', (b: Buffer) => {
          // A stalled link swallows what crosses it: neither side hears from the other.
          if (this.#mode === 'pass') to.write(b);
        });
      };
      pipe(client, upstream);
      pipe(upstream, client);
    });
  }

  static async start(targetPort: number): Promise<LinkProxy> {
    const proxy = new LinkProxy(targetPort);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    proxy.port = (proxy.#server.address() as net.AddressInfo).port;
    return proxy;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  drop(): void {
    this.#mode = 'drop';
    for (const s of this.#sockets) s.destroy();
  }

  stall(): void {
    this.#mode = 'stall';
  }

  /** Passes bytes again; connections that were stalled stay broken (their protocol lost bytes) until closed. */
  heal(): void {
    this.#mode = 'pass';
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A small morning's work at the hall over real sockets: sign-ins, tickets, some served and rated. */
export async function hallTraffic(url: string, clock: TestClock, tickets: number, served = Math.floor(tickets / 2)): Promise<void> {
  const kiosk = await connectClient(url, 'demo-kiosk-1');
  const windows = await Promise.all(['01', '02'].map((n) => connectClient(url, `demo-window-${n}`)));
  try {
    for (const [i, w] of windows.entries()) {
      const n = String(i + 1).padStart(2, '0');
      await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' });
    }
    for (let i = 0; i < tickets; i++) {
      clock.advance(30_000);
      const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: i % 3 === 0 ? 'social' : 'general', priority: 'normal' });
      if (!ack.ok) throw new Error(`issue: ${ack.error.message}`);
    }
    for (let i = 0; i < served; i++) {
      const windowId = `w0${(i % 2) + 1}`;
      const w = windows[i % 2]!;
      if (!(await w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId })).ok) continue;
      clock.advance(60_000);
      await w.emitWithAck('window:start', { cmdId: cmdId(), windowId });
      clock.advance(3 * 60_000);
      await w.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' });
    }
  } finally {
    kiosk.disconnect();
    for (const w of windows) w.disconnect();
  }
}

/** The district's pg client for a test's checks. */
export async function districtClient(url: string): Promise<pg.Client> {
  const client = new pg.Client(url);
  // A restart of PostgreSQL ends idle connections: the test's own checks reconnect, they never crash.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * A fuller day at the hall, for report checks: two windows call, serve and finish (outcomes varied),
 * some visits rated at the pad (a bad one opens a case; an unrated one becomes 未评价 when the next
 * visit there finishes), a no-show, a transfer, a hold resumed, some tickets left waiting. `day` names
 * the service day (ticket ids carry it).
 */
export async function ratedTraffic(url: string, clock: TestClock, day: string, tickets: number): Promise<void> {
  const kiosk = await connectClient(url, 'demo-kiosk-1');
  const windows = await Promise.all(['01', '02'].map((n) => connectClient(url, `demo-window-${n}`)));
  const pads = await Promise.all(['01', '02'].map((n) => connectClient(url, `demo-pad-${n}`)));
  const ok = async <T>(what: string, ack: Promise<{ ok: true; data: T } | { ok: false; error: { messageEn: string } }>): Promise<T> => {
    const a = await ack;
    if (!a.ok) throw new Error(`${what}: ${a.error.messageEn}`);
    return a.data;
  };
  const outcomes = ['done', 'accepted', 'enquiry', 'done', 'incomplete'] as const;
  try {
    for (const [i, w] of windows.entries()) {
      const n = String(i + 1).padStart(2, '0');
      await ok('sign in', w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' }));
    }
    for (let i = 0; i < tickets; i++) {
      clock.advance(20_000 + (i % 4) * 7_000);
      await ok('issue', kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: i % 3 === 0 ? 'social' : 'general', priority: 'normal' }));
    }
    // A meal break at w02 (window times by pause reason).
    await ok('pause', windows[1]!.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w02', reason: 'meal' }));
    clock.advance(4 * 60_000);
    await ok('unpause', windows[1]!.emitWithAck('window:unpause', { cmdId: cmdId(), windowId: 'w02' }));
    const served = tickets - 3; // three left waiting
    for (let i = 0; i < served; i++) {
      const windowId = `w0${(i % 2) + 1}`;
      const w = windows[i % 2]!;
      const called = await w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId });
      if (!called.ok || !called.data.ticket) continue;
      let number = called.data.ticket.number;
      clock.advance(30_000 + (i % 5) * 11_000);
      if (i % 7 === 3) {
        await ok('no-show', w.emitWithAck('window:noShow', { cmdId: cmdId(), windowId }));
        continue;
      }
      await ok('start', w.emitWithAck('window:start', { cmdId: cmdId(), windowId }));
      clock.advance(90_000 + (i % 6) * 47_000);
      if (i % 9 === 5) {
        await ok('transfer', w.emitWithAck('window:transfer', { cmdId: cmdId(), windowId, toCategoryId: 'general', note: '转综合窗口 to general' }));
        continue;
      }
      if (i % 8 === 6) {
        await ok('hold', w.emitWithAck('window:hold', { cmdId: cmdId(), windowId }));
        clock.advance(60_000);
        await ok('resume', w.emitWithAck('window:resume', { cmdId: cmdId(), windowId, number }));
        clock.advance(20_000);
        // The resumed ticket (or whoever the window is given next) is the visit finished below.
        const again = await ok('call again', w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId }));
        number = again.ticket?.number ?? number;
        clock.advance(15_000);
        await ok('start again', w.emitWithAck('window:start', { cmdId: cmdId(), windowId }));
        clock.advance(70_000);
      }
      const outcome = outcomes[i % outcomes.length]!;
      // Some visits get a 事项 (and 办件编号) at 办结, some a 办件编号 or 事项 just after (ticket.caseLinked).
      const item = i % 3 === 1 ? { itemCode: `DEMO-000${(i % 2) + 1}`, ...(i % 6 === 1 && { caseNumber: `BJ-${day}-${i}` }) } : {};
      await ok('finish', w.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome, ...item, ...(outcome !== 'done' && { note: '材料待补 papers to follow' }) }));
      if (i % 3 === 2) await ok('link case', w.emitWithAck('window:linkCase', { cmdId: cmdId(), windowId, itemCode: 'DEMO-0002', caseNumber: `BJ-${day}-${i}` }));
      const ticketId = `${day}/${number}`;
      const pad = pads[i % 2]!;
      if (i % 4 === 2) continue; // not rated at the pad: 未评价 once the window finishes its next visit
      const level = i % 5 === 0 ? 'dissatisfied' : i % 3 === 0 ? 'basic' : i % 2 === 0 ? 'very-satisfied' : 'satisfied';
      clock.advance(5_000);
      await ok('rate', pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId, ticketId, level, ...(level === 'dissatisfied' && { reasons: ['服务态度'] }) }));
    }
    // w01 signs out at the end of the day; w02 stays open (its time runs to the day's end).
    clock.advance(60_000);
    await ok('sign out', windows[0]!.emitWithAck('staff:signOut', { cmdId: cmdId(), windowId: 'w01' }));
  } finally {
    for (const s of [kiosk, ...windows, ...pads]) s.disconnect();
  }
}
