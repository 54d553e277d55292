// Day roll-ups in <dataDir>/rollups/YYYY-MM-DD.json, each a lowdb file (for a busy day ~115 KB of
// tickets, ~50 KB of ratings, and the case, appointment and kiosk facts of the day: ~210 KB), so a
// year's report reads 365 of them instead of replaying 365 journals; and, once a month is over, its
// days packed in rollups/months/YYYY-MM.vN.pack (month-pack.ts), which a report reads instead.
import path from 'node:path';
import { Low } from 'lowdb';
import { dataFolder } from '../storage/data-folder.js';
import { listDays } from '../storage/day-files.js';
import { DurableJSONFile } from '../storage/durable-json-file.js';
import { ensureFolder, listFolder, readFileIfAny, readTextIfAny, removeFile, replaceFile } from '../storage/files.js';
import type { DayItems } from './item-facts.js';
import { PACK_VERSION, unpackMonth } from './month-pack.js';
import { ratingsForReport, reportRollupFrom, type PackedDay } from './report-day.js';
import { columnText, fromText, RATING_COLUMNS, REPORT_RATING_FIELDS, reviveRollup, ROLLUP_VERSION, TICKET_COLUMNS, type DayRollup, type RatingTable, type ReportRollup } from './rollup.js';

export class RollupStore {
  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<RollupStore> {
    const dir = dataFolder(dataDir).rollups;
    await ensureFolder(dir);
    return new RollupStore(dir);
  }

  private file(day: string): Low<DayRollup | null> {
    return new Low<DayRollup | null>(
      new DurableJSONFile<DayRollup | null>(this.pathOf(day), (data) => (data === null ? 'null\n' : rollupJson(data))),
      null,
    );
  }

  /** The stored roll-up, or null when there is none or it has another shape (rebuild it). */
  async read(day: string): Promise<DayRollup | null> {
    const db = this.file(day);
    await db.read();
    return db.data?.v === ROLLUP_VERSION ? reviveRollup(db.data) : null;
  }

  /** What a report reads of the stored roll-up (see reportRollupOf), or null as for read(). */
  async readForReport(day: string): Promise<ReportRollup | null> {
    const text = await readTextIfAny(this.pathOf(day));
    if (text === undefined) return null;
    const r = reportRollupOf(text);
    if (r !== undefined) return r;
    const full = await this.read(day);
    return full && reportRollupFrom(full);
  }

  async write(rollup: DayRollup): Promise<void> {
    const db = this.file(rollup.day);
    db.data = rollup;
    await db.write();
  }

  days(): Promise<string[]> {
    return listDays(this.dir, '.json');
  }

  /** A closed month's pack (month-pack.ts): its days as reports read them; null when there is none or of another version. */
  async readPack(month: string): Promise<PackedDay[] | null> {
    const bytes = await readFileIfAny(this.packOf(month));
    const pack = bytes && unpackMonth(bytes);
    return pack && pack.month === month ? pack.days : null;
  }

  async writePack(month: string, bytes: Uint8Array): Promise<void> {
    await ensureFolder(this.packDir);
    await replaceFile(this.packOf(month), bytes);
  }

  /** Drops a month's pack (one of its days was rebuilt): it is made again from the day roll-ups. */
  deletePack(month: string): Promise<void> {
    return removeFile(this.packOf(month));
  }

  /** The months with a pack of this version; packs of other versions are removed (they are made again). */
  async packs(): Promise<string[]> {
    const months: string[] = [];
    for (const f of await listFolder(this.packDir)) {
      if (!/^\d{4}-\d{2}\.(v\d+\.)?pack$/.test(f)) continue;
      if (f === path.basename(this.packOf(f.slice(0, 7)))) months.push(f.slice(0, 7));
      else await removeFile(path.join(this.packDir, f));
    }
    return months;
  }

  private get packDir(): string {
    return path.join(this.dir, 'months');
  }

  private packOf(month: string): string {
    return path.join(this.packDir, `${month}.v${PACK_VERSION}.pack`);
  }

  private pathOf(day: string): string {
    return path.join(this.dir, `${day}.json`);
  }
}

