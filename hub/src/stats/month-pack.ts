// A closed month's day roll-ups packed into one file, <dataDir>/rollups/months/YYYY-MM.v4.pack, in the
// form a report uses (PackedDay): a year's first report reads 11 packs and this month's days instead of
// 330 day files, and turns each day into a ReportDay nearly for free — the ticket columns are views of
// the pack's bytes, group keys already widened and the hour of issue worked out; ratings already counted
// by level per window and staff member, and its 事项 with their ratings; the day's memos a report would
// otherwise work out on first reading it (its counters per dimension, its own figures at the default
// threshold, its arrivals by hour and waits by bar: report.ts dayMemos); and of the bad-rating cases
// only each one's latest version in the month (a report judges a case by its latest, which is never in
// a day before one that carries it).
// A pack holds nothing a day roll-up does not: it is made from them (stats-service.ts), dropped when one
// of its days is rebuilt, and made again.
//
// Layout: "YCMP", the header's length (u32, little-endian), the header (UTF-8 JSON: each day's few facts
// and where each column starts after the header), zeros up to a multiple of 8, then the columns' bytes
// (little-endian), each starting at a multiple of 8.
import type { CaseFact } from './facts.js';
import { dayMemos, WAIT_BARS } from './report.js';
import { CODES, ratingCounts, reportDay, type DayMemos, type PackedDay, type RatingCounts, type TicketColumns } from './report-day.js';
import { ROLLUP_VERSION, TICKET_COLUMNS, type ReportRollup } from './rollup.js';

/** Bumped when the layout changes: it names the file, so a pack of another version is not read, and made again. */
export const PACK_VERSION = 4;
const MAGIC = 'YCMP';
const ALIGN = 8;

type IntArray = Int8Array | Int16Array | Int32Array;
type Spec = Record<string, Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor>;
/** PackedDay's ticket columns and their element types: the roll-up's, group keys widened as reports use them, and the hour of issue. */
const PACKED_TICKETS = {
  ...TICKET_COLUMNS,
  category: Int32Array,
  window: Int32Array,
  staff: Int32Array,
  source: Int32Array,
  priority: Int32Array,
  hour: Int8Array,
} as const satisfies Spec & { [K in keyof TicketColumns as TicketColumns[K] extends IntArray ? K : never]: unknown };

type DayHeader = Omit<PackedDay, 'tickets' | 'ratings' | 'memos'> & {
  tickets: Pick<TicketColumns, 'length' | 'categoryIds' | 'windowIds' | 'staffIds'>;
  ratings: Pick<RatingCounts, 'windowIds' | 'staffIds'>;
  /** The day's own figures (byDay) at the default threshold; its counters per dimension are columns, their lengths here. */
  memos: Pick<DayMemos, 'figures'> & { counts: Record<string, number> };
  /** Where each column starts, after the header. */
  at: Record<string, number>;
};

interface PackHeader {
  v: typeof PACK_VERSION;
  rollup: typeof ROLLUP_VERSION;
  month: string;
  days: DayHeader[];
}

const aligned = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

/** Each day's cases but those a later day of the month carries too (its version is later). */
function latestCases(days: readonly ReportRollup[]): CaseFact[][] {
  const seen = new Set<string>();
  return days
    .toReversed()
    .map((d) => {
      const own = d.cases.filter((c) => !seen.has(c.id));
      for (const c of d.cases) seen.add(c.id);
      return own;
    })
    .toReversed();
}

