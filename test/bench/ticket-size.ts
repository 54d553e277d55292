// Bytes per ticket slip and their time on the wire at 9600 and 115200 baud (8N1: 10 bits a byte), for
// each kind of slip on 58 and 80 mm paper, the worst case the layout allows among them (sample-slip.ts).
// Target: ≤ 300 bytes, no raster images. A development
// measure, not shipped in hub/dist: `npm run printer:size` prints the table (exit 1 if a slip misses
// the target), and the bench puts the same figures in its results.
import { pathToFileURL } from 'node:url';
import type { PaperWidth } from '@yichuang/shared/printing';
import { EscPosDecoder } from '../../hub/src/printing/escpos-decoder.js';
import { sampleSlip, worstCaseSlip } from '../../hub/src/printing/sample-slip.js';
import { slipBytes, type TicketSlip } from '../../hub/src/printing/ticket-layout.js';

export interface TicketSize {
  /** The plain slip on 58 mm paper. */
  firstBytes: number;
  maxBytes: number;
  slips: number;
  /** The table as printed. */
  output: string;
  /** Slips over the target or with raster images. */
  over: number;
}

const TARGET_BYTES = 300;
const BAUDS = [9600, 115_200];
const BITS_PER_BYTE = 10;

/** The plain slip first; the worst case the layout allows (sample-slip.ts) is what the target holds against. */
const variants: { name: string; slip: TicketSlip; qr: boolean }[] = [
  { name: '普通号 plain', slip: sampleSlip({ number: 'A023', categoryName: '综合受理（无差别）', priority: 'normal', ahead: 3, estimatedWaitMin: 18, identity: undefined }), qr: true },
  { name: '全部字段 every field', slip: sampleSlip(), qr: true },
  { name: '最坏情况 worst case', slip: worstCaseSlip(), qr: true },
  { name: '无二维码 no QR', slip: worstCaseSlip(), qr: false },
];

export function ticketSize(): TicketSize {
  const sizes: number[] = [];
  const lines = ['slip                     paper   bytes   9600 baud   115200 baud   raster'];
  let over = 0;
  for (const paperWidth of [58, 80] as PaperWidth[]) {
    for (const v of variants) {
      const bytes = slipBytes(v.slip, { paperWidth, qr: v.qr });
      const decoder = new EscPosDecoder();
      decoder.push(bytes);
      const raster = decoder.items.filter((i) => i.kind === 'raster').length;
      const times = BAUDS.map((baud) => `${((bytes.length * BITS_PER_BYTE * 1000) / baud).toFixed(1)} ms`);
      if (bytes.length > TARGET_BYTES || raster > 0) over++;
      sizes.push(bytes.length);
      lines.push(`${v.name.padEnd(24)} ${`${paperWidth} mm`.padEnd(7)} ${String(bytes.length).padStart(5)}   ${times[0]!.padStart(9)}   ${times[1]!.padStart(11)}   ${raster ? 'YES' : 'none'}`);
    }
  }
  lines.push(over ? `✗ ${over} slip(s) over ${TARGET_BYTES} bytes or with raster images` : `✓ every slip ≤ ${TARGET_BYTES} bytes, text and native QR only`);
  return { firstBytes: sizes[0]!, maxBytes: Math.max(...sizes), slips: sizes.length, output: lines.join('\n'), over };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const size = ticketSize();
  console.log(size.output);
  process.exit(size.over ? 1 : 0);
}
