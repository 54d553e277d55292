import { duplexPair } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DevicePrinter } from './device-printer.js';
import { EscPosDecoder } from './escpos-decoder.js';
import { PrinterLink } from './printer-link.js';
import { sampleSlip } from './sample-slip.js';
import { slipBytes } from './ticket-layout.js';
import { VirtualPrinter } from './virtual-printer.js';

/** A printer at the far end of an in-memory cable. */
function wired(statusQueries = true) {
  const [near, far] = duplexPair();
  const vp = new VirtualPrinter();
  vp.attach(far);
  const received = new EscPosDecoder(); // everything sent, printed or not
  far.on('data', (b: Buffer) => received.push(b));
  const wire = { bytesPerSecond: 11_520, open: async () => ({ stream: near, drain: async () => undefined, close: async () => void near.destroy() }) };
  const link = new PrinterLink(wire, { queryMs: 100, writeMs: 1000 });
  return { vp, received, printer: new DevicePrinter(link, { statusQueries, retries: 1 }) };
}

const bytes = slipBytes(sampleSlip(), { paperWidth: 80, qr: true });

describe('device printer', () => {
  it('asks the status, prints the slip and checks again', async () => {
    const { vp, printer } = wired();
    expect(await printer.print(bytes)).toEqual({ ok: true, status: 'ready', sent: true });
    expect(vp.slips()).toHaveLength(1);
    expect(vp.queries).toEqual([1, 2, 4, 1, 2, 4]);
    await printer.close();
  });

  it('sends nothing to a printer that is not ready', async () => {
    const { vp, received, printer } = wired();
    vp.state = 'cover-open';
    expect(await printer.print(bytes)).toEqual({ ok: false, status: 'cover-open', sent: false });
    expect(received.items).toEqual([]);
    vp.state = 'ready';
    vp.answers[1] = 0x1e; // DLE EOT 1: offline, and no cause given
    expect(await printer.print(bytes)).toEqual({ ok: false, status: 'offline', sent: false });
    expect(received.items).toEqual([]);
    vp.answers = {};
    vp.state = 'paper-near-end';
    expect(await printer.print(bytes)).toEqual({ ok: true, status: 'paper-near-end', sent: true });
    await printer.close();
  });

  it('calls a printer that does not answer offline, after one more try, and prints nothing', async () => {
    const { vp, received, printer } = wired();
    vp.silent = true;
    expect(await printer.print(bytes)).toEqual({ ok: false, status: 'offline', sent: false });
    expect(vp.queries).toEqual([1, 1]);
    expect(received.items).toEqual([]);
    await printer.close();
  });

  it('counts a slip during which the paper ran out as not printed', async () => {
    const { vp, printer } = wired();
    void vp.waitForSlips(1).then(() => (vp.state = 'paper-out'));
    expect(await printer.print(bytes)).toEqual({ ok: false, status: 'paper-out', sent: true });
    await printer.close();
  });

  it('counts a slip the printer does not confirm as not printed, and sends it only once', async () => {
    const { vp, received, printer } = wired();
    vp.onCut = () => (vp.silent = true);
    expect(await printer.print(bytes)).toEqual({ ok: false, status: 'offline', sent: true });
    expect(received.items.filter((i) => i.kind === 'cut')).toHaveLength(1);
    await printer.close();
  });

  it('takes a printer that cannot answer status queries as ready when its wire opens', async () => {
    const { vp, printer } = wired(false);
    vp.silent = true;
    expect(await printer.status()).toBe('ready');
    expect(await printer.print(bytes)).toEqual({ ok: true, status: 'ready', sent: true });
    expect(vp.queries).toEqual([]);
    await printer.close();
  });

  it('is offline when its wire cannot be opened', async () => {
    const link = new PrinterLink({ bytesPerSecond: 960, open: () => Promise.reject(new Error('ENOENT /dev/ttyUSB9')) });
    const printer = new DevicePrinter(link, { statusQueries: true, retries: 0 });
    expect(await printer.print(bytes)).toEqual({ ok: false, status: 'offline', sent: false });
  });
});