/** The days' roll-ups (of one month, in order) as one pack. */
export function packMonth(month: string, days: readonly ReportRollup[]): Buffer {
  const columns: IntArray[] = [];
  let offset = 0;
  const put = (at: Record<string, number>, key: string, column: IntArray): void => {
    at[key] = offset;
    columns.push(column);
    offset = aligned(offset + column.byteLength);
  };
  const cases = latestCases(days);
  const header: PackHeader = {
    v: PACK_VERSION,
    rollup: ROLLUP_VERSION,
    month,
    days: days.map((d, i) => {
      const at: Record<string, number> = {};
      const day = reportDay(d);
      const t = { ...day.tickets, issued: d.tickets.issued };
      for (const key of Object.keys(PACKED_TICKETS) as Array<keyof typeof PACKED_TICKETS>) put(at, `tickets.${key}`, t[key]);
      const r = ratingCounts(d.ratings);
      put(at, 'ratings.all', r.all);
      put(at, 'ratings.byWindow', r.byWindow);
      put(at, 'ratings.byStaff', r.byStaff);
      const memos = dayMemos(day);
      for (const [name, counts] of Object.entries(memos.counts)) put(at, `counts.${name}`, counts);
      put(at, 'spread.byHour', memos.spread.byHour);
      put(at, 'spread.waitBars', memos.spread.waitBars);
      return {
        v: d.v,
        day: d.day,
        weekday: d.weekday,
        windows: d.windows,
        cases: cases[i]!,
        appointments: d.appointments,
        kiosks: d.kiosks,
        ...(d.items && { items: d.items }),
        tickets: { length: t.length, categoryIds: t.categoryIds, windowIds: t.windowIds, staffIds: t.staffIds },
        ratings: { windowIds: r.windowIds, staffIds: r.staffIds },
        memos: { figures: memos.figures, counts: Object.fromEntries(Object.entries(memos.counts).map(([name, c]) => [name, c.length])) },
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
export function unpackMonth(bytes: Buffer): { month: string; days: PackedDay[] } | null {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const length = bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as PackHeader;
  if (header.v !== PACK_VERSION || header.rollup !== ROLLUP_VERSION) return null;
  // Views need aligned offsets: a Buffer from Node's small-buffer pool may not start on one (then copied).
  const own: Uint8Array = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
  const start = own.byteOffset + aligned(MAGIC.length + 4 + length);
  const days = header.days.map(({ at, tickets, ratings, memos, ...rest }): PackedDay => {
    const view = <T extends Spec[string]>(Type: T, key: string, n: number): InstanceType<T> => new Type(own.buffer as ArrayBuffer, start + at[key]!, n) as InstanceType<T>;
    const columns = Object.fromEntries(Object.entries(PACKED_TICKETS).map(([key, Type]) => [key, view(Type, `tickets.${key}`, tickets.length)]));
    return {
      ...rest,
      tickets: { ...tickets, ...(columns as { [K in keyof typeof PACKED_TICKETS]: InstanceType<(typeof PACKED_TICKETS)[K]> }) },
      ratings: {
        ...ratings,
        all: view(Int32Array, 'ratings.all', CODES),
        byWindow: view(Int32Array, 'ratings.byWindow', ratings.windowIds.length * CODES),
        byStaff: view(Int32Array, 'ratings.byStaff', ratings.staffIds.length * CODES),
      },
      memos: {
        figures: memos.figures,
        counts: Object.fromEntries(Object.entries(memos.counts).map(([name, n]) => [name, view(Int32Array, `counts.${name}`, n)])),
        spread: { byHour: view(Int32Array, 'spread.byHour', 24), waitBars: view(Int32Array, 'spread.waitBars', WAIT_BARS) },
      },
    };
  });
  return { month: header.month, days };
}

/** A packed day's ticket table as its roll-up has it (no ticket numbers), for the capacity forecast. */
export function packedTable(t: PackedDay['tickets']): ReportRollup['tickets'] {
  const { length, categoryIds, windowIds, staffIds } = t;
  const columns = Object.fromEntries(Object.entries(TICKET_COLUMNS).map(([key, Type]) => {
    const column = t[key as keyof typeof TICKET_COLUMNS];
    return [key, column instanceof Type ? column : Type.from(column)];
  }));
  return { length, categoryIds, windowIds, staffIds, ...columns } as ReportRollup['tickets'];
}