/** JSON with every non-ASCII character as \uXXXX: the file reads back as a one-byte string, which
 * decodes and parses ~15% faster than one with a single Chinese character in it. */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A roll-up as JSON that stays readable but compact: one top-level field per line ("seq": N among
 * them), each table column on one line (integer columns in base64, rollup.ts), one window, case,
 * appointment or kiosk fact per line; all ASCII.
 */
export function rollupJson(rollup: DayRollup): string {
  const field = (key: string, value: unknown, indent: string): string => `${indent}${JSON.stringify(key)}: ${value}`;
  const lines = Object.entries(rollup).map(([key, value]) => {
    if (Array.isArray(value)) {
      if (value.length === 0) return field(key, '[]', '  ');
      return field(key, `[\n${value.map((v) => `    ${asciiJson(v)}`).join(',\n')}\n  ]`, '  ');
    }
    if (typeof value === 'object' && value !== null) {
      const inner = Object.entries(value).map(([k, v]) => field(k, ArrayBuffer.isView(v) ? JSON.stringify(columnText(v)) : asciiJson(v), '    '));
      return field(key, `{\n${inner.join(',\n')}\n  }`, '  ');
    }
    return field(key, asciiJson(value), '  ');
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The fields of each table a report reads (the ratings' ticket numbers only to count the 事项, then dropped). */
const READ: Record<string, (field: string) => boolean> = {
  tickets: (field) => field !== 'number',
  ratings: (field) => field === 'number' || (REPORT_RATING_FIELDS as readonly string[]).includes(field),
};
const COLUMNS: Record<string, Record<string, Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor>> = { tickets: TICKET_COLUMNS, ratings: RATING_COLUMNS };

/**
 * A roll-up as a report reads it, straight from the lines rollupJson lays out: base64 columns are
 * decoded without JSON-parsing their text, and what a report does not need (ticket numbers, the
 * ratings' national fields) is skipped — a year of roll-ups reads in about half the time of
 * JSON.parse. null for a roll-up of another version; undefined if the text is not laid out so.
 */
export function reportRollupOf(text: string): ReportRollup | null | undefined {
  const lines = text.split('\n');
  if (lines[0] !== '{') return undefined;
  const out: Record<string, unknown> = {};
  let table: { name: string; fields: Record<string, unknown> } | undefined;
  let list: { name: string; items: string[] } | undefined;
  const entry = (line: string, indent: number): [string, string] => {
    const colon = line.indexOf('": ', indent);
    return [line.slice(indent + 1, colon), line.slice(colon + 3, line.endsWith(',') ? -1 : undefined)];
  };
  for (const line of lines.slice(1)) {
    if (list) {
      if (line === '  ]' || line === '  ],') {
        out[list.name] = JSON.parse(`[${list.items.join('\n')}]`);
        list = undefined;
      } else list.items.push(line);
    } else if (table) {
      if (line === '  }' || line === '  },') {
        out[table.name] = table.fields;
        table = undefined;
        continue;
      }
      const [key, value] = entry(line, 4);
      if (READ[table.name]?.(key) === false) continue;
      const Type = COLUMNS[table.name]?.[key];
      table.fields[key] = Type ? fromText(Type, value.slice(1, -1)) : JSON.parse(value);
    } else if (line.startsWith('  "')) {
      const [key, value] = entry(line, 2);
      if (value === '{') table = { name: key, fields: {} };
      else if (value === '[') list = { name: key, items: [] };
      else out[key] = JSON.parse(value);
      if (key === 'v' && out.v !== ROLLUP_VERSION) return null; // "v" comes first: nothing else is read
    } else if (line !== '}' && line !== '') return undefined;
  }
  const complete = ['day', 'weekday', 'tickets', 'windows', 'ratings', 'cases', 'appointments', 'kiosks'].every((k) => k in out);
  if (!complete || out.v !== ROLLUP_VERSION) return undefined;
  const { items, ratings, ...rest } = out as Omit<ReportRollup, 'items' | 'ratings'> & { items?: DayItems; ratings: Pick<RatingTable, 'number'> & ReportRollup['ratings'] };
  return { ...rest, ...ratingsForReport(ratings, items) };
}
