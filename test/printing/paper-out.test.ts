// The printer runs out of paper: the kiosk gets an e-ticket at once, the journal marks the ticket
// unprinted, the console sees the printer's state, and once paper is back a reprint gives the same number.
import { describe, expect, it } from 'vitest';
import { cmdId } from '../helpers/test-hub.js';
import { printerIs, printRecords, PUBLIC_URL } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';

describe('a printer out of paper', () => {
  const rig = serialPrinterHub(115_200);

  it('gives an e-ticket, journals it unprinted, tells the console, and reprints the same number with paper back', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    wired.vp.state = 'paper-out';

    const seenByConsole = printerIs(console_, 'p-kiosk-1', 'paper-out');
    const seenByKiosk = printerIs(kiosk, 'p-kiosk-1', 'paper-out');
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(ack).toMatchObject({
      ok: true,
      data: {
        ticket: { number: 'A001', printed: false },
        print: { status: 'unprinted', printerId: 'p-kiosk-1', pageUrl: t.pageUrl('A001', PUBLIC_URL), reason: { code: 'PRINTER_PAPER_OUT', message: '打印纸已用完', messageEn: 'The printer is out of paper' } },
      },
    });
    expect(await seenByConsole).toMatchObject({ kioskId: 'kiosk-1', status: 'paper-out' });
    expect(await seenByKiosk).toMatchObject({ printerId: 'p-kiosk-1', status: 'paper-out' });
    expect(await printRecords(t, 'A001')).toEqual([expect.objectContaining({ ok: false, printerId: 'p-kiosk-1', reason: 'paper-out' })]);
    expect(wired.vp.slips()).toEqual([]);

    // The next citizen is not kept waiting for a printer known to be empty.
    const second = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(second).toMatchObject({ ok: true, data: { ticket: { number: 'A002' }, print: { status: 'unprinted', reason: { code: 'PRINTER_PAPER_OUT' } } } });

    const unprinted = await console_.emitWithAck('printer:unprinted', {});
    expect(unprinted.ok && unprinted.data.map((u) => [u.ticket.number, u.reason])).toEqual([['A001', 'paper-out'], ['A002', 'paper-out']]);
    expect(await kiosk.emitWithAck('ticket:reprint', { cmdId: cmdId(), number: 'A001' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    wired.vp.state = 'ready';
    const reprinted = await console_.emitWithAck('ticket:reprint', { cmdId: cmdId(), number: 'A001' });
    expect(reprinted).toMatchObject({ ok: true, data: { status: 'printed', printerId: 'p-kiosk-1' } });
    const [slip] = await wired.vp.waitForSlips(1);
    expect(slip!.lines.map((l) => l.text)).toContain('A001');
    expect(slip!.qr).toEqual([t.pageUrl('A001', PUBLIC_URL)]);
    expect((await printRecords(t, 'A001')).map((e) => e.ok)).toEqual([false, true]);

    // A window's staff may reprint too; the list follows.
    const window = await t.connect('demo-window-01');
    expect(await window.emitWithAck('ticket:reprint', { cmdId: cmdId(), number: 'a002' })).toMatchObject({ ok: true, data: { status: 'printed' } });
    const after = await console_.emitWithAck('printer:unprinted', {});
    expect(after).toEqual({ ok: true, data: [] });
  });

  it('a kiosk without a printer gives e-tickets and journals no print', async () => {
    const { t } = rig;
    const kiosk = await t.connect('demo-kiosk-2');
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(ack).toMatchObject({ ok: true, data: { ticket: { number: 'A001' }, print: { status: 'unprinted', reason: { code: 'PRINTER_NONE' }, pageUrl: t.pageUrl('A001', PUBLIC_URL) } } });
    expect(ack.ok && ack.data.ticket.printed).toBeUndefined();
    expect(await printRecords(t, 'A001')).toEqual([]);
    expect(await kiosk.emitWithAck('printer:status', {})).toEqual({ ok: true, data: [] });
  });
});
