// Pairing the print agent by a code, as a new screen is paired: the built agent in a child process
// shows a code on its terminal, the demo console approves it as the print agent of kiosk-1, and the
// agent prints that kiosk's slips on its socat PTY printer; its token stays in a 0600 file for later
// starts. Also what it says when the hub is away, its code expired, the hub refuses, or it is revoked.
import { access, readFile, rm, stat } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cmdId, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import { post } from '../security/helpers.js';
import { PAIRING_CODE, startAgent, type AgentCredentials, type AgentProcess } from './helpers/agent-process.js';
import { printer, printerIs, startPrintingHub } from './helpers/printing-hub.js';
import { ptyPair } from './helpers/socat.js';
import { printerOnPty, type WiredPrinter } from './helpers/virtual-printers.js';

const AGENT_PRINTER = printer('p-agent-1', 'kiosk-1', { kind: 'agent' });
/** Not the demo hall's own (token-paired) agent of kiosk-1. */
const PAIRED_NAME = '1号取号机 新打印代理';
const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

describe('pairing the print agent by a code', () => {
  const cleanup: (() => Promise<void>)[] = [];
  let t: TestHub;
  let console_: Client;
  let tokenFile: string;
  let wired: WiredPrinter;
  let printerPath: string;

  beforeEach(async () => {
    t = await startPrintingHub([AGENT_PRINTER]);
    console_ = await t.connect('demo-console-1');
    const dir = await tempDir('yichuang-agent-');
    // A folder not made yet: the agent makes it.
    tokenFile = path.join(dir, 'kiosk-pc', 'agent-token');
    const pty = await ptyPair();
    wired = await printerOnPty(pty);
    printerPath = pty.host;
    cleanup.push(() => rm(dir, { recursive: true, force: true }), () => pty.close(), () => wired.close());
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await t.close();
  });

  function agent(hubUrl: string, credentials: AgentCredentials): AgentProcess {
    const started = startAgent(hubUrl, printerPath, credentials);
    cleanup.push(() => started.kill());
    return started;
  }

  /** What a manager does on the console's Devices page: the code, role print agent, kiosk-1. */
  async function approve(code: string): Promise<string> {
    const ack = await console_.emitWithAck('device:approve', { cmdId: cmdId(), code, device: { name: PAIRED_NAME, role: 'agent', kioskId: 'kiosk-1' } });
    if (!ack.ok) throw new Error(`approval refused: ${ack.error.messageEn}`);
    return ack.data.devices.find((d) => d.name === PAIRED_NAME)!.id;
  }

  async function ready(running: AgentProcess): Promise<void> {
    await printerIs(console_, 'p-agent-1', 'ready', 10_000).catch((err: Error) => {
      throw new Error(`${err.message}\nagent output:\n${running.output()}`);
    });
  }

  async function printsA(number: string): Promise<void> {
    const kiosk = await t.connect('demo-kiosk-1');
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(ack).toMatchObject({ ok: true, data: { ticket: { number }, print: { status: 'printed', printerId: 'p-agent-1' } } });
    const slips = await wired.vp.waitForSlips(Number(number.slice(1)));
    expect(slips.at(-1)!.lines.map((l) => l.text)).toContain(number);
    kiosk.disconnect();
  }

  it('shows a code and what to do with it, keeps the approved token in a 0600 file, and reuses it without --pair', async () => {
    const first = agent(t.hub.url, { tokenFile, pair: true });
    const [, code] = await first.waitFor(PAIRING_CODE);
    await first.waitFor(/waiting for a manager to approve/);
    expect(first.stdout()).toContain(`在管理台「设备」页面「配对新设备」处输入配对码 ${code}，角色选「打印代理」`);
    expect(first.stdout()).toContain(`Enter this code on the console's Devices page (Pair a new device), role "print agent"`);
    const listed = await console_.emitWithAck('device:list', {});
    expect(listed.ok && listed.data.requests).toEqual([expect.objectContaining({ screen: 'agent' })]);

    const id = await approve(code!);
    await ready(first);
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(t.dataDir, 'config.json'), 'utf8')).not.toContain(token);
    await printsA('A001');

    await first.kill();
    await printerIs(console_, 'p-agent-1', 'offline');
    const again = agent(t.hub.url, { tokenFile });
    await ready(again);
    expect(again.output()).toContain(`using the token in ${tokenFile}`);
    expect(again.stdout()).not.toMatch(PAIRING_CODE);
    await printsA('A002');
    const devices = await console_.emitWithAck('device:list', {});
    expect(devices.ok && devices.data.devices.filter((d) => d.role === 'agent' && !d.demo).map((d) => d.id)).toEqual([id]);

    // Revoked, and not allowed to pair: it says how to pair again and keeps its file.
    expect(await console_.emitWithAck('device:revoke', { cmdId: cmdId(), deviceId: id })).toMatchObject({ ok: true });
    await again.waitFor(/this agent was revoked on the console/);
    await again.waitFor(/was refused; if it was revoked, run with --pair to pair again/, { timeoutMs: 15_000 });
    expect(await readFile(tokenFile, 'utf8')).toContain(token);
  });

  it('with --pair, drops a revoked token and shows a new code', async () => {
    const running = agent(t.hub.url, { tokenFile, pair: true });
    const [, code] = await running.waitFor(PAIRING_CODE);
    const id = await approve(code!);
    await ready(running);
    const firstToken = await readFile(tokenFile, 'utf8');

    const mark = running.output().length;
    expect(await console_.emitWithAck('device:revoke', { cmdId: cmdId(), deviceId: id })).toMatchObject({ ok: true });
    await running.waitFor(/dropped the refused token; pairing again/, { from: mark });
    const [, next] = await running.waitFor(PAIRING_CODE, { from: mark });
    expect(await exists(tokenFile)).toBe(false);
    await approve(next!);
    await ready(running);
    expect(await readFile(tokenFile, 'utf8')).not.toBe(firstToken);
    await printsA('A001');
  });

  it('retries with backoff while the hub is unreachable, and asks for a new code when the hub no longer knows its code', async () => {
    const relay = await tcpRelay();
    cleanup.push(() => relay.close());
    const running = agent(relay.url, { tokenFile, pair: true });
    await running.waitFor(/无法连接大厅服务器 .*，1 秒后重试 \/ cannot reach the hub at .*; retrying in 1 s/);
    await running.waitFor(/retrying in 2 s/);
    expect(running.stdout()).not.toMatch(PAIRING_CODE);

    await relay.open(t.hub.url);
    const [, first] = await running.waitFor(PAIRING_CODE, { timeoutMs: 15_000 });
    expect(running.output()).toContain('已连上大厅服务器 / the hub answers again');

    // The hub restarts: codes live in its memory, so the code the agent shows is gone.
    const mark = running.output().length;
    const old = t;
    t = await startPrintingHub([AGENT_PRINTER]);
    relay.retarget(t.hub.url);
    await old.close();
    console_ = await t.connect('demo-console-1');
    await running.waitFor(new RegExp(`配对码 ${first} 已过期.*/ code ${first} has expired .*; asking for a new one`), { from: mark });
    const [, second] = await running.waitFor(PAIRING_CODE, { from: mark });
    await approve(second!);
    await ready(running);
    await printsA('A001');
  });

  it('asks for a new code when the manager paired it as another kind of device', async () => {
    const running = agent(t.hub.url, { tokenFile, pair: true });
    const [, code] = await running.waitFor(PAIRING_CODE);
    const mark = running.output().length;
    const ack = await console_.emitWithAck('device:approve', { cmdId: cmdId(), code: code!, device: { name: '误配的取号机', role: 'kiosk', zone: 'hall' } });
    expect(ack.ok).toBe(true);
    await running.waitFor(/本机被配对成了「取号机」，不是「打印代理」.* \/ this PC was paired as a kiosk, not a print agent/, { from: mark });
    await running.waitFor(PAIRING_CODE, { from: mark });
    expect(await exists(tokenFile)).toBe(false);
  });

  it('says so when the hub refuses a code (too many requests) and keeps asking', async () => {
    // This address's pairing allowance is spent.
    for (let i = 0; i < 5; i++) expect((await post(t.hub.url, '/api/pairing', { screen: 'kiosk' })).status).toBe(200);
    const running = agent(t.hub.url, { tokenFile, pair: true });
    await running.waitFor(/服务器暂不发放配对码：操作过于频繁，请稍后再试，30 秒后重试 \/ the hub refused a code for now: Too many requests; try again shortly; asking again in 30 s/);
    expect(running.child.exitCode).toBeNull();
    expect(running.stdout()).not.toMatch(PAIRING_CODE);
  });

  it('refuses to start without a token unless allowed to pair', async () => {
    const running = agent(t.hub.url, { tokenFile });
    await running.waitFor(/no device token: .* does not exist; run once with --pair to pair this agent/);
    if (running.child.exitCode === null) await new Promise((resolve) => running.child.once('exit', resolve));
    expect(running.child.exitCode).toBe(2);
  });
});

/** The hub's address as a TCP relay on a fixed port: nothing listens until opened, then it passes to a hub. */
async function tcpRelay(): Promise<{ url: string; open(hubUrl: string): Promise<void>; retarget(hubUrl: string): void; close(): Promise<void> }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  let target = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  const portOf = (hubUrl: string): number => Number(new URL(hubUrl).port);
  return {
    url: `http://127.0.0.1:${port}`,
    async open(hubUrl) {
      target = portOf(hubUrl);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    retarget(hubUrl) {
      target = portOf(hubUrl);
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
