// A slip is never printed twice by accident. Each print job has an id the hub and the agent both keep
// on disk: an agent killed after writing a slip leaves it unprinted (e-ticket, reprint list) and a
// retried issue prints nothing, while the reprint says 补打 and when, so two slips of one number are
// told apart; a hub killed while its agent prints does not print the slip again when the kiosk
// retries, and the outcome the agent could not report is settled when it reconnects.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TicketView } from '@yichuang/shared/domain';
import type { PrintingFile } from '@yichuang/shared/printing-schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPrinting } from '../../hub/src/printing/printing-store.js';
import { killed, seedAllDayHall, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { cmdId, connectClient, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import { startAgent, type AgentProcess } from './helpers/agent-process.js';
import { printer, printerIs, printRecords, startPrintingHub } from './helpers/printing-hub.js';
import { ptyPair } from './helpers/socat.js';
import { printerOnPty, type WiredPrinter } from './helpers/virtual-printers.js';

const TOKEN = 'demo-agent-kiosk-1';
const AGENT_PRINTER = printer('p-agent-1', 'kiosk-1', { kind: 'agent' });
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A kiosk PC's printer on a fresh PTY, and a folder for its agent's memory. */
async function kioskPc(): Promise<{ wired: WiredPrinter; printerPath: string; data: string }> {
  const pty = await ptyPair();
  const wired = await printerOnPty(pty);
  const data = await tempDir('yichuang-agent-');
  cleanup.push(() => pty.close(), () => wired.close(), () => rm(data, { recursive: true, force: true }));
  return { wired, printerPath: pty.host, data };
}

function agentOn(hubUrl: string, pc: { printerPath: string; data: string }): AgentProcess {
  const agent = startAgent(hubUrl, pc.printerPath, { token: TOKEN, data: pc.data });
  cleanup.push(() => agent.kill());
  return agent;
}

const texts = (slip: { lines: { text: string }[] }): string[] => slip.lines.map((l) => l.text);

describe('an agent killed after writing a slip', () => {
  let t: TestHub;
  afterEach(() => t.close());

  it('leaves it unprinted; a retried issue prints nothing, and the reprint says 补打', async () => {
    t = await startPrintingHub([AGENT_PRINTER]);
    const pc = await kioskPc();
    const first = agentOn(t.hub.url, pc);
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-agent-1', 'ready', 10_000);
    const kiosk = await t.connect('demo-kiosk-1');

    // The printer takes the whole slip, then hangs: the agent waits for its word, and dies there.
    pc.wired.vp.onCut = () => {
      pc.wired.vp.silent = true;
      void first.kill();
    };
    const id = cmdId();
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' });
    expect(issued).toMatchObject({ ok: true, data: { ticket: { number: 'A001', printed: false }, print: { status: 'unprinted', reason: { code: 'PRINTER_AGENT_OFFLINE' } } } });
    expect(pc.wired.vp.slips()).toHaveLength(1);

    pc.wired.vp.silent = false;
    pc.wired.vp.onCut = undefined;
    const again = agentOn(t.hub.url, pc);
    await printerIs(console_, 'p-agent-1', 'ready', 10_000);
    await again.waitFor(/已连接大厅服务器/);
    // The kiosk retries: the same answer, no second slip.
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' })).toEqual(issued);
    const listed = await console_.emitWithAck('printer:unprinted', {});
    expect(listed.ok && listed.data.map((u) => u.ticket.number)).toEqual(['A001']);

    expect(await console_.emitWithAck('ticket:reprint', { cmdId: cmdId(), number: 'A001' })).toMatchObject({ ok: true, data: { status: 'printed' } });
    const [original, reprint] = await pc.wired.vp.waitForSlips(2);
    expect(texts(original!)).toContain('A001');
    expect(texts(original!).some((l) => l.startsWith('补打'))).toBe(false);
    expect(texts(reprint!)).toContain('A001');
    expect(texts(reprint!)).toContainEqual(expect.stringMatching(/^补打 \d\d:\d\d$/));
    expect((await printRecords(t, 'A001')).map((e) => e.ok)).toEqual([false, true]);
    expect(pc.wired.vp.slips()).toHaveLength(2);
  });
});

describe('a hub killed while its agent prints', () => {
  const hubs: HubProcess[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const h of hubs.splice(0)) {
      h.child.kill('SIGKILL');
      await killed(h.child);
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  async function hubOn(port: number): Promise<{ hub: HubProcess; console_: Client }> {
    const hub = await startHubProcess(dataDir, port);
    hubs.push(hub);
    const console_ = await connectClient(hub.url, 'demo-console-1');
    cleanup.push(async () => void console_.disconnect());
    return { hub, console_ };
  }

  it('does not print the slip again when the kiosk retries, and the agent settles its outcome when it reconnects', async () => {
    dataDir = await tempDir('yichuang-print-');
    await seedAllDayHall(dataDir);
    const file: PrintingFile = { ...defaultPrinting(), printers: [AGENT_PRINTER] };
    await writeFile(path.join(dataDir, 'printers.json'), JSON.stringify(file));
    const first = await hubOn(0);
    const port = Number(new URL(first.hub.url).port);
    const pc = await kioskPc();
    const agent = agentOn(first.hub.url, pc);
    await printerIs(first.console_, 'p-agent-1', 'ready', 10_000);

    // The slip is out; the printer's word after it waits until the hub is dead.
    let release: (() => void) | undefined;
    pc.wired.vp.onCut = () => {
      release = pc.wired.vp.hold();
      first.hub.child.kill('SIGKILL');
    };
    const kiosk = await connectClient(first.hub.url, 'demo-kiosk-1');
    const id = cmdId();
    kiosk.emit('ticket:issue', { cmdId: id, categoryId: 'general' }, () => undefined);
    await killed(first.hub.child);
    kiosk.disconnect();
    pc.wired.vp.onCut = undefined;
    release!();
    await agent.waitFor(/A001: 已打印 \/ printed/);

    const second = await hubOn(port);
    await printerIs(second.console_, 'p-agent-1', 'ready', 15_000);
    // Settled by the agent as it reconnected: printed, with no retry needed.
    await until(async () => (await ticket(second.hub.url, 'A001'))?.printed === true);
    const retry = await connectClient(second.hub.url, 'demo-kiosk-1');
    cleanup.push(async () => void retry.disconnect());
    expect(await retry.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' })).toMatchObject({
      ok: true,
      data: { ticket: { number: 'A001', printed: true }, print: { status: 'printed', printerId: 'p-agent-1' } },
    });
    expect(pc.wired.vp.slips()).toHaveLength(1);
    expect(agent.output()).not.toMatch(/A001: 已打印 \/ printed[\s\S]*A001: 已打印 \/ printed/);
  });
});

async function ticket(hubUrl: string, number: string): Promise<TicketView | undefined> {
  const res = (await (await fetch(`${hubUrl}/api/tickets/${number}`)).json()) as { ok: boolean; data?: TicketView };
  return res.ok ? res.data : undefined;
}

/** Asks again every 50 ms until `done`, for up to 5 s. */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('not within 5 s');
}
