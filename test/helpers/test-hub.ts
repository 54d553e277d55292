// A real hub on port 0 in a temp data folder, and real socket.io clients for it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ClientToServerEvents, DeviceWelcome, ServerToClientEvents } from '@yichuang/shared/events';
import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';
import { startHub, type RunningHub } from '../../hub/src/hub.js';
import { ticketPageUrl } from '../../hub/src/printing/page-url.js';
import { loadSecretKey } from '../../hub/src/security/secret-key.js';
import { TicketLinks } from '../../hub/src/security/ticket-links.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Monday 2026-11-23 10:00 in Asia/Shanghai: inside the demo hall's hours. */
export const MONDAY_10AM = Date.parse('2026-11-23T02:00:00Z');

/** A clock that starts at a chosen hall time, runs with real time, and can jump ahead. */
export class TestClock {
  private offset: number;
  constructor(start: number) {
    this.offset = start - Date.now();
  }
  now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface TestHub {
  hub: RunningHub;
  dataDir: string;
  clock: TestClock;
  logs: string[];
  connect(token: string): Promise<Client>;
  /** The signed page address a slip of that number carries (the hub's own address unless given). */
  pageUrl(number: string, base?: string, day?: string): string;
  close(): Promise<void>;
}

export async function tempDir(prefix = 'yichuang-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** `port` (default 0: any) lets a restarted hub come back where its screens look for it. */
export async function startTestHub(options: { dataDir?: string; start?: number; port?: number; chromium?: string } = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? (await tempDir());
  const clock = new TestClock(options.start ?? MONDAY_10AM);
  const logs: string[] = [];
  const hub = await startHub(
    { port: options.port ?? 0, host: '127.0.0.1', dataDir, screensDir: REPO_ROOT, version: 'test', ...(options.chromium && { chromium: options.chromium }) },
    { clock: clock.now, log: (l) => logs.push(l) },
  );
  const clients: Client[] = [];
  const links = new TicketLinks(await loadSecretKey(dataDir, { inUse: true, log: (l) => logs.push(l) }));
  return {
    hub,
    dataDir,
    clock,
    logs,
    pageUrl: (number, base = hub.url, day = '2026-11-23') => ticketPageUrl(base, number, day, links.sign(day, number)),
    async connect(token) {
      const client = await connectClient(hub.url, token);
      clients.push(client);
      return client;
    },
    async close() {
      for (const c of clients) c.disconnect();
      await hub.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function connectClient(url: string, token: string): Promise<Client> {
  const client: Client = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 });
  return new Promise((resolve, reject) => {
    // Refused at the first handshake: give up. Once in, a lost hub is reconnected to, as screens do.
    const refused = (err: Error): void => {
      client.disconnect();
      reject(err);
    };
    client.once('connect_error', refused);
    client.once('device:welcome', (_w: DeviceWelcome) => {
      client.off('connect_error', refused);
      resolve(client);
    });
  });
}

/** Resolves with the next broadcast of that name. */
export function next<E extends keyof ServerToClientEvents>(client: Client, event: E, timeoutMs = 5000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (client.once as (e: string, l: (p: never) => void) => void)(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

let counter = 0;
export const cmdId = (): string => `t${process.pid}-${Date.now()}-${++counter}`;

/** The data of a command's answer; a refusal throws with the hub's English message. */
export async function acked<T>(ack: Promise<{ ok: true; data: T } | { ok: false; error: { messageEn: string } }>): Promise<T> {
  const a = await ack;
  if (!a.ok) throw new Error(a.error.messageEn);
  return a.data;
}

/** Hubs a test starts, and restarts on the same data folder; closed after each test of the file. */
export function restartableHubs(): {
  /** `startAt`: the hall time the hub's clock starts at (default Monday 10:00). */
  start(dataDir: string, startAt?: number): Promise<TestHub>;
  /** `meanwhile` runs while the hub is down (to damage or remove a file, say). */
  restart(t: TestHub, meanwhile?: () => Promise<void>): Promise<TestHub>;
} {
  let hubs: TestHub[] = [];
  afterEach(async () => {
    for (const h of hubs) await h.close();
    hubs = [];
  });
  const start = async (dataDir: string, startAt?: number): Promise<TestHub> => {
    const t = await startTestHub({ dataDir, start: startAt });
    hubs.push(t);
    return t;
  };
  return {
    start,
    async restart(t, meanwhile) {
      await t.close();
      hubs = hubs.filter((h) => h !== t);
      await meanwhile?.();
      return start(t.dataDir);
    },
  };
}
