// One service day's facts, as stored in <dataDir>/rollups/YYYY-MM-DD.json.
//
// The ticket and rating tables are columnar: one typed array per field, one entry per row, ids
// replaced by indexes into per-day dictionaries and fixed lists of codes, durations in whole seconds.
// On disk each integer column is its bytes in base64: a year of roll-ups parses and decodes ~3× faster
// than as JSON number arrays, and reports use the arrays as read. A busy day's tickets (2,000) take
// about 115 KB (~900 KB as one pretty-printed JSON object per ticket, roll-up version 2), its ratings
// ~50 KB (~350 KB as objects, version 4). Durations are kept to the second: every report figure is
// exact at one-second resolution (the engine's clock has milliseconds; reports show minutes). Rating
// times keep their milliseconds: the national export shows them.
import type { DayItems, ItemCounts } from './item-facts.js';
import { OUTCOMES, type PriorityClass, type TicketSource } from '@yichuang/shared/domain';
import { LEVEL_CODE, RATING_CHANNELS, RATING_LEVELS, type Rating, type RatingLevel } from '@yichuang/shared/ratings';
import type { AppointmentFact, CaseFact, KioskFact, TicketEnd, TicketFact, WindowFact } from './facts.js';

/** Bumped when the shape changes: a stored roll-up of another version is rebuilt from its journal. */
export const ROLLUP_VERSION = 6;

/** Codes of the small-int columns: a row stores the index into these lists. Append only. */
export const SOURCES = ['kiosk', 'appointment', 'staff', 'terminal24', 'phone'] as const satisfies readonly TicketSource[];
export const PRIORITIES = ['normal', 'appointment', 'green'] as const satisfies readonly PriorityClass[];
export const ENDS = ['finished', 'no-show', 'cancelled', 'open'] as const satisfies readonly TicketEnd[];

// A value added to one of the unions above but not to its list fails to compile here.
type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;
const exhaustive: [Exhaustive<TicketSource, typeof SOURCES>, Exhaustive<PriorityClass, typeof PRIORITIES>, Exhaustive<TicketEnd, typeof ENDS>] = [true, true, true];
void exhaustive;

/** Absent duration, outcome, window or staff. */
export const NONE = -1;

/** Columns whose values are whole seconds, NONE where the ticket never reached that step. */
export const DURATION_KEYS = ['wait', 'totalWait', 'walk', 'service', 'stay', 'uncalledWait'] as const;
export type DurationKey = (typeof DURATION_KEYS)[number];

/** Element type of each integer column: the smallest that holds its values (NONE included). */
export const TICKET_COLUMNS = {
  category: Int16Array,
  window: Int16Array,
  staff: Int16Array,
  source: Int8Array,
  priority: Int8Array,
  end: Int8Array,
  outcome: Int8Array,
  called: Int8Array,
  transfers: Int16Array,
  holds: Int16Array,
  issued: Int32Array,
  wait: Int32Array,
  totalWait: Int32Array,
  walk: Int32Array,
  service: Int32Array,
  stay: Int32Array,
  uncalledWait: Int32Array,
} as const;

export const RATING_COLUMNS = {
  category: Int16Array,
  window: Int16Array,
  staff: Int16Array,
  channel: Int8Array,
  level: Int8Array,
  finished: Int32Array,
  rated: Int32Array,
} as const;

type IntArrayType = Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor;
type Columns<Spec extends Record<string, IntArrayType>> = { [K in keyof Spec]: InstanceType<Spec[K]> };

/**
 * The day's tickets in issue order, one typed array per field, all of the same `length`:
 * - category, window, staff: indexes into the per-day dictionaries (window and staff: the one that
 *   finished the visit, or last handled it; NONE if none did); category: of issue (a transfer does not move it);
 * - source, priority, end, outcome: indexes into SOURCES, PRIORITIES, ENDS, OUTCOMES (outcome NONE if none);
 * - issued: issue time by the hall's clock, seconds since local midnight (its hour: issued / 3600);
 * - called: 1 if the ticket was ever called; transfers, holds: how many;
 * - the DURATION_KEYS: whole seconds, NONE where the ticket never reached that step.
 */
export type TicketTable = {
  length: number;
  categoryIds: string[];
  windowIds: string[];
  staffIds: string[];
  number: string[];
} & Columns<typeof TICKET_COLUMNS>;

/** Level code of a 未评价 record in RatingTable.level; the five levels are their index in RATING_LEVELS. */
export const UNRATED = RATING_LEVELS.length;

/**
 * The day's rating records (and 未评价) in time order, one array per field, all of the same `length`:
 * - category (the ticket's, after any transfer), window, staff: indexes into the dictionaries;
 * - channel: index into RATING_CHANNELS; level: index into RATING_LEVELS, or UNRATED;
 * - finished: when the visit finished, milliseconds after `from`; rated: when it was rated (or became
 *   未评价), milliseconds after the finish.
 */
