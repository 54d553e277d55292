import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPosDecoder } from './escpos-decoder.js';

const b = (...parts: (number[] | string | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? iconv.encode(p, 'gbk') : Buffer.from(p))));

describe('ESC/POS decoder', () => {
  it('decodes GBK text in Chinese mode, sizes, alignment, QR codes and cuts, fed one byte at a time', () => {
    const qr = 'http://hub/t/A001?d=2026-11-23';
    const bytes = b(
      [0x1b, 0x40, 0x1b, 0x52, 0x0f, 0x1c, 0x26, 0x1b, 0x61, 0x01],
      [0x1d, 0x21, 0x33, 0x1b, 0x45, 0x01], 'A001\n', [0x1b, 0x45, 0x00],
      [0x1d, 0x21, 0x11], '综合受理\n',
      [0x1d, 0x28, 0x6b, qr.length + 3, 0, 0x31, 0x50, 0x30], qr, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
      [0x1b, 0x64, 0x04, 0x1d, 0x56, 0x00],
    );
    const d = new EscPosDecoder();
    for (const byte of bytes) d.push(Buffer.from([byte]));
    const [slip] = d.slips();
    expect(slip!.lines).toEqual([
      { text: 'A001', width: 4, height: 4, bold: true, align: 'center' },
      { text: '综合受理', width: 2, height: 2, bold: false, align: 'center' },
    ]);
    expect(slip!.qr).toEqual([qr]);
  });

  it('shows that double height then double width (ESC !) cancel each other', () => {
    const d = new EscPosDecoder();
    d.push(b([0x1b, 0x21, 0x10, 0x1b, 0x21, 0x20], 'A001\n'));
    expect(d.items[0]).toMatchObject({ text: 'A001', width: 2, height: 1 });
  });

  it('prints Chinese bytes as garbage without FS &', () => {
    const d = new EscPosDecoder();
    d.push(b('办\n'));
    expect(d.items[0]).toMatchObject({ kind: 'line', text: '\uFFFD\uFFFD' });
  });

  it('reports status queries as they arrive, between other commands', () => {
    const d = new EscPosDecoder();
    const queries: number[] = [];
    d.onStatusQuery = (n) => queries.push(n);
    d.push(b([0x10, 0x04, 0x02], 'ab', [0x10]));
    expect(queries).toEqual([2]);
    d.push(b([0x04, 0x04], 'c\n'));
    expect(queries).toEqual([2, 4]);
    expect(d.items).toEqual([{ kind: 'line', text: 'abc', width: 1, height: 1, bold: false, align: 'left' }]);
  });

  it('finds raster images and unknown commands', () => {
    const d = new EscPosDecoder();
    d.push(b([0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00], Buffer.alloc(6, 0xff), [0x1b, 0x2a, 0x21, 0x02, 0x00], Buffer.alloc(6), [0x1b, 0x7e]));
    expect(d.items).toEqual([
      { kind: 'raster', bytes: 6 },
      { kind: 'raster', bytes: 6 },
      { kind: 'unknown', bytes: [0x1b, 0x7e] },
    ]);
  });

  it('keeps nothing while discarding (a printer without paper) but still reads the commands', () => {
    const d = new EscPosDecoder();
    const queries: number[] = [];
    d.onStatusQuery = (n) => queries.push(n);
    d.discarding = true;
    d.push(b('lost\n', [0x10, 0x04, 0x04, 0x1d, 0x56, 0x00]));
    expect(d.items).toEqual([]);
    expect(queries).toEqual([4]);
  });
});
