import { describe, expect, it } from 'vitest';
import { charColumns, columns, printable, wrap } from './slip-text.js';

describe('slip text', () => {
  it('counts a Chinese character, full-width punctuation and a GBK symbol as two columns, ASCII as one', () => {
    expect(columns('A023')).toBe(4);
    expect(columns('综合受理')).toBe(8);
    expect(columns('（无差别）·，')).toBe(14);
    expect(charColumns('😀')).toBe(0);
  });

  it('replaces what a GBK printer cannot print', () => {
    expect(printable('办事😀€\u0007')).toBe('办事???');
  });

  it('wraps by display width, not by string length', () => {
    // 10 Chinese characters = 20 columns: two lines of 16 and 4 on a 16-column line.
    expect(wrap('一二三四五六七八九十', 16)).toEqual(['一二三四五六七八', '九十']);
    for (const line of wrap('示范区政务服务中心（演示） 综合受理窗口', 12)) expect(columns(line)).toBeLessThanOrEqual(12);
  });

  it('never puts a double-width character across the edge', () => {
    expect(wrap('a一二三', 4)).toEqual(['a一', '二三']);
  });

  it('moves an ASCII word to the next line whole when it fits there', () => {
    expect(wrap('请扫码 http://h/t/A023', 16)).toEqual(['请扫码', 'http://h/t/A023']);
    // Longer than a line: split where the line ends.
    expect(wrap('请 http://hall/t/A023', 16)).toEqual(['请 http://hall/t', '/A023']);
    expect(wrap('前面等候 12 人', 10)).toEqual(['前面等候', '12 人']);
  });

  it('never starts a line with closing punctuation', () => {
    expect(wrap('综合受理窗口，请稍候', 12)).toEqual(['综合受理窗', '口，请稍候']);
  });

  it('moves a bracketed part to the next line whole when it fits there, and breaks it only when it cannot', () => {
    expect(wrap('示范区政务服务中心（演示）', 24)).toEqual(['示范区政务服务中心', '（演示）']);
    expect(wrap('跨域通办（全省通办·跨省通办）', 24)).toEqual(['跨域通办', '（全省通办·跨省通办）']);
    // Longer than a line: split where the line ends, never leaving the closing bracket alone.
    expect(wrap('办（一二三四五六七八九）', 16)).toEqual(['办（一二三四五六', '七八九）']);
  });

  it('keeps explicit line breaks and empty paragraphs', () => {
    expect(wrap('一\n\n二', 8)).toEqual(['一', '', '二']);
    expect(wrap('', 8)).toEqual(['']);
  });
});
