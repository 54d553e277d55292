// A serial printer that reads 100 bytes a second (a slow mechanism behind flow control, on a 1200
// baud line): the slip takes seconds, and the hub's time limits follow its bytes and the baud rate,
// so the slip is printed and the printer stays ready; the next tickets are not turned into e-tickets.
import { describe, expect, it } from 'vitest';
import { cmdId } from '../helpers/test-hub.js';
import { printerIs, printRecords } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';

describe('a serial printer reading 100 B/s', () => {
  const rig = serialPrinterHub(1200);

  it('prints the slip and stays ready', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    const seen: string[] = [];
    console_.on('printer:changed', (s) => s.printerId === 'p-kiosk-1' && seen.push(s.status));
    wired.vp.bytesPerSecond = 100;
    const kiosk = await t.connect('demo-kiosk-1');
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(ack).toMatchObject({ ok: true, data: { ticket: { number: 'A001', printed: true }, print: { status: 'printed' } } });
    expect(wired.vp.slips()).toHaveLength(1);
    expect(await printRecords(t, 'A001')).toEqual([expect.objectContaining({ ok: true })]);
    expect(seen.filter((s) => s !== 'ready')).toEqual([]);
    expect(await printerIs(console_, 'p-kiosk-1', 'ready')).toMatchObject({ status: 'ready' });
  });
});
