// A serial printer edited on the console takes its new settings at once: its port is closed (the
// lock released) and opened again with the new baud rate or path, and it is ready within 2 s. A
// disabled printer lets go of its port. An agent's printer edited while its agent is connected
// shows what the agent last reported, not "unknown" until the agent reconnects.
import type { PrinterConfig, PrinterState } from '@yichuang/shared/printing';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { cmdId, type Client, type TestHub } from '../helpers/test-hub.js';
import { startAgent } from './helpers/agent-process.js';
import { printer, printerIs, startPrintingHub } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';
import { ptyPair } from './helpers/socat.js';
import { printerOnPty } from './helpers/virtual-printers.js';

async function save(console_: Client, p: PrinterConfig): Promise<void> {
  expect(await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: p })).toMatchObject({ ok: true });
}

async function current(console_: Client, printerId: string): Promise<PrinterConfig> {
  const ack = await console_.emitWithAck('printer:settings', {});
  const found = ack.ok ? ack.data.printers.find((p) => p.id === printerId) : undefined;
  if (!found) throw new Error(`no printer ${printerId}`);
  return found;
}

/** Whether this process can open (and lock) the port now. */
function opens(path: string): Promise<boolean> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  return new Promise((resolve) => port.open((err) => (err ? resolve(false) : port.close(() => resolve(true)))));
}

describe('a serial printer reconfigured on the console', () => {
  const rig = serialPrinterHub(9600);

  it('is ready again within 2 s after a new baud rate, a new path and a new name, and prints there', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    const first = await current(console_, 'p-kiosk-1');
    if (first.connection.kind !== 'serial') throw new Error('serial expected');

    await save(console_, { ...first, connection: { ...first.connection, baudRate: 19_200 } });
    expect(await printerIs(console_, 'p-kiosk-1', 'ready', 2000)).toMatchObject({ where: expect.stringContaining('@ 19200') });
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { print: { status: 'printed' } } });
    await wired.vp.waitForSlips(1);

    const other = await ptyPair();
    const moved = await printerOnPty(other);
    try {
      await save(console_, { ...first, connection: { kind: 'serial', path: other.host, baudRate: 9600 } });
      await printerIs(console_, 'p-kiosk-1', 'ready', 2000);
      expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { print: { status: 'printed' } } });
      await moved.vp.waitForSlips(1);
      // The old port is free again.
      expect(await opens(first.connection.path)).toBe(true);

      const renamed = new Promise<PrinterState>((resolve) => console_.on('printer:changed', (s) => s.name === '1号机打印机（新）' && resolve(s)));
      await save(console_, { ...first, name: '1号机打印机（新）', connection: { kind: 'serial', path: other.host, baudRate: 9600 } });
      expect(await renamed).toMatchObject({ status: 'ready' });
      await printerIs(console_, 'p-kiosk-1', 'ready', 2000);
    } finally {
      await moved.close();
      await other.close();
    }
  });

  it('lets go of its port when disabled, and is ready within 2 s when enabled again', async () => {
    const { t } = rig;
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    const p = await current(console_, 'p-kiosk-1');
    if (p.connection.kind !== 'serial') throw new Error('serial expected');
    await save(console_, { ...p, enabled: false });
    expect(await opens(p.connection.path)).toBe(true);
    await save(console_, { ...p, enabled: true });
    await printerIs(console_, 'p-kiosk-1', 'ready', 2000);
  });
});

describe('an agent’s printer reconfigured while its agent is connected', () => {
  let t: TestHub;
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await t.close();
  });

  it('shows the agent’s last report at once, not unknown', async () => {
    t = await startPrintingHub([printer('p-agent-1', 'kiosk-1', { kind: 'agent' })]);
    const pty = await ptyPair();
    const wired = await printerOnPty(pty);
    const agent = startAgent(t.hub.url, pty.host, { token: 'demo-agent-kiosk-1' });
    cleanup.push(() => pty.close(), () => wired.close(), () => agent.kill());
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-agent-1', 'ready', 10_000);
    const p = await current(console_, 'p-agent-1');

    await save(console_, { ...p, enabled: false });
    const states: string[] = [];
    console_.on('printer:changed', (s) => s.printerId === 'p-agent-1' && states.push(s.status));
    await save(console_, { ...p, enabled: true });
    expect(await printerIs(console_, 'p-agent-1', 'ready', 1000)).toMatchObject({ agentConnected: true, where: `${pty.host} @ 9600` });
    expect(states).not.toContain('unknown');
  });
});
