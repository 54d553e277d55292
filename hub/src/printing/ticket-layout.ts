// A ticket's slip as ESC/POS bytes: text and a native QR code only (a raster logo would cost
// ~7 KB, 7.5 s at 9600 baud). Built with node-thermal-printer in buffer mode; the hub writes the bytes.
import type { PriorityClass } from '@yichuang/shared/domain';
import { priorityName, t } from '@yichuang/shared/console-i18n';
import type { TicketLayout } from '@yichuang/shared/printing';
import { formatClock, formatLocal } from '@yichuang/shared/time';
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { FS_CHINESE_ON, GS, INIT } from './escpos.js';
import { COLUMNS, wrap } from './slip-text.js';

/** What a slip says. */
export interface TicketSlip {
  header: string;
  number: string;
  categoryName: string;
  priority: PriorityClass;
  issuedAt: number;
  timeZone: string;
  ahead: number;
  estimatedWaitMin: number;
  /** Masked phone or ID tail. */
  identity?: string;
  footer: string;
  /** The ticket's live page; ASCII, for the QR code. */
  pageUrl: string;
  /** A reprint (补打): when it was asked for, printed under the time of issue so two slips of one number are told apart. */
  reprintedAt?: number;
}

/** Magnifications (GS ! via setTextSize: setTextDoubleHeight then setTextDoubleWidth would cancel each other). */
const HEADER = 2;
const NUMBER = 4;
const CATEGORY = 2;
/** QR module size in dots: about 25 mm for a ticket address on 58 mm paper, a little more on 80 mm. */
const QR_CELL = { 58: 5, 80: 6 } as const;
/** GS V A 0: feed the last line to the cutter, then cut (one command for ESC d n + GS V 0). */
const FEED_AND_CUT = Buffer.from([GS, 0x56, 0x41, 0x00]);

/**
 * GS ( k: module size, store the data, print it. Model 2 and error correction L are every
 * printer's defaults after ESC @ (their commands would cost 17 bytes): a 5–6 dot module on a fresh
 * slip scans easily at L, and the budget of 300 bytes a slip (design.md §6) holds.
 */
function qrCode(data: string, cell: number): Buffer {
  const store = data.length + 3;
  return Buffer.concat([
    Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, cell]),
    Buffer.from([GS, 0x28, 0x6b, store % 256, Math.floor(store / 256), 0x31, 0x50, 0x30]),
    Buffer.from(data, 'ascii'),
    Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]),
  ]);
}

/** A masked ID number's run of stars, shortened on paper: 1101**********123X prints as 1101****123X. */
const compactMask = (identity: string): string => identity.replace(/\*{5,}/, '****');

export function slipBytes(slip: TicketSlip, layout: Pick<TicketLayout, 'paperWidth' | 'qr'>): Buffer {
  const width = COLUMNS[layout.paperWidth];
  // Buffer mode: no interface. Its own interfaces cannot set a serial baud rate; the hub writes the bytes itself.
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width, breakLine: BreakLine.NONE });
  p.append(INIT); // ESC @ first: it also resets the character set chosen next
  p.setCharacterSet(CharacterSet.CHINA); // ESC R 15, and text is encoded as GBK
  p.append(FS_CHINESE_ON);
  p.alignCenter();

  let size = 1;
  const lines = (text: string, magnification: number, bold = false): void => {
    if (!text) return;
    if (magnification !== size) p.setTextSize(magnification - 1, magnification - 1);
    size = magnification;
    if (bold) p.bold(true);
    for (const line of wrap(text, Math.floor(width / magnification))) p.println(line);
    if (bold) p.bold(false);
  };

  lines(slip.header, HEADER);
  lines(slip.number, NUMBER, true);
  lines(slip.categoryName, CATEGORY);
  if (slip.priority !== 'normal') lines(`【${priorityName(slip.priority, 'zh')}】`, 1);
  const waits = slip.ahead > 0 && slip.estimatedWaitMin > 0;
  lines(t(waits ? 'slip.aheadWait' : 'slip.ahead', 'zh', { n: slip.ahead, min: slip.estimatedWaitMin }), 1);
  // MM-DD hh:mm: the year goes without saying on a slip that is good for one day.
  lines(t('slip.issuedAt', 'zh', { time: formatLocal(slip.issuedAt, slip.timeZone).slice(5) }), 1);
  // Beside the time it was taken (among the other small lines: no change of size to pay for).
  if (slip.reprintedAt !== undefined) lines(t('slip.reprinted', 'zh', { time: formatClock(slip.reprintedAt, slip.timeZone) }), 1);
  if (slip.identity) lines(t('slip.identity', 'zh', { identity: compactMask(slip.identity) }), 1);
  if (layout.qr && /^[\x21-\x7e]+$/.test(slip.pageUrl)) {
    p.append(qrCode(slip.pageUrl, QR_CELL[layout.paperWidth]));
    p.newLine();
  }
  lines(slip.footer, 1);
  // Not p.cut(): it adds ESC d n before and ESC @ after (the next slip starts with ESC @ anyway).
  p.append(FEED_AND_CUT);
  return p.getBuffer();
}
