// A serial printer on a kiosk PC, driven by the print agent (the built agent in a child process,
// with its own socat PTY) connected to a hub on port 0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cmdId, type Client, type TestHub } from '../helpers/test-hub.js';
import { startAgent, type AgentProcess } from './helpers/agent-process.js';
import { printer, printerIs, printRecords, PUBLIC_URL, startPrintingHub } from './helpers/printing-hub.js';
import { ptyPair, type PtyPair } from './helpers/socat.js';
import { printerOnPty, type WiredPrinter } from './helpers/virtual-printers.js';

const TOKEN = 'demo-agent-kiosk-1';

describe('a printer behind a print agent', () => {
  const cleanup: (() => Promise<void>)[] = [];
  let t: TestHub;
  let console_: Client;

  /** A kiosk PC: its printer on a fresh PTY, its agent connected to the hub. */
  async function kioskPc(): Promise<{ agent: AgentProcess; wired: WiredPrinter; pty: PtyPair }> {
    const pty = await ptyPair();
    const wired = await printerOnPty(pty);
    const agent = startAgent(t.hub.url, pty.host, { token: TOKEN });
    cleanup.push(() => agent.kill(), () => wired.close(), () => pty.close());
    await printerIs(console_, 'p-agent-1', 'ready', 10_000).catch((err: Error) => {
      throw new Error(`${err.message}\nagent output:\n${agent.output()}`);
    });
    return { agent, wired, pty };
  }

  beforeEach(async () => {
    t = await startPrintingHub([printer('p-agent-1', 'kiosk-1', { kind: 'agent' })]);
    console_ = await t.connect('demo-console-1');
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await t.close();
  });

  it('prints the ticket number, the Chinese category, the people ahead and the QR code', async () => {
    const { wired } = await kioskPc();
    const kiosk = await t.connect('demo-kiosk-1');
    for (let i = 0; i < 3; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'property' });
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'property' });
    expect(ack).toMatchObject({ ok: true, data: { ticket: { number: 'E004', ahead: 3 }, print: { status: 'printed', printerId: 'p-agent-1' } } });

    const slip = (await wired.vp.waitForSlips(4))[3]!;
    const text = slip.lines.map((l) => l.text);
    expect(slip.lines.find((l) => l.text === 'E004')).toMatchObject({ width: 4, height: 4 });
    expect(text).toContain('房产事务·不动产登记');
    expect(text.some((l) => l.startsWith('前面等候 3 人'))).toBe(true);
    expect(slip.qr).toEqual([t.pageUrl('E004', PUBLIC_URL)]);
    expect((await console_.emitWithAck('printer:status', {}))).toMatchObject({ ok: true, data: [{ printerId: 'p-agent-1', agentConnected: true, where: expect.stringContaining('@ 9600') }] });
  });

  it('marks the slip unprinted when the agent dies mid-job, and reprints the same number when it is back', async () => {
    const first = await kioskPc();
    const kiosk = await t.connect('demo-kiosk-1');
    first.wired.vp.silent = true; // the printer hangs: the agent is left waiting on it

    const issued = kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    await first.wired.vp.nextQuery(); // the job is at the agent now
    const offline = printerIs(console_, 'p-agent-1', 'offline');
    await first.agent.kill();

    expect(await issued).toMatchObject({
      ok: true,
      data: { ticket: { number: 'A001', printed: false }, print: { status: 'unprinted', reason: { code: 'PRINTER_AGENT_OFFLINE' }, pageUrl: t.pageUrl('A001', PUBLIC_URL) } },
    });
    expect(await offline).toMatchObject({ agentConnected: false });
    expect(await printRecords(t, 'A001')).toEqual([expect.objectContaining({ ok: false, reason: 'agent-offline' })]);
    // With the agent gone, the next citizen gets the e-ticket at once.
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({
      ok: true,
      data: { ticket: { number: 'A002' }, print: { status: 'unprinted', reason: { code: 'PRINTER_AGENT_OFFLINE' } } },
    });

    const second = await kioskPc();
    expect(await console_.emitWithAck('ticket:reprint', { cmdId: cmdId(), number: 'A001' })).toMatchObject({ ok: true, data: { status: 'printed', printerId: 'p-agent-1' } });
    const [slip] = await second.wired.vp.waitForSlips(1);
    expect(slip!.lines.map((l) => l.text)).toContain('A001');
    expect((await printRecords(t, 'A001')).map((e) => e.ok)).toEqual([false, true]);
  });
});
