// A network printer (port 9100 on a real printer; a loopback server here) prints the same slip,
// and a printer that stops answering costs the kiosk an e-ticket, not a hang.
import { afterEach, describe, expect, it } from 'vitest';
import { cmdId, type TestHub } from '../helpers/test-hub.js';
import { printerOnTcp, type WiredPrinter } from './helpers/virtual-printers.js';
import { printer, printerIs, printRecords, PUBLIC_URL, startPrintingHub } from './helpers/printing-hub.js';

describe('a TCP printer on loopback', () => {
  let wired: WiredPrinter & { port: number };
  let t: TestHub;

  afterEach(async () => {
    await t.close();
    await wired.close();
  });

  it('prints the ticket number, the Chinese category, the people ahead and the QR code', async () => {
    wired = await printerOnTcp();
    t = await startPrintingHub([printer('p-net', 'kiosk-2', { kind: 'tcp', host: '127.0.0.1', port: wired.port })]);
    await printerIs(await t.connect('demo-console-1'), 'p-net', 'ready');
    const kiosk = await t.connect('demo-kiosk-2');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });

    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });
    expect(ack).toMatchObject({ ok: true, data: { ticket: { number: 'F002', ahead: 1 }, print: { status: 'printed', printerId: 'p-net' } } });
    const slip = (await wired.vp.waitForSlips(2))[1]!;
    const text = slip.lines.map((l) => l.text);
    expect(slip.lines.find((l) => l.text === 'F002')).toMatchObject({ width: 4, height: 4, bold: true });
    expect(text).toContain('税务');
    expect(text.some((l) => l.startsWith('前面等候 1 人'))).toBe(true);
    expect(slip.qr).toEqual([t.pageUrl('F002', PUBLIC_URL)]);
  });

  it('gives an e-ticket when the printer stops answering, and marks the ticket unprinted', async () => {
    wired = await printerOnTcp();
    t = await startPrintingHub([printer('p-net', 'kiosk-2', { kind: 'tcp', host: '127.0.0.1', port: wired.port })]);
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-net', 'ready');
    wired.vp.silent = true;
    const kiosk = await t.connect('demo-kiosk-2');
    const offline = printerIs(console_, 'p-net', 'offline');
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });
    expect(ack).toMatchObject({
      ok: true,
      data: { ticket: { number: 'F001', printed: false }, print: { status: 'unprinted', reason: { code: 'PRINTER_OFFLINE', message: '打印机未连接或未开机' } } },
    });
    await offline;
    expect(wired.vp.slips()).toEqual([]);
    expect(await printRecords(t, 'F001')).toEqual([expect.objectContaining({ ok: false, reason: 'offline' })]);
  });
});
