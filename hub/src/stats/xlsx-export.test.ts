// The XLSX export keeps a citizen's formula-like comment as a text cell: a workbook never runs it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tablesXlsx } from './xlsx-export.js';

describe('tablesXlsx', () => {
  it('writes text as strings and figures as numbers, never formulas', async () => {
    const texts = ['=HYPERLINK("http://evil.example","点此")', '+1+1', '-1+1', '@SUM(A1)'];
    const bytes = await tablesXlsx([{ id: 't', title: '评价记录 Records', columns: ['文字 Text', '数值 Value'], rows: texts.map((x) => [x, -2.5]) }], '测试');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = book.worksheets[0]!;
    texts.forEach((x, i) => {
      const [text, figure] = [sheet.getCell(i + 2, 1), sheet.getCell(i + 2, 2)];
      expect([text.type, text.value]).toEqual([ExcelJS.ValueType.String, x]);
      expect([figure.type, figure.value]).toEqual([ExcelJS.ValueType.Number, -2.5]);
    });
  });
});
