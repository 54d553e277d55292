// Reads ESC/POS bytes as a printer would: lines of text (GBK in Chinese mode), their size, QR
// payloads, cuts, raster images, and DLE EOT status queries. Bytes may arrive in any chunks.
// Used by the virtual printer in tests and development, and by the ticket size report.
import iconv from 'iconv-lite';
import { DLE, ESC, FS, GS, LF } from './escpos.js';

export type Align = 'left' | 'center' | 'right';

export interface PrintedLine {
  text: string;
  /** Magnification in effect at the line's first character. */
  width: number;
  height: number;
  bold: boolean;
  align: Align;
}

export type DecodedItem =
  | ({ kind: 'line' } & PrintedLine)
  | { kind: 'qr'; data: string }
  | { kind: 'cut'; partial: boolean }
  /** Bit images (ESC *, GS v 0, GS ( L, FS p, GS *): what a slip should never need. */
  | { kind: 'raster'; bytes: number }
  | { kind: 'unknown'; bytes: number[] };

/** What came out between two cuts. */
export interface Slip {
  lines: PrintedLine[];
  qr: string[];
  rasterBytes: number;
}

interface Mode {
  width: number;
  height: number;
  bold: boolean;
  align: Align;
  chinese: boolean;
}

const initialMode = (): Mode => ({ width: 1, height: 1, bold: false, align: 'left', chinese: false });
const ALIGN: Record<number, Align> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };
const u16 = (b: Buffer, i: number): number => b[i]! + b[i + 1]! * 256;

/** Parameter bytes after ESC x / GS x / FS x for the fixed-length commands a slip may use. */
const ESC_PARAMS: Record<number, number> = {
  0x20: 1, 0x21: 1, 0x24: 2, 0x2d: 1, 0x32: 0, 0x33: 1, 0x3d: 1, 0x40: 0, 0x42: 2, 0x44: 0, 0x45: 1, 0x47: 1, 0x4a: 1,
  0x4d: 1, 0x52: 1, 0x54: 1, 0x55: 1, 0x56: 1, 0x5c: 2, 0x61: 1, 0x63: 2, 0x64: 1, 0x70: 3, 0x72: 1, 0x74: 1, 0x7b: 1,
};
const GS_PARAMS: Record<number, number> = {
  0x21: 1, 0x2f: 1, 0x42: 1, 0x48: 1, 0x4c: 2, 0x50: 2, 0x57: 2, 0x61: 1, 0x62: 1, 0x66: 1, 0x68: 1, 0x72: 1, 0x77: 1,
};
const FS_PARAMS: Record<number, number> = { 0x21: 1, 0x26: 0, 0x2d: 1, 0x2e: 0, 0x43: 1, 0x53: 2, 0x57: 1, 0x70: 2 };

export class EscPosDecoder {
  readonly items: DecodedItem[] = [];
  /** Called for each DLE EOT n, in order, as soon as it is read (printers answer these at once). */
  onStatusQuery: ((n: number) => void) | undefined;
  /** Called for each item as it is decoded. */
  onItem: ((item: DecodedItem) => void) | undefined;
  /** While set, nothing is printed (a printer without paper): commands are read but no items kept. */
  discarding = false;

  #pending = Buffer.alloc(0);
  #mode = initialMode();
  #line = '';
  #lineMode: Mode | undefined;
  #qrData = '';

  push(chunk: Uint8Array): void {
    const buf = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : Buffer.from(chunk);
    let i = 0;
    while (i < buf.length) {
      const used = this.#step(buf, i);
      if (used === 0) break; // the command continues in the next chunk
      i += used;
    }
    this.#pending = buf.subarray(i);
  }

  /** Slips finished by a cut, in order. */
  slips(): Slip[] {
    const slips: Slip[] = [];
    let current: Slip = { lines: [], qr: [], rasterBytes: 0 };
    for (const item of this.items) {
      if (item.kind === 'line') current.lines.push({ text: item.text, width: item.width, height: item.height, bold: item.bold, align: item.align });
      else if (item.kind === 'qr') current.qr.push(item.data);
      else if (item.kind === 'raster') current.rasterBytes += item.bytes;
      else if (item.kind === 'cut') {
        slips.push(current);
        current = { lines: [], qr: [], rasterBytes: 0 };
      }
    }
    return slips;
  }

