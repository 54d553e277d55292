// Bytes per ticket slip and their time on the wire at 9600 and 115200 baud (8N1: 10 bits a byte).
// Target: ≤ 300 bytes, no raster images. Run: node hub/dist/printing/ticket-size.js
import type { PaperWidth } from '@yichuang/shared/printing';
import { EscPosDecoder } from './escpos-decoder.js';
import { sampleSlip } from './sample-slip.js';
import { slipBytes, type TicketSlip } from './ticket-layout.js';

const TARGET_BYTES = 300;
const BAUDS = [9600, 115_200];
const BITS_PER_BYTE = 10;

const variants: { name: string; slip: TicketSlip; qr: boolean }[] = [
  { name: '普通号 plain', slip: sampleSlip({ number: 'A023', categoryName: '综合受理（无差别）', priority: 'normal', ahead: 3, estimatedWaitMin: 18, identity: undefined }), qr: true },
  { name: '全部字段 every field', slip: sampleSlip(), qr: true },
  { name: '无二维码 no QR', slip: sampleSlip(), qr: false },
];

let over = 0;
console.log('slip                     paper   bytes   9600 baud   115200 baud   raster');
for (const paperWidth of [58, 80] as PaperWidth[]) {
  for (const v of variants) {
    const bytes = slipBytes(v.slip, { paperWidth, qr: v.qr });
    const decoder = new EscPosDecoder();
    decoder.push(bytes);
    const raster = decoder.items.filter((i) => i.kind === 'raster').length;
    const times = BAUDS.map((baud) => `${((bytes.length * BITS_PER_BYTE * 1000) / baud).toFixed(1)} ms`);
    if (bytes.length > TARGET_BYTES || raster > 0) over++;
    console.log(`${v.name.padEnd(24)} ${`${paperWidth} mm`.padEnd(7)} ${String(bytes.length).padStart(5)}   ${times[0]!.padStart(9)}   ${times[1]!.padStart(11)}   ${raster ? 'YES' : 'none'}`);
  }
}
console.log(over ? `✗ ${over} slip(s) over ${TARGET_BYTES} bytes or with raster images` : `✓ every slip ≤ ${TARGET_BYTES} bytes, text and native QR only`);
process.exit(over ? 1 : 0);