export type RatingTable = {
  length: number;
  categoryIds: string[];
  windowIds: string[];
  staffIds: string[];
  /** The visit's ticket number: its ticket id is `${day}/${number}` (tickets are the day's own). */
  number: string[];
  /** The instant `finished` counts from: the service day's start. */
  from: number;
  /** The few records with reasons, a text, a contact or a 办件编号, by row. */
  notes: Record<number, Pick<Rating, 'reasons' | 'text' | 'contact' | 'caseNumber'>>;
} & Columns<typeof RATING_COLUMNS>;

export interface DayRollup {
  v: typeof ROLLUP_VERSION;
  hall: string;
  day: string;
  /** Journal sequence number of the last event included. */
  seq: number;
  /** The service day's weekday (0 = Sunday): every ticket of the day was issued on it. */
  weekday: number;
  /**
   * Written while the day was still going (the hub's periodic save, or its shutdown): once the day
   * is over, such a roll-up is rebuilt from the journal and presence files before a report uses it.
   */
  partial?: true;
  tickets: TicketTable;
  windows: WindowFact[];
  /** The day's ratings and 未评价 records, with the national fields. */
  ratings: RatingTable;
  /** Bad-rating cases opened or moved on this day, as they stood at its end (the latest version wins in reports). */
  cases: CaseFact[];
  /** Appointment events of the day, per day booked for and category. */
  appointments: AppointmentFact[];
  /** Each kiosk's online time against the time it was due to be up (from the day's presence file). */
  kiosks: KioskFact[];
  /** Tickets finished with a 事项 recorded, by item code (absent on days without; item-figures.ts). */
  items?: DayItems;
}

/** What a report reads of a roll-up: no ticket numbers, of the ratings only who was rated how, the 事项 counted. */
export type ReportRollup = Pick<DayRollup, 'v' | 'day' | 'weekday' | 'partial' | 'windows' | 'cases' | 'appointments' | 'kiosks'> & {
  tickets: Omit<TicketTable, 'number'>;
  ratings: Pick<RatingTable, (typeof REPORT_RATING_FIELDS)[number]>;
  items?: ItemCounts;
};

/** The rating fields a report reads. */
export const REPORT_RATING_FIELDS = ['length', 'windowIds', 'staffIds', 'window', 'staff', 'level'] as const;

/** A column of `Type` holding `values` exactly (a value out of its range is a bug, not something to wrap). */
function column<T extends IntArrayType>(Type: T, values: readonly number[]): InstanceType<T> {
  const out = Type.from(values) as InstanceType<T>;
  for (let i = 0; i < values.length; i++) if (out[i] !== values[i]) throw new Error(`roll-up: ${values[i]} does not fit ${Type.name}`);
  return out;
}

/** Typed arrays on disk: their bytes (little-endian, as on every x86 and ARM hall PC) in base64. */
export function columnText(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function fromText<T extends IntArrayType>(Type: T, text: string): InstanceType<T> {
  const bytes = Buffer.from(text, 'base64');
  const out = new Type(bytes.length / Type.BYTES_PER_ELEMENT) as InstanceType<T>;
  new Uint8Array(out.buffer).set(bytes); // a copy: Buffer's pool gives no alignment
  return out;
}

/** A roll-up as read from its JSON file, its columns back as typed arrays. */
export function reviveRollup(raw: unknown): DayRollup {
  const r = raw as DayRollup;
  const revive = (table: Record<string, unknown>, spec: Record<string, IntArrayType>): void => {
    for (const [key, Type] of Object.entries(spec)) table[key] = fromText(Type, table[key] as string);
  };
  revive(r.tickets as unknown as Record<string, unknown>, TICKET_COLUMNS);
  revive(r.ratings as unknown as Record<string, unknown>, RATING_COLUMNS);
  return r;
}

const SECOND = 1000;
/** Milliseconds to whole seconds (nearest). */
const toSeconds = (ms: number): number => Math.round(ms / SECOND);

function code<T>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  if (i === -1) throw new Error(`roll-up: no code for ${String(value)}`);
  return i;
}

/** Interns ids into a dictionary, in order of first appearance. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(id: string | undefined): number {
    if (id === undefined) return NONE;
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

/** A column maker for rows: `make(key, value)` is `spec[key]` of value(row) for every row. */
function columnsOf<Spec extends Record<string, IntArrayType>, Row>(spec: Spec, rows: readonly Row[]) {
  return <K extends keyof Spec>(key: K, value: (row: Row) => number): InstanceType<Spec[K]> => column(spec[key], rows.map(value));
}

/** The category, window and staff columns of rows (NONE for none), and the per-day dictionaries they index. */
function idColumns<Row>(rows: readonly Row[], category: (row: Row) => string, window: (row: Row) => string | undefined, staff: (row: Row) => string | undefined) {
  const ids = (id: (row: Row) => string | undefined): { values: string[]; column: InstanceType<Int16ArrayConstructor> } => {
    const dictionary = new Dictionary();
    return { column: column(Int16Array, rows.map((r) => dictionary.of(id(r)))), values: dictionary.values };
  };
  const [c, w, s] = [ids(category), ids(window), ids(staff)];
  return { categoryIds: c.values, windowIds: w.values, staffIds: s.values, category: c.column, window: w.column, staff: s.column };
}

