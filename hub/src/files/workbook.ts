// XLSX workbooks for the report exports and the service catalogue. exceljs is loaded with the first
// workbook, not at start: it is a large module (~0.2 s of a hub's start), and most days nobody exports.
import type ExcelJS from 'exceljs';

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = '一窗 Yichuang';
  return book;
}
