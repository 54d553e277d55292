// The provincial outbox against a receiver of our own that checks each record's fields and fails on
// command (500s, then answers too slow to wait for), with a hub restart in between and the outbox's
// last queued line lost as in a crash: in the end every record has arrived, and arrived once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxView } from '@yichuang/shared/province';
import { startHub, type RunningHub } from '../../hub/src/hub.js';
import { cmdId, connectClient, MONDAY_10AM, REPO_ROOT, tempDir, TestClock, type Client } from '../helpers/test-hub.js';

type Mode = 'ok' | 'fail' | 'slow';

/** A provincial platform: keeps each record once by its Idempotency-Key, and refuses a record with a field out of the national format. */
class Receiver {
  mode: Mode = 'fail';
  /** In 'ok' mode, how many more records to take before failing again (undefined: no limit). */
  takeOnly: number | undefined;
  readonly kept = new Map<string, Record<string, unknown>>();
  /** Posts answered 2xx per id: a record taken twice would show 2. */
  readonly taken = new Map<string, number>();
  readonly problems: string[] = [];
  /** When each post was refused with a 500. */
  readonly refusedAt: number[] = [];
  server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        if (this.mode === 'slow') return; // never answers: the outbox must give up on it
        if (this.mode === 'fail' || this.takeOnly === 0) {
          this.refusedAt.push(performance.now());
          res.writeHead(500).end('平台维护中 / platform under maintenance');
          return;
        }
        const key = req.headers['idempotency-key'];
        const id = typeof key === 'string' ? key : '';
        const body = JSON.parse(text) as Record<string, unknown>;
        const problem = id === '' || body.recordId !== id ? `id ${id} ≠ ${String(body.recordId)}` : checkFields(body);
        if (problem) {
          this.problems.push(problem);
          res.writeHead(400).end(problem);
          return;
        }
        if (!this.kept.has(id)) {
          this.kept.set(id, body);
          if (this.takeOnly !== undefined) this.takeOnly--;
        }
        this.taken.set(id, (this.taken.get(id) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/haocha/records`;
  }
}

const BASIC_TIME = /^\d{8}T\d{6}$/;
function checkFields(b: Record<string, unknown>): string | undefined {
  if (b.regionCode !== '330106') return `regionCode ${String(b.regionCode)}`;
  if (typeof b.caseNumber !== 'string' || b.caseNumber.includes('/') || b.caseNumber.length > 50) return `caseNumber ${String(b.caseNumber)}`;
  if (b.kind === 'rating') {
    if (!BASIC_TIME.test(String(b.ratedAt))) return `ratedAt ${String(b.ratedAt)}`;
    if (![1, 2, 3, 4, 5].includes(b.levelCode as number)) return `levelCode ${String(b.levelCode)}`;
    if (b.channelCode !== '1' || b.times !== 1) return `channelCode/times ${String(b.channelCode)}/${String(b.times)}`;
    if (typeof b.rater !== 'string' || /\d{11}/.test(b.rater)) return `rater ${String(b.rater)}`;
    return undefined;
  }
  if (!['verify', 'rectify', 'followUp'].includes(String(b.kind))) return `kind ${String(b.kind)}`;
  if (!BASIC_TIME.test(String(b.at)) || typeof b.ratingRecordId !== 'string' || !b.handler) return `step ${JSON.stringify(b)}`;
  return undefined;
}

const receiver = new Receiver();
let endpoint: string;
let dataDir: string;
const clock = new TestClock(MONDAY_10AM);
const logs: string[] = [];
let hub: RunningHub;
const clients: Client[] = [];

async function start(): Promise<void> {
  hub = await startHub(
    { port: 0, host: '127.0.0.1', dataDir, screensDir: REPO_ROOT, version: 'test', province: { timeoutMs: 300, retryMinMs: 40, retryMaxMs: 400 } },
    { clock: clock.now, log: (l) => logs.push(l) },
  );
}
async function stop(): Promise<void> {
  for (const c of clients.splice(0)) c.disconnect();
  await hub.close();
}
async function connect(token: string): Promise<Client> {
  const c = await connectClient(hub.url, token);
  clients.push(c);
  return c;
}
const ok = <T extends { ok: boolean }>(ack: T): T => {
  if (!ack.ok) throw new Error(JSON.stringify(ack));
  return ack;
};
async function outbox(): Promise<OutboxView> {
  const res = await fetch(`${hub.url}/api/province/outbox`, { headers: { authorization: 'Bearer demo-console-1' } });
  return ((await res.json()) as { data: OutboxView }).data;
}
async function until(what: string, test: (v: OutboxView) => boolean, ms = 8000): Promise<OutboxView> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await outbox();
    if (test(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

beforeAll(async () => {
  endpoint = await receiver.start();
  dataDir = await tempDir('yichuang-province-');
  await start();
});
afterAll(async () => {
  await stop().catch(() => undefined);
  receiver.server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('provincial outbox', () => {
  it('keeps every record while the platform fails, and delivers each once after a restart', async () => {
    const manager = await connect('demo-console-1');
    const config = ok(await manager.emitWithAck('admin:config', {}));
    const evaluation = config.ok ? config.data.evaluation : undefined;
    ok(await manager.emitWithAck('admin:saveEvaluation', { cmdId: cmdId(), evaluation: { ...evaluation!, platform: { ...evaluation!.platform, endpoint } } }));

    // Three ratings (one bad, with a phone) and the bad one's 核实, 整改, 回访: six records.
    const kiosk = await connect('demo-kiosk-1');
    const w1 = await connect('demo-window-01');
    const pad = await connect('demo-pad-01');
    ok(await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' }));
    for (const level of ['very-satisfied', 'dissatisfied', 'satisfied'] as const) {
      const issued = ok(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
      ok(await w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' }));
      ok(await w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' }));
      clock.advance(4 * 60_000);
      ok(await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' }));
      const bad = level === 'dissatisfied';
      const ticketId = issued.ok ? issued.data.ticket.id : '';
      ok(await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level, reasons: bad ? ['服务态度'] : [], ...(bad && { phone: '13912345678' }) }));
    }
    const caseId = '20261123-A002';
    ok(await manager.emitWithAck('case:verify', { cmdId: cmdId(), caseId, handler: '林雪梅', verdict: 'confirmed', notes: '属实' }));
    ok(await manager.emitWithAck('case:rectify', { cmdId: cmdId(), caseId, handler: '林雪梅', measures: '加强培训' }));
    ok(await manager.emitWithAck('case:followUp', { cmdId: cmdId(), caseId, handler: '林雪梅', result: 'satisfied', notes: '已回访' }));

    // The platform answers 500: the records wait, the first failed with the platform's reason.
    let v = await until('a 500 failure', (o) => o.counts.failed === 1 && o.counts.waiting === 5 && o.items[0]!.tries >= 4);
    expect(v.counts).toEqual({ sent: 0, waiting: 5, failed: 1 });
    expect(v.items[0]).toMatchObject({ id: '330106demo-district20261123A001', kind: 'rating', state: 'failed', reason: expect.stringContaining('HTTP 500') });
    // Each wait at least twice the one before (40, 80, 160 ms …), up to 400 ms.
    const gaps = receiver.refusedAt.slice(1, 4).map((at, i) => at - receiver.refusedAt[i]!);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(40 * 2 ** i - 2));

    // It stops answering: each try gives up after the timeout.
    receiver.mode = 'slow';
    v = await until('a timeout', (o) => /timed out/.test(o.items[0]!.reason ?? ''));
    expect(v.items[0]).toMatchObject({ state: 'failed', reason: '超时 / timed out after 300 ms' });

    // It takes two records, then fails again.
    receiver.mode = 'ok';
    receiver.takeOnly = 2;
    v = await until('two sent', (o) => o.counts.sent === 2 && o.counts.failed === 1);
    expect(v.items.filter((i) => i.state !== 'sent').map((i) => i.kind)).toEqual(['rating', 'verify', 'rectify', 'followUp']);

    // The hub stops; as in a crash, the outbox's last queued line never reached the disk.
    await stop();
    const file = path.join(dataDir, 'province-outbox.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const lastQueued = lines.findLastIndex((l) => l.includes('"t":"queued"'));
    expect(lines[lastQueued]).toContain('-followUp');
    await writeFile(file, `${lines.filter((_, i) => i !== lastQueued).join('\n')}\n`);

    receiver.takeOnly = undefined;
    await start();
    v = await until('all sent', (o) => o.counts.sent === 6);
    expect(v.counts).toEqual({ sent: 6, waiting: 0, failed: 0 });

    const ids = [...receiver.kept.keys()];
    const visit = (n: string): string => `330106demo-district20261123${n}`;
    expect(ids).toEqual([visit('A001'), visit('A002'), visit('A003'), `${visit('A002')}-verify`, `${visit('A002')}-rectify`, `${visit('A002')}-followUp`]);
    expect([...receiver.taken.values()]).toEqual([1, 1, 1, 1, 1, 1]); // each taken once
    expect(receiver.problems).toEqual([]);
    expect(receiver.kept.get(visit('A002'))).toMatchObject({ levelCode: 4, rater: '139****5678', realName: 1, reasons: ['服务态度'] });
    expect(receiver.kept.get(`${visit('A002')}-followUp`)).toMatchObject({ step: '回访', result: '满意', resultCode: 'satisfied', caseId, ratingRecordId: visit('A002') });
    expect(await readFile(file, 'utf8')).not.toContain('13912345678');
  }, 30_000);

  it('is for managers only', async () => {
    const res = await fetch(`${hub.url}/api/province/outbox`);
    expect(res.status).toBe(401);
  });
});
