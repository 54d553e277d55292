// A demo hub whose kiosk-1 printer (p-kiosk-1) is on the hub's own serial port: a socat PTY with a
// virtual printer at its other end, set up before each test of the calling describe block, closed after.
import { afterEach, beforeEach } from 'vitest';
import type { TestHub } from '../../helpers/test-hub.js';
import { printer, startPrintingHub } from './printing-hub.js';
import { ptyPair, type PtyPair } from './socat.js';
import { printerOnPty, type WiredPrinter } from './virtual-printers.js';

export interface SerialPrinterHub {
  t: TestHub;
  wired: WiredPrinter;
}

/** Call in a describe block; both fields are set by the time each of its tests runs. */
export function serialPrinterHub(baudRate: number): SerialPrinterHub {
  const rig = {} as SerialPrinterHub;
  let pty: PtyPair;
  beforeEach(async () => {
    pty = await ptyPair();
    rig.wired = await printerOnPty(pty);
    rig.t = await startPrintingHub([printer('p-kiosk-1', 'kiosk-1', { kind: 'serial', path: pty.host, baudRate })]);
  });
  afterEach(async () => {
    await rig.t.close();
    await rig.wired.close();
    await pty.close();
  });
  return rig;
}
