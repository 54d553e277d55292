// ESC/POS bytes the hub sends itself (the slip's other commands come from node-thermal-printer),
// and what a printer's DLE EOT status answers mean (Epson ESC/POS reference, "DLE EOT n").
import type { ObservedStatus } from '@yichuang/shared/printing';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** ESC @ — initialise: clears the buffer and resets every mode. */
export const INIT = Buffer.from([ESC, 0x40]);
/** FS & — Chinese (Kanji) character mode: bytes ≥ 0x81 are read as GBK pairs. */
export const FS_CHINESE_ON = Buffer.from([FS, 0x26]);

/** DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export type StatusKind = 1 | 2 | 3 | 4;
export const STATUS_KINDS: readonly StatusKind[] = [1, 2, 3, 4];
export const statusQuery = (n: StatusKind): Buffer => Buffer.from([DLE, EOT, n]);

/** Every DLE EOT answer has bit 1 and bit 4 set and bits 0 and 7 clear. */
const FIXED_MASK = 0x93;
const FIXED_BITS = 0x12;
export const isStatusByte = (b: number): boolean => (b & FIXED_MASK) === FIXED_BITS;

// n = 2, offline cause
export const COVER_OPEN = 0x04;
export const PAPER_END_STOP = 0x20;
export const ERROR_OCCURRED = 0x40;
// n = 4, paper roll sensor (each state is reported on two bits)
export const NEAR_END = 0x0c;
export const PAPER_END = 0x60;
// n = 1, printer
export const OFFLINE_BIT = 0x08;
// n = 3, error cause
export const CUTTER_ERROR = 0x08;
export const UNRECOVERABLE = 0x20;
export const AUTO_RECOVERABLE = 0x40;

/**
 * The status from the answers to DLE EOT 1 (printer), 2 (offline cause) and 4 (paper sensor).
 * No answer, or an answer that is not a status byte (wrong baud rate, not a printer), means offline;
 * so does the offline bit of DLE EOT 1 when the offline cause names no reason of its own.
 */
export function statusFrom(printer: number | undefined, offlineCause: number | undefined, paper: number | undefined): ObservedStatus {
  if (printer === undefined || offlineCause === undefined || paper === undefined) return 'offline';
  if (!isStatusByte(printer) || !isStatusByte(offlineCause) || !isStatusByte(paper)) return 'offline';
  if (offlineCause & COVER_OPEN) return 'cover-open';
  if (offlineCause & PAPER_END_STOP || (paper & PAPER_END) === PAPER_END) return 'paper-out';
  if (offlineCause & ERROR_OCCURRED) return 'error';
  if (printer & OFFLINE_BIT) return 'offline';
  if ((paper & NEAR_END) === NEAR_END) return 'paper-near-end';
  return 'ready';
}

/** One status byte in words, for technicians (printer:test). */
export function describeStatusByte(n: StatusKind, b: number | undefined): string {
  if (b === undefined) return 'no answer / 无应答';
  const hex = `0x${b.toString(16).padStart(2, '0')}`;
  if (!isStatusByte(b)) return `${hex} not a status byte / 非状态字节 (baud rate?)`;
  const flags: string[] = [];
  const on = (mask: number, text: string, all = false): void => {
    if (all ? (b & mask) === mask : b & mask) flags.push(text);
  };
  if (n === 1) on(OFFLINE_BIT, 'offline / 脱机');
  if (n === 2) {
    on(COVER_OPEN, 'cover open / 机盖打开');
    on(PAPER_END_STOP, 'stopped: paper end / 缺纸停止');
    on(ERROR_OCCURRED, 'error / 故障');
  }
  if (n === 3) {
    on(CUTTER_ERROR, 'cutter error / 切刀故障');
    on(UNRECOVERABLE, 'unrecoverable error / 不可恢复故障');
    on(AUTO_RECOVERABLE, 'auto-recoverable error / 可自动恢复故障');
  }
  if (n === 4) {
    on(NEAR_END, 'paper near end / 纸将尽', true);
    on(PAPER_END, 'paper end / 缺纸', true);
  }
  return `${hex} ${flags.length ? flags.join(', ') : 'ok / 正常'}`;
}
