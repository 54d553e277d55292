// The report tables as an XLSX workbook, one sheet per table.
import type { Table } from '@yichuang/shared/reports';
import { newWorkbook } from '../files/workbook.js';

export async function tablesXlsx(tables: readonly Table[], title: string): Promise<Buffer> {
  const book = await newWorkbook();
  book.title = title;
  for (const table of tables) {
    // Sheet names: at most 31 characters, no []:*?/\ — the Chinese part of the title suffices.
    const sheet = book.addWorksheet(table.title.split(' ')[0]!.slice(0, 31));
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 14));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
