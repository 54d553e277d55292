// A printer's alert on the managers' live board closes when its cause ends (paper refilled, the
// printer disabled), and the alert's history says when.
import type { Alert } from '@yichuang/shared/live';
import { describe, expect, it } from 'vitest';
import { cmdId, type Client } from '../helpers/test-hub.js';
import { printerIs } from './helpers/printing-hub.js';
import { serialPrinterHub } from './helpers/serial-hub.js';

const KEY = 'printer:p-kiosk-1';

/** Resolves with the printer's alert once it matches (asks now, then follows the live board's updates). */
function alertOf(console_: Client, matches: (a: Alert) => boolean, timeoutMs = 5000): Promise<Alert> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      console_.off('live:updated', check);
      reject(new Error(`no matching ${KEY} alert within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (board: { alerts: Alert[] }): void => {
      const alert = board.alerts.find((a) => a.key === KEY && matches(a));
      if (!alert) return;
      clearTimeout(timer);
      console_.off('live:updated', check);
      resolve(alert);
    };
    console_.on('live:updated', check);
    void console_.emitWithAck('live:snapshot', {}).then((ack) => ack.ok && check(ack.data));
  });
}

describe('printer alerts', () => {
  const rig = serialPrinterHub(115_200);

  it('closes 纸将用完 once the paper is refilled, and the alert of a disabled printer too', async () => {
    const { t, wired } = rig;
    const console_ = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');

    wired.vp.state = 'paper-near-end';
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { print: { status: 'printed' } } });
    const raised = await alertOf(console_, (a) => a.resolvedAt === undefined);
    expect(raised.message).toBe('kiosk-1 打印机：纸将用完');

    wired.vp.state = 'ready';
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { print: { status: 'printed' } } });
    const cleared = await alertOf(console_, (a) => a.id === raised.id && a.resolvedAt !== undefined);
    expect(cleared.resolvedAt).toBeGreaterThanOrEqual(raised.raisedAt);

    // Out of paper, then taken out of service: no cause is left.
    wired.vp.state = 'paper-out';
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    const out = await alertOf(console_, (a) => a.resolvedAt === undefined && a.message.includes('缺纸'));
    const settings = await console_.emitWithAck('printer:settings', {});
    const p = settings.ok ? settings.data.printers[0]! : undefined;
    expect(await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: { ...p!, enabled: false } })).toMatchObject({ ok: true });
    await alertOf(console_, (a) => a.id === out.id && a.resolvedAt !== undefined);
  });
});
