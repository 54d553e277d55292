// A reprint the console sends again after the hub restarted (its answer was lost with the old hub)
// is answered from the journal: one reprinted slip, not two.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintingFile } from '@yichuang/shared/printing-schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { defaultPrinting } from '../../hub/src/printing/printing-store.js';
import { cmdId, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';
import { printer, printerIs } from './helpers/printing-hub.js';
import { ptyPair, type PtyPair } from './helpers/socat.js';
import { printerOnPty, type WiredPrinter } from './helpers/virtual-printers.js';

let pty: PtyPair | undefined;
let wired: WiredPrinter | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  await wired?.close();
  await pty?.close();
});

describe('a reprint resent after a restart', () => {
  it('prints once and answers the resend with the first outcome', async () => {
    pty = await ptyPair();
    wired = await printerOnPty(pty);
    const dataDir = await tempDir('yichuang-print-');
    await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(await demoHall()));
    const file: PrintingFile = { ...defaultPrinting(), printers: [printer('p-kiosk-1', 'kiosk-1', { kind: 'serial', path: pty.host, baudRate: 115_200 })] };
    await writeFile(path.join(dataDir, 'printers.json'), JSON.stringify(file));

    t = await startTestHub({ dataDir });
    let console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-kiosk-1', 'ready');
    const kiosk = await t.connect('demo-kiosk-1');
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { print: { status: 'printed' } } });
    await wired.vp.waitForSlips(1);
    const reprint = { cmdId: cmdId(), number: 'A001' };
    const first = await console_.emitWithAck('ticket:reprint', reprint);
    expect(first).toMatchObject({ ok: true, data: { status: 'printed' } });
    await wired.vp.waitForSlips(2);

    await t.close();
    t = await startTestHub({ dataDir });
    console_ = await t.connect('demo-console-1');
    // The printer's cable went with the old hub: a resend that tried to print would say so.
    expect(await console_.emitWithAck('ticket:reprint', reprint)).toEqual(first);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(wired.vp.slips()).toHaveLength(2);
  });
});
