// A slip cut off mid-print, or one the printer never confirms, is not printed: the kiosk gets the
// e-ticket, the journal says unprinted, and the ticket is on the reprint list (补打号票). On the
// hub's serial port (a socat PTY whose cable is pulled), on a TCP printer that closes the
// connection, and behind a print agent whose printer goes away.
import { afterEach, describe, expect, it } from 'vitest';
import { cmdId, type Client, type TestHub } from '../helpers/test-hub.js';
import { startAgent } from './helpers/agent-process.js';
import { printer, printerIs, printRecords, PUBLIC_URL, startPrintingHub } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';
import { ptyPair } from './helpers/socat.js';
import { printerOnPty, printerOnTcp } from './helpers/virtual-printers.js';

/** Issues a ticket at `kiosk` and expects an e-ticket, a journaled failure and a place on the reprint list. */
async function expectUnprinted(t: TestHub, kiosk: Client, printerId: string): Promise<void> {
  const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
  expect(ack).toMatchObject({
    ok: true,
    data: { ticket: { number: 'A001', printed: false }, print: { status: 'unprinted', printerId, pageUrl: t.pageUrl('A001', PUBLIC_URL) } },
  });
  expect(await printRecords(t, 'A001')).toEqual([expect.objectContaining({ ok: false, printerId })]);
  const console_ = await t.connect('demo-console-1');
  const list = await console_.emitWithAck('printer:unprinted', {});
  expect(list.ok && list.data.map((u) => u.ticket.number)).toEqual(['A001']);
}

describe('a slip cut off on the hub’s serial port', () => {
  const rig = serialPrinterHub(9600);

  it('is unprinted when the cable goes after 100 bytes of the slip', async () => {
    const { t, wired } = rig;
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(kiosk, 'p-kiosk-1', 'ready');
    const dropped = wired.vp.dropAfter(100);
    await expectUnprinted(t, kiosk, 'p-kiosk-1');
    await dropped;
    expect(wired.vp.slips()).toEqual([]);
  });

  it('is unprinted when the printer takes the whole slip but does not answer after it', async () => {
    const { t, wired } = rig;
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(kiosk, 'p-kiosk-1', 'ready');
    wired.vp.onCut = () => (wired.vp.silent = true);
    await expectUnprinted(t, kiosk, 'p-kiosk-1');
  });
});

describe('a slip cut off on a TCP printer', () => {
  let t: TestHub;
  afterEach(() => t.close());

  it('is unprinted when the printer closes the connection after 100 bytes', async () => {
    const wired = await printerOnTcp();
    try {
      t = await startPrintingHub([printer('p-net', 'kiosk-1', { kind: 'tcp', host: '127.0.0.1', port: wired.port })]);
      const kiosk = await t.connect('demo-kiosk-1');
      await printerIs(kiosk, 'p-net', 'ready');
      const dropped = wired.vp.dropAfter(100);
      await expectUnprinted(t, kiosk, 'p-net');
      await dropped;
      expect(wired.vp.slips()).toEqual([]);
    } finally {
      await wired.close();
    }
  });
});

describe('a slip cut off behind a print agent', () => {
  let t: TestHub;
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await t.close();
  });

  it('is unprinted when the agent’s printer goes after 100 bytes', async () => {
    t = await startPrintingHub([printer('p-agent-1', 'kiosk-1', { kind: 'agent' })]);
    const pty = await ptyPair();
    const wired = await printerOnPty(pty);
    const agent = startAgent(t.hub.url, pty.host, { token: 'demo-agent-kiosk-1' });
    cleanup.push(() => pty.close(), () => wired.close(), () => agent.kill());
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(kiosk, 'p-agent-1', 'ready', 10_000);
    const dropped = wired.vp.dropAfter(100);
    await expectUnprinted(t, kiosk, 'p-agent-1');
    await dropped;
    expect(wired.vp.slips()).toEqual([]);
  });
});
