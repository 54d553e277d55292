// What a serial printer's status answers (DLE EOT) mean to the hub: the offline bit of DLE EOT 1
// keeps the slip from being sent.
import { describe, expect, it } from 'vitest';
import { cmdId } from '../helpers/test-hub.js';
import { printerIs, printRecords } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';

describe('a serial printer’s status', () => {
  const rig = serialPrinterHub(9600);

  it('is offline when DLE EOT 1 says so (0x1E), and no slip is sent to it', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    wired.vp.answers[1] = 0x1e;
    const kiosk = await t.connect('demo-kiosk-1');
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(ack).toMatchObject({ ok: true, data: { ticket: { number: 'A001', printed: false }, print: { status: 'unprinted', reason: { code: 'PRINTER_OFFLINE' } } } });
    expect(await printRecords(t, 'A001')).toEqual([expect.objectContaining({ ok: false, reason: 'offline' })]);
    expect(wired.vp.decoder.items).toEqual([]);
    await printerIs(console_, 'p-kiosk-1', 'offline');
  });
});
