// The catalogue as a file: XLSX (columns.ts) and JSON, written for export and read back for import.
// Reading only lays the file out as plain rows; hallCatalogue (shared) then checks every field.
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../files/workbook.js';
import { columnOf, header, type AnyColumn, ITEM_COLUMNS, ITEMS_SHEET, LIFE_EVENT_COLUMNS, LIFE_EVENTS_SHEET, type Column } from './columns.js';

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export function catalogueJson(catalogue: HallCatalogue): string {
  return `${JSON.stringify({ items: catalogue.items, lifeEvents: catalogue.lifeEvents }, null, 2)}\n`;
}

export async function catalogueXlsx(catalogue: HallCatalogue): Promise<Buffer> {
  const book = await newWorkbook();
  const sheet = <T>(name: string, columns: readonly Column<T>[], rows: readonly T[]): void => {
    const ws = book.addWorksheet(name);
    ws.addRow(columns.map(header)).font = { bold: true };
    for (const row of rows) ws.addRow(columns.map((c) => cellOf(row[c.key], c)));
    ws.columns.forEach((col, i) => {
      col.width = columns[i]!.width;
      col.numFmt = '@'; // codes stay text: a long 事项编码 must not turn into a number
      col.alignment = { wrapText: true, vertical: 'top' };
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet(ITEMS_SHEET, ITEM_COLUMNS, catalogue.items);
  sheet(LIFE_EVENTS_SHEET, LIFE_EVENT_COLUMNS, catalogue.lifeEvents);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellOf(value: unknown, c: AnyColumn): string {
  if (c.kind === 'list' || c.kind === 'lines') return ((value as string[] | undefined) ?? []).join('\n');
  if (c.kind === 'yesNo') return value ? '是' : '';
  return typeof value === 'string' ? value : '';
}

/** What a file holds before it is checked, with where each row came from for the error messages. */
export interface RawCatalogue {
  data: { items: unknown[]; lifeEvents: unknown[] };
  /** Where an issue's path is in the file, in Chinese and English. */
  locate: (path: readonly PropertyKey[]) => { zh: string; en: string };
}

export class UnreadableFile extends Error {}

/** XLSX (a zip: starts with PK) or JSON, told apart by their first bytes. */
export async function readCatalogueFile(bytes: Buffer): Promise<RawCatalogue> {
  return bytes.subarray(0, 2).toString('latin1') === 'PK' ? readXlsx(bytes) : readJson(bytes);
}

function readJson(bytes: Buffer): RawCatalogue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UnreadableFile(`JSON: ${(err as Error).message}`);
  }
  const o = parsed as { items?: unknown; lifeEvents?: unknown } | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.items)) throw new UnreadableFile('JSON: { "items": [...], "lifeEvents": [...] }');
  const data = { items: o.items as unknown[], lifeEvents: Array.isArray(o.lifeEvents) ? (o.lifeEvents as unknown[]) : [] };
  const locate = (path: readonly PropertyKey[]) => {
    const [list, i, ...rest] = path;
    const where = `${String(list)}[${String(i)}]${rest.map((k) => `.${String(k)}`).join('')}`;
    return { zh: where, en: where };
  };
  return { data, locate };
}

async function readXlsx(bytes: Buffer): Promise<RawCatalogue> {
  const book = await newWorkbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableFile(`XLSX: ${(err as Error).message}`);
  }
  const items = book.getWorksheet(ITEMS_SHEET) ?? book.worksheets[0];
  if (!items) throw new UnreadableFile(`XLSX: 没有「${ITEMS_SHEET}」工作表 / no sheet ${ITEMS_SHEET}`);
  const lifeEvents = book.getWorksheet(LIFE_EVENTS_SHEET);
  const itemRows = sheetRows(items, ITEM_COLUMNS, ['code', 'name']);
  const eventRows = lifeEvents ? sheetRows(lifeEvents, LIFE_EVENT_COLUMNS, ['id', 'name']) : { rows: [], numbers: [], headers: new Map<string, string>() };
  const locate = (path: readonly PropertyKey[]) => {
    const [list, i, field] = path;
    const [sheet, read] = list === 'lifeEvents' ? [LIFE_EVENTS_SHEET, eventRows] : [ITEMS_SHEET, itemRows];
    const row = read.numbers[Number(i)] ?? Number(i) + 2;
    const column = field === undefined ? '' : (read.headers.get(String(field)) ?? String(field));
    return {
      zh: `「${sheet}」表第 ${row} 行${column ? `「${column}」` : ''}`,
      en: `sheet ${sheet} row ${row}${column ? ` (${column})` : ''}`,
    };
  };
  return { data: { items: itemRows.rows, lifeEvents: eventRows.rows }, locate };
}

/** The sheet's rows under its header row (blank rows skipped), each as an object by column key. */
function sheetRows<T>(ws: ExcelJS.Worksheet, columns: readonly Column<T>[], required: readonly string[]): { rows: unknown[]; numbers: number[]; headers: Map<string, string> } {
  const byIndex = new Map<number, Column<T>>();
  const headers = new Map<string, string>();
  ws.getRow(1).eachCell((cell, i) => {
    const c = columnOf(columns, cellText(cell.value));
    if (c) {
      byIndex.set(i, c);
      headers.set(c.key, cellText(cell.value));
    }
  });
  const missing = columns.filter((c) => required.includes(c.key) && !headers.has(c.key));
  if (missing.length) throw new UnreadableFile(`XLSX「${ws.name}」缺少列 / missing columns: ${missing.map(header).join(', ')}`);
  const rows: unknown[] = [];
  const numbers: number[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const out: Record<string, unknown> = {};
    let any = false;
    byIndex.forEach((c, i) => {
      const text = cellText(row.getCell(i).value).trim();
      if (text) any = true;
      out[c.key] = valueOf(text, c);
    });
    if (!any) return;
    rows.push(out);
    numbers.push(n);
  });
  return { rows, numbers, headers };
}

function valueOf(text: string, c: AnyColumn): unknown {
  if (c.kind === 'lines' || c.kind === 'list') {
    return text
      .split(c.kind === 'lines' ? /\r?\n/ : /\r?\n|[、，,；;]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (c.kind === 'yesNo') {
    const t = text.toLowerCase();
    return YES.has(t) ? true : NO.has(t) ? false : text;
  }
  return text === '' ? undefined : text;
}

/** A cell's value as the text it shows: rich text joined, a formula's result, a number as written. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
  return '';
}
