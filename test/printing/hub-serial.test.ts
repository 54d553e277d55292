// A kiosk's printer on the hub's own serial port (a socat PTY): the slip that comes out says the
// right number, category, people ahead and QR address, and the print is in the journal.
import { describe, expect, it } from 'vitest';
import { cmdId } from '../helpers/test-hub.js';
import { printerIs, printRecords, PUBLIC_URL } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';

describe('a serial printer on the hub (socat PTY)', () => {
  const rig = serialPrinterHub(9600);

  it('prints the ticket number, the Chinese category, the people ahead and the QR code of its page', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    const kiosk = await t.connect('demo-kiosk-1');
    for (let i = 0; i < 2; i++) expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' })).toMatchObject({ ok: true });

    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' });
    expect(ack).toMatchObject({
      ok: true,
      data: { ticket: { number: 'B003', ahead: 2, printed: true }, print: { status: 'printed', printerId: 'p-kiosk-1', pageUrl: t.pageUrl('B003', PUBLIC_URL) } },
    });

    const slips = await wired.vp.waitForSlips(3);
    const slip = slips[2]!;
    const text = slip.lines.map((l) => l.text);
    expect(slip.lines.find((l) => l.text === 'B003')).toMatchObject({ width: 4, height: 4 });
    expect(text).toContain('社会事务');
    expect(text).toContain('前面等候 2 人，约 12 分钟');
    expect(text.some((l) => l.startsWith('示范区政务服务中心'))).toBe(true);
    expect(slip.qr).toEqual([t.pageUrl('B003', PUBLIC_URL)]);
    expect(slip.rasterBytes).toBe(0);
    expect(await printRecords(t, 'B003')).toEqual([expect.objectContaining({ ok: true, printerId: 'p-kiosk-1' })]);
  });

  it('prints one slip for a retried issue', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    const kiosk = await t.connect('demo-kiosk-1');
    const id = cmdId();
    const [first, retry] = await Promise.all([
      kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' }),
      kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' }),
    ]);
    expect(first).toMatchObject({ ok: true, data: { ticket: { number: 'A001' }, print: { status: 'printed' } } });
    expect(retry).toEqual(first);
    const again = await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' });
    expect(again).toMatchObject({ ok: true, data: { ticket: { number: 'A001' }, print: { status: 'printed' } } });
    await wired.vp.waitForSlips(1);
    expect(wired.vp.slips()).toHaveLength(1);
    expect(await printRecords(t, 'A001')).toHaveLength(1);
  });
});