export function encodeTickets(facts: readonly TicketFact[]): TicketTable {
  const c = columnsOf(TICKET_COLUMNS, facts);
  // A clock stepped back can make a period negative: counted as 0 s (a report has no counter below 0).
  const duration = (key: DurationKey) => c(key, (f) => (f[key] === undefined ? NONE : Math.max(0, toSeconds(f[key]))));
  return {
    length: facts.length,
    ...idColumns(facts, (f) => f.category, (f) => f.window, (f) => f.staff),
    number: facts.map((f) => f.number),
    source: c('source', (f) => code(SOURCES, f.source)),
    priority: c('priority', (f) => code(PRIORITIES, f.priority)),
    end: c('end', (f) => code(ENDS, f.end)),
    outcome: c('outcome', (f) => (f.outcome === undefined ? NONE : code(OUTCOMES, f.outcome))),
    issued: c('issued', (f) => f.issued),
    called: c('called', (f) => (f.called ? 1 : 0)),
    transfers: c('transfers', (f) => f.transfers),
    holds: c('holds', (f) => f.holds),
    wait: duration('wait'),
    totalWait: duration('totalWait'),
    walk: duration('walk'),
    service: duration('service'),
    stay: duration('stay'),
    uncalledWait: duration('uncalledWait'),
  };
}

/** The table back as one fact per ticket (durations in milliseconds, whole seconds), for drill-down and tests. */
export function decodeTickets(t: TicketTable): TicketFact[] {
  const rows: TicketFact[] = [];
  for (let i = 0; i < t.length; i++) {
    const fact: TicketFact = {
      number: t.number[i]!,
      category: t.categoryIds[t.category[i]!]!,
      source: SOURCES[t.source[i]!]!,
      priority: PRIORITIES[t.priority[i]!]!,
      issued: t.issued[i]!,
      end: ENDS[t.end[i]!]!,
      called: t.called[i] === 1,
      transfers: t.transfers[i]!,
      holds: t.holds[i]!,
    };
    if (t.window[i] !== NONE) fact.window = t.windowIds[t.window[i]!]!;
    if (t.staff[i] !== NONE) fact.staff = t.staffIds[t.staff[i]!]!;
    if (t.outcome[i] !== NONE) fact.outcome = OUTCOMES[t.outcome[i]!]!;
    for (const key of DURATION_KEYS) {
      const s = t[key][i]!;
      if (s !== NONE) fact[key] = s * SECOND;
    }
    rows.push(fact);
  }
  return rows;
}

/** Ratings as a table; `from` is the service day's start (rating ids are `${day}/${number}`). */
export function encodeRatings(ratings: readonly Rating[], from: number): RatingTable {
  const notes: RatingTable['notes'] = {};
  ratings.forEach((r, i) => {
    if (r.reasons.length === 0 && r.text === undefined && r.contact === undefined && r.caseNumber === undefined) return;
    notes[i] = { reasons: r.reasons, ...(r.text !== undefined && { text: r.text }), ...(r.contact !== undefined && { contact: r.contact }), ...(r.caseNumber !== undefined && { caseNumber: r.caseNumber }) };
  });
  const c = columnsOf(RATING_COLUMNS, ratings);
  return {
    length: ratings.length,
    ...idColumns(ratings, (r) => r.categoryId, (r) => r.windowId, (r) => r.staffId),
    number: ratings.map((r) => r.ticketNumber),
    from,
    notes,
    channel: c('channel', (r) => code(RATING_CHANNELS, r.channel)),
    level: c('level', (r) => (r.level === 'unrated' ? UNRATED : code(RATING_LEVELS, r.level))),
    finished: c('finished', (r) => r.finishedAt - from),
    rated: c('rated', (r) => r.at - r.finishedAt),
  };
}

/** The table back as rating records, exactly as the engine made them. */
export function decodeRatings(t: RatingTable, day: string): Rating[] {
  const out: Rating[] = [];
  for (let i = 0; i < t.length; i++) {
    const level: RatingLevel | 'unrated' = t.level[i] === UNRATED ? 'unrated' : RATING_LEVELS[t.level[i]!]!;
    const finishedAt = t.from + t.finished[i]!;
    const note = t.notes[i];
    out.push({
      ticketId: `${day}/${t.number[i]!}`,
      ticketNumber: t.number[i]!,
      categoryId: t.categoryIds[t.category[i]!]!,
      windowId: t.windowIds[t.window[i]!]!,
      staffId: t.staffIds[t.staff[i]!]!,
      channel: RATING_CHANNELS[t.channel[i]!]!,
      finishedAt,
      at: finishedAt + t.rated[i]!,
      level,
      ...(level !== 'unrated' && { code: LEVEL_CODE[level] }),
      reasons: note ? [...note.reasons] : [],
      ...(note?.text !== undefined && { text: note.text }),
      ...(note?.contact !== undefined && { contact: note.contact }),
      ...(note?.caseNumber !== undefined && { caseNumber: note.caseNumber }),
    });
  }
  return out;
}
