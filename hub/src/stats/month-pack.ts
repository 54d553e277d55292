// A closed month's day roll-ups as reports read them (ReportRollup), packed into one file,
// <dataDir>/rollups/months/YYYY-MM.pack: a year's first report reads 11 packs and this month's days
// instead of 330 day files, and takes each column as a view of the pack's bytes instead of decoding
// base64 text. A pack holds nothing a day roll-up does not: it is made from them (stats-service.ts),
// dropped when one of its days is rebuilt, and made again.
//
// Layout: "YCMP", the header's length (u32, little-endian), the header (UTF-8 JSON: each day's fields
// but its columns, and where each column starts after the header), zeros up to a multiple of 8, then
// the columns' bytes (little-endian, as in day roll-ups), each starting at a multiple of 8.
import { RATING_COLUMNS, ROLLUP_VERSION, TICKET_COLUMNS, type ReportRollup } from './rollup.js';

/** Bumped when the layout changes; a pack of another version (or of other roll-ups) is made again. */
export const PACK_VERSION = 1;
const MAGIC = 'YCMP';
const ALIGN = 8;

type Spec = Record<string, Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor>;
/** The rating columns a report reads. */
const REPORT_RATING_COLUMNS = { window: RATING_COLUMNS.window, staff: RATING_COLUMNS.staff, level: RATING_COLUMNS.level } as const satisfies Spec;

interface PackHeader {
  v: typeof PACK_VERSION;
  rollup: typeof ROLLUP_VERSION;
  month: string;
  /** Each day's roll-up without its columns; `at`: where each column starts in the file. */
  days: Array<Record<string, unknown> & { tickets: Record<string, unknown>; ratings: Record<string, unknown>; at: Record<string, number> }>;
}

const aligned = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

/** The days' roll-ups (of one month, in order) as one pack. */
export function packMonth(month: string, days: readonly ReportRollup[]): Buffer {
  const columns: ArrayBufferView[] = [];
  let offset = 0;
  /** The table's fields but its columns (and ticket numbers, which reports do not read); its columns queued, their offsets noted in `at`. */
  const split = (table: Record<string, unknown>, spec: Spec, prefix: string, at: Record<string, number>): Record<string, unknown> => {
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(table)) {
      if (key === 'number') continue;
      if (!(key in spec)) {
        rest[key] = value;
        continue;
      }
      const column = value as ArrayBufferView;
      at[`${prefix}.${key}`] = offset;
      columns.push(column);
      offset = aligned(offset + column.byteLength);
    }
    return rest;
  };
  const header: PackHeader = {
    v: PACK_VERSION,
    rollup: ROLLUP_VERSION,
    month,
    days: days.map((d) => {
      const at: Record<string, number> = {};
      const r = d.ratings;
      return {
        v: d.v,
        day: d.day,
        weekday: d.weekday,
        windows: d.windows,
        cases: d.cases,
        appointments: d.appointments,
        kiosks: d.kiosks,
        tickets: split(d.tickets, TICKET_COLUMNS, 'tickets', at),
        ratings: split({ length: r.length, windowIds: r.windowIds, staffIds: r.staffIds, window: r.window, staff: r.staff, level: r.level }, REPORT_RATING_COLUMNS, 'ratings', at),
        at,
      };
    }),
  };
  const text = Buffer.from(JSON.stringify(header), 'utf8');
  const start = aligned(MAGIC.length + 4 + text.length);
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(text.length, MAGIC.length);
  text.copy(out, MAGIC.length + 4);
  let at = start;
  for (const c of columns) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at = aligned(at + c.byteLength);
  }
  return out;
}

/** The pack's days, their columns views of `bytes`; null for a pack of another version or not a pack. */
export function unpackMonth(bytes: Buffer): { month: string; days: ReportRollup[] } | null {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const length = bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as PackHeader;
  if (header.v !== PACK_VERSION || header.rollup !== ROLLUP_VERSION) return null;
  // Views need aligned offsets: a Buffer from Node's small-buffer pool may not start on one (then copied).
  const own: Uint8Array = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
  const start = own.byteOffset + aligned(MAGIC.length + 4 + length);
  const days = header.days.map(({ at, tickets, ratings, ...rest }) => {
    const join = (table: Record<string, unknown>, spec: Spec, prefix: string): Record<string, unknown> => {
      const n = table.length as number;
      const out = { ...table };
      for (const [key, Type] of Object.entries(spec)) out[key] = new Type(own.buffer as ArrayBuffer, start + at[`${prefix}.${key}`]!, n);
      return out;
    };
    return { ...rest, tickets: join(tickets, TICKET_COLUMNS, 'tickets'), ratings: join(ratings, REPORT_RATING_COLUMNS, 'ratings') } as unknown as ReportRollup;
  });
  return { month: header.month, days };
}
