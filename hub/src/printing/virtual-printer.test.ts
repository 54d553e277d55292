import { describe, expect, it } from 'vitest';
import { describeStatusByte, statusFrom } from './escpos.js';
import { statusByte, VirtualPrinter, type VirtualState } from './virtual-printer.js';

describe('virtual printer', () => {
  it('answers DLE EOT so that the hub reads back the state it is in', () => {
    for (const state of ['ready', 'paper-near-end', 'paper-out', 'cover-open', 'error'] as VirtualState[]) {
      expect(statusFrom(statusByte(state, 1), statusByte(state, 2), statusByte(state, 4))).toBe(state);
    }
    expect(statusFrom(0x12, undefined, 0x12)).toBe('offline');
    expect(statusFrom(0x12, 0xff, 0x12)).toBe('offline'); // not a status byte: wrong baud rate or not a printer
    expect(statusFrom(0x1e, 0x12, 0x12)).toBe('offline'); // DLE EOT 1's offline bit, no cause given
    expect(statusFrom(0x1e, statusByte('cover-open', 2), 0x12)).toBe('cover-open');
    expect(describeStatusByte(4, statusByte('paper-out', 4))).toMatch(/paper end/);
  });

  it('replies on its wire unless silent, and prints nothing without paper', () => {
    const written: number[] = [];
    let listener: ((b: Buffer) => void) | undefined;
    const vp = new VirtualPrinter();
    vp.attach({ write: (b: Buffer) => written.push(...b), on: (_e, l) => (listener = l), off: () => undefined });
    vp.state = 'paper-out';
    listener!(Buffer.from([0x10, 0x04, 0x02, 0x41, 0x0a, 0x1d, 0x56, 0x00]));
    expect(written).toEqual([statusByte('paper-out', 2)]);
    expect(vp.slips()).toEqual([]);
    vp.state = 'ready';
    vp.silent = true;
    listener!(Buffer.from([0x10, 0x04, 0x02, 0x41, 0x0a, 0x1d, 0x56, 0x00]));
    expect(written).toHaveLength(1);
    expect(vp.slips()).toHaveLength(1);
  });
});
