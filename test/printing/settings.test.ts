// Managers configure printers and the slip layout (console socket and REST, console role only);
// every change is in printers.json before it is acknowledged, and bad input gets a clear answer.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrinterConfig } from '@yichuang/shared/printing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cmdId, type TestHub } from '../helpers/test-hub.js';
import { printerOnTcp, type WiredPrinter } from './helpers/virtual-printers.js';
import { printer, printerIs, startPrintingHub } from './helpers/printing-hub.js';

let t: TestHub;
let wired: WiredPrinter & { port: number };

beforeEach(async () => {
  wired = await printerOnTcp();
  t = await startPrintingHub([]);
});
afterEach(async () => {
  await t.close();
  await wired.close();
});

const stored = async () => JSON.parse(await readFile(path.join(t.dataDir, 'printers.json'), 'utf8')) as { schemaVersion: number; printers: PrinterConfig[]; layout: { paperWidth: number } };

describe('printer settings', () => {
  it('a manager adds a printer from the console; it is stored, started and serves its kiosk at once', async () => {
    const console_ = await t.connect('demo-console-1');
    const p = printer('p-new', 'kiosk-2', { kind: 'tcp', host: '127.0.0.1', port: wired.port });
    const saved = await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: p });
    expect(saved).toMatchObject({ ok: true, data: { printers: [p] } });
    expect(await stored()).toMatchObject({ schemaVersion: 1, printers: [p] });
    await printerIs(console_, 'p-new', 'ready');

    const kiosk = await t.connect('demo-kiosk-2');
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { print: { status: 'printed' } } });

    const layout = { header: '便民服务中心', footer: '谢谢', qr: false, paperWidth: 58 as const, publicUrl: 'http://10.0.0.2:8080/' };
    expect(await console_.emitWithAck('printer:layout', { cmdId: cmdId(), layout })).toMatchObject({ ok: true, data: { layout: { ...layout, publicUrl: 'http://10.0.0.2:8080' } } });
    expect((await stored()).layout.paperWidth).toBe(58);
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    const slip = (await wired.vp.waitForSlips(2))[1]!;
    expect(slip.lines[0]!.text).toBe('便民服务中心');
    expect(slip.qr).toEqual([]);

    const removeId = cmdId();
    expect(await console_.emitWithAck('printer:remove', { cmdId: removeId, printerId: 'p-new' })).toMatchObject({ ok: true, data: { printers: [] } });
    // A retried removal gets the first answer, not "no such printer".
    expect(await console_.emitWithAck('printer:remove', { cmdId: removeId, printerId: 'p-new' })).toMatchObject({ ok: true });
    expect(await console_.emitWithAck('printer:remove', { cmdId: cmdId(), printerId: 'p-new' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PRINTER', message: '没有这台打印机：p-new' } });
    expect((await stored()).printers).toEqual([]);
  });

  it('warns of header and footer characters a GBK printer cannot print (they would print as ?)', async () => {
    const console_ = await t.connect('demo-console-1');
    const layout = { header: '便民服务中心😀', footer: '谢谢 € 再见 😀 ①', qr: true, paperWidth: 80 as const, publicUrl: '' };
    expect(await console_.emitWithAck('printer:layout', { cmdId: cmdId(), layout })).toMatchObject({
      ok: true,
      data: { layout, layoutWarnings: [{ field: 'header', chars: ['😀'] }, { field: 'footer', chars: ['€', '😀'] }] },
    });
    const fixed = await console_.emitWithAck('printer:layout', { cmdId: cmdId(), layout: { ...layout, header: '便民服务中心', footer: '谢谢' } });
    expect(fixed).toMatchObject({ ok: true, data: { layoutWarnings: [] } });
  });

  it('refuses bad settings with a reason in Chinese and English, and non-managers altogether', async () => {
    const console_ = await t.connect('demo-console-1');
    const kiosk = await t.connect('demo-kiosk-1');
    const window = await t.connect('demo-window-01');
    const p = printer('p1', 'kiosk-1', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 });

    expect(await kiosk.emitWithAck('printer:save', { cmdId: cmdId(), printer: p })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await window.emitWithAck('printer:settings', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: { ...p, kioskId: 'board-1' } })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_KIOSK', message: '没有这台取号机：board-1', messageEn: 'No such kiosk: board-1' },
    });
    const bad = await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: { ...p, connection: { kind: 'serial', path: '/dev/tty; rm -rf', baudRate: 12 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('请求内容有误'), messageEn: expect.stringMatching(/connection\.path.*connection\.baudRate|connection\.baudRate.*connection\.path/s) } });
    const layout = { header: 'x', footer: 'y', qr: true, paperWidth: 76, publicUrl: 'http://大厅/' };
    expect(await console_.emitWithAck('printer:layout', { cmdId: cmdId(), layout: layout as never })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    expect(await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: p })).toMatchObject({ ok: true });
    expect(await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: { ...p, id: 'p2' } })).toMatchObject({ ok: false, error: { code: 'KIOSK_HAS_PRINTER' } });
    expect(await console_.emitWithAck('ticket:reprint', { cmdId: cmdId(), number: 'Z999' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TICKET' } });
  });

  it('REST: a console token reads and changes the settings; others are refused', async () => {
    const api = (route: string, init: RequestInit = {}, token = 'demo-console-1') =>
      fetch(`${t.hub.url}/api/printing${route}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });

    expect((await fetch(`${t.hub.url}/api/printing`)).status).toBe(401);
    expect((await api('', {}, 'demo-kiosk-1')).status).toBe(403);

    const body = { name: '2号机打印机', kioskId: 'kiosk-2', connection: { kind: 'tcp', host: '127.0.0.1', port: wired.port }, enabled: true, statusQueries: true };
    const put = await api('/printers/p-rest', { method: 'PUT', body: JSON.stringify(body) });
    expect(put.status).toBe(200);
    expect((await stored()).printers).toEqual([{ id: 'p-rest', ...body }]);

    const read = (await (await api('')).json()) as { data: { printers: unknown[]; states: { printerId: string }[] } };
    expect(read.data.printers).toHaveLength(1);
    expect(read.data.states.map((s) => s.printerId)).toEqual(['p-rest']);

    const invalid = await api('/layout', { method: 'PUT', body: JSON.stringify({ qr: 'yes' }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await api('/printers/nope', { method: 'DELETE' })).status).toBe(404);
    expect((await api('/printers/p-rest', { method: 'DELETE' })).status).toBe(200);
    const ports = (await (await api('/ports')).json()) as { ok: boolean; data: { ports: unknown[] } };
    expect(ports).toMatchObject({ ok: true, data: { ports: expect.any(Array) } });
  });
});