  #emit(item: DecodedItem): void {
    if (this.discarding) return;
    this.items.push(item);
    this.onItem?.(item);
  }

  #flushLine(): void {
    const mode = this.#lineMode ?? this.#mode;
    this.#emit({ kind: 'line', text: this.#line, width: mode.width, height: mode.height, bold: mode.bold, align: mode.align });
    this.#line = '';
    this.#lineMode = undefined;
  }

  #char(text: string): void {
    this.#lineMode ??= { ...this.#mode };
    this.#line += text;
  }

  /** Bytes consumed by the command or character at i; 0 when it is not complete yet. */
  #step(b: Buffer, i: number): number {
    const c = b[i]!;
    const left = b.length - i;
    if (c === LF) {
      this.#flushLine();
      return 1;
    }
    if (c === 0x0d) return 1;
    if (c === 0x09) {
      this.#char(' ');
      return 1;
    }
    if (c === DLE) return this.#dle(b, i, left);
    if (c === ESC) return left < 2 ? 0 : this.#esc(b, i, left);
    if (c === GS) return left < 2 ? 0 : this.#gs(b, i, left);
    if (c === FS) return left < 2 ? 0 : this.#fs(b, i, left);
    if (c < 0x20 || c === 0x7f) {
      this.#emit({ kind: 'unknown', bytes: [c] });
      return 1;
    }
    if (c < 0x80) {
      this.#char(String.fromCharCode(c));
      return 1;
    }
    if (this.#mode.chinese && c >= 0x81 && c <= 0xfe) {
      if (left < 2) return 0;
      this.#char(iconv.decode(b.subarray(i, i + 2), 'gbk'));
      return 2;
    }
    this.#char('\uFFFD'); // a high byte outside Chinese mode: the printer would print a code page symbol
    return 1;
  }

  #dle(b: Buffer, i: number, left: number): number {
    if (left < 3) return 0;
    const fn = b[i + 1]!;
    if (fn === 0x04) {
      this.onStatusQuery?.(b[i + 2]!);
      return 3;
    }
    if (fn === 0x05) return 3;
    if (fn === 0x14) return left < 5 ? 0 : 5;
    this.#emit({ kind: 'unknown', bytes: [DLE, fn] });
    return 2;
  }

  #esc(b: Buffer, i: number, left: number): number {
    const cmd = b[i + 1]!;
    if (cmd === 0x2a) {
      // ESC * m nL nH d…: bit image, 1 or 3 bytes per column
      if (left < 5) return 0;
      const bytes = u16(b, i + 3) * (b[i + 2]! >= 32 ? 3 : 1);
      if (left < 5 + bytes) return 0;
      this.#emit({ kind: 'raster', bytes });
      return 5 + bytes;
    }
    const params = ESC_PARAMS[cmd];
    if (params === undefined) {
      this.#emit({ kind: 'unknown', bytes: [ESC, cmd] });
      return 2;
    }
    if (left < 2 + params) return 0;
    const n = b[i + 2] ?? 0;
    const m = this.#mode;
    switch (cmd) {
      case 0x40: // ESC @: unprinted data is dropped and every mode reset
        this.#line = '';
        this.#lineMode = undefined;
        this.#mode = initialMode();
        break;
      case 0x21:
        m.width = n & 0x20 ? 2 : 1;
        m.height = n & 0x10 ? 2 : 1;
        m.bold = Boolean(n & 0x08);
        break;
      case 0x45:
        m.bold = Boolean(n & 1);
        break;
      case 0x61:
        m.align = ALIGN[n] ?? m.align;
        break;
      case 0x64:
        if (this.#line) this.#flushLine();
        break;
    }
    return 2 + params;
  }

  #gs(b: Buffer, i: number, left: number): number {
    const cmd = b[i + 1]!;
    switch (cmd) {
      case 0x56: {
        // GS V m [n]: cut; function B (m ≥ 65) feeds n first
        if (left < 3) return 0;
        const m = b[i + 2]!;
        const length = m >= 65 ? 4 : 3;
        if (left < length) return 0;
        if (this.#line) this.#flushLine();
        this.#emit({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 || m === 98 });
        return length;
      }
      case 0x28: {
        // GS ( fn pL pH …: a block of known length
        if (left < 5) return 0;
        const length = 5 + u16(b, i + 3);
        if (left < length) return 0;
        this.#block(b[i + 2]!, b.subarray(i + 5, i + length));
        return length;
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d…: raster bit image
        if (left < 8) return 0;
        const bytes = u16(b, i + 4) * u16(b, i + 6);
        if (left < 8 + bytes) return 0;
        this.#emit({ kind: 'raster', bytes });
        return 8 + bytes;
      }
      case 0x2a: {
        // GS * x y d…: downloaded bit image
        if (left < 4) return 0;
        const bytes = b[i + 2]! * b[i + 3]! * 8;
        if (left < 4 + bytes) return 0;
        this.#emit({ kind: 'raster', bytes });
        return 4 + bytes;
      }
      case 0x6b:
        return this.#barcode(b, i, left);
    }
    const params = GS_PARAMS[cmd];
    if (params === undefined) {
      this.#emit({ kind: 'unknown', bytes: [GS, cmd] });
      return 2;
    }
    if (left < 2 + params) return 0;
    if (cmd === 0x21) {
      // GS ! n: width magnification in the high nibble, height in the low one
      const n = b[i + 2]!;
      this.#mode.width = (n >> 4) + 1;
      this.#mode.height = (n & 0x0f) + 1;
    }
    return 2 + params;
  }

  /** GS ( k — QR code (cn 49): fn 80 stores the data, fn 81 prints it. GS ( L — graphics. */
  #block(fn: number, body: Buffer): void {
    if (fn === 0x6b && body[0] === 49) {
      if (body[1] === 80) this.#qrData = body.subarray(3).toString('latin1');
      else if (body[1] === 81) {
        if (this.#line) this.#flushLine();
        this.#emit({ kind: 'qr', data: this.#qrData });
      }
    } else if (fn === 0x4c) this.#emit({ kind: 'raster', bytes: body.length });
  }

  /** GS k m …: a barcode; read past it (slips carry none). */
  #barcode(b: Buffer, i: number, left: number): number {
    if (left < 3) return 0;
    const m = b[i + 2]!;
    if (m >= 65) {
      if (left < 4) return 0;
      const length = 4 + b[i + 3]!;
      return left < length ? 0 : length;
    }
    const end = b.indexOf(0, i + 3);
    return end < 0 ? 0 : end - i + 1;
  }

  #fs(b: Buffer, i: number, left: number): number {
    const cmd = b[i + 1]!;
    const params = FS_PARAMS[cmd];
    if (params === undefined) {
      this.#emit({ kind: 'unknown', bytes: [FS, cmd] });
      return 2;
    }
    if (left < 2 + params) return 0;
    if (cmd === 0x26) this.#mode.chinese = true;
    else if (cmd === 0x2e) this.#mode.chinese = false;
    else if (cmd === 0x70) this.#emit({ kind: 'raster', bytes: 0 }); // FS p: a stored (NV) logo
    return 2 + params;
  }
}
