import { describe, expect, it } from 'vitest';
import { EscPosDecoder } from './escpos-decoder.js';
import { sampleSlip, worstCaseSlip } from './sample-slip.js';
import { columns, COLUMNS } from './slip-text.js';
import { slipBytes, type TicketSlip } from './ticket-layout.js';

const MONDAY_10AM = Date.parse('2026-11-23T02:00:00Z');

const slip: TicketSlip = {
  header: '示范区政务服务中心（演示）',
  number: 'A023',
  categoryName: '综合受理（无差别）',
  priority: 'green',
  issuedAt: MONDAY_10AM,
  timeZone: 'Asia/Shanghai',
  ahead: 3,
  estimatedWaitMin: 18,
  identity: '138****5678',
  footer: '请留意叫号屏和语音提示',
  pageUrl: 'http://192.168.1.10:8080/t/A023?d=2026-11-23',
};

function decode(bytes: Buffer) {
  const d = new EscPosDecoder();
  d.push(bytes);
  return d;
}

describe('ticket slip layout', () => {
  it('prints the hall, a big number, the category, the people ahead, the wait, the time, a QR code and a cut', () => {
    const d = decode(slipBytes(slip, { paperWidth: 80, qr: true }));
    const [printed, ...more] = d.slips();
    expect(more).toEqual([]);
    const text = printed!.lines.map((l) => l.text);
    expect(text).toEqual([
      '示范区政务服务中心',
      '（演示）',
      'A023',
      '综合受理（无差别）',
      '【绿色通道】',
      '前面等候 3 人，约 18 分钟',
      '取号时间 11-23 10:00',
      '登记 138****5678',
      '',
      '请留意叫号屏和语音提示',
    ]);
    const number = printed!.lines[2]!;
    expect(number).toMatchObject({ width: 4, height: 4, bold: true, align: 'center' });
    expect(printed!.lines[0]).toMatchObject({ width: 2, height: 2 });
    expect(printed!.lines[5]).toMatchObject({ width: 1, height: 1 });
    expect(printed!.qr).toEqual([slip.pageUrl]);
    expect(printed!.rasterBytes).toBe(0);
    expect(d.items.filter((i) => i.kind === 'unknown')).toEqual([]);
  });

  it('stays within 300 bytes, text and native QR only, even with every field filled in', () => {
    for (const paperWidth of [58, 80] as const) {
      const bytes = slipBytes(sampleSlip(), { paperWidth, qr: true });
      expect(bytes.length).toBeLessThanOrEqual(300);
      expect(decode(bytes).items.some((i) => i.kind === 'raster')).toBe(false);
    }
  });

  it('stays within 300 bytes in the worst case the layout allows: green channel, ID tail, long numbers and figures, a reprint', () => {
    for (const paperWidth of [58, 80] as const) expect(slipBytes(worstCaseSlip(), { paperWidth, qr: true }).length).toBeLessThanOrEqual(300);
  });

  it('marks a reprint 补打 with its time, so two slips of one number are told apart', () => {
    const again = { ...slip, reprintedAt: Date.parse('2026-11-23T02:32:00Z') };
    const text = decode(slipBytes(again, { paperWidth: 58, qr: true })).slips()[0]!.lines.map((l) => l.text);
    expect(text).toContain('补打 10:32');
    expect(decode(slipBytes({ ...slip, identity: '1101**********123X' }, { paperWidth: 58, qr: true })).slips()[0]!.lines.map((l) => l.text)).toContain('登记 1101****123X');
  });

  it('wraps every line within the paper width at its magnification', () => {
    const long = { ...slip, header: '某某省某某市某某区人民政府政务服务中心第二分中心', footer: '温馨提示：请留意叫号屏和语音提示，过号请到服务台咨询，谢谢配合' };
    for (const paperWidth of [58, 80] as const) {
      const [printed] = decode(slipBytes(long, { paperWidth, qr: false })).slips();
      for (const line of printed!.lines) expect(columns(line.text) * line.width).toBeLessThanOrEqual(COLUMNS[paperWidth]);
      expect(printed!.lines.filter((l) => l.width === 2).length).toBeGreaterThan(1); // the header took two lines
      expect(printed!.qr).toEqual([]);
    }
  });

  it('leaves out what a plain ticket does not have', () => {
    const plain = { ...slip, priority: 'normal' as const, ahead: 0, identity: undefined };
    const text = decode(slipBytes(plain, { paperWidth: 58, qr: true })).slips()[0]!.lines.map((l) => l.text);
    expect(text).toContain('前面等候 0 人');
    expect(text.join('|')).not.toMatch(/绿色通道|分钟|登记/);
  });
});
