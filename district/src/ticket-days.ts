// Each past hall day's tickets and ratings rolled up in the hall's own form (`ticket_days`): the ticket
// columns of its roll-up (hub/src/stats/rollup.ts TicketTable: durations in whole seconds, ids in
// per-day dictionaries, each column a base64 typed array) and its ratings counted per window, staff
// and level. A district report reads one row per hall day and works its figures out with the hall's
// own report code (stats/report.ts reportOf), so its exact nearest-rank percentiles come from the
// hall's whole-second histograms, never from sorting a year's tickets in SQL (~50 s for 115 halls).
//
// The projector marks every hall day a batch touches as stale (`ticket_days_stale`, its roll-up row
// dropped in the same transaction) and rolls stale past days up again after projecting; today, and a
// day not rolled up yet, are read from the projected tables as they stand, by the same encoder.
import { RATING_LEVELS, type RatingLevel } from '@yichuang/shared/ratings';
import { addDays, localParts, serviceDay, weekdayOf } from '@yichuang/shared/time';
import type { TicketEnd, TicketFact } from '@yichuang/hub/dist/stats/facts.js';
import { fillDayMemos } from '@yichuang/hub/dist/stats/report.js';
import { RatingTally, ReportDayCache, ticketColumns, type ReportDay, type TicketColumns } from '@yichuang/hub/dist/stats/report-day.js';
import { columnText, encodeTickets, fromText, NONE, ROLLUP_VERSION, TICKET_COLUMNS, type ReportRollup } from '@yichuang/hub/dist/stats/rollup.js';
import type pg from 'pg';

/** A day's ratings: [window, staff, level (null: 未评价), how many]. */
type RatingCount = [string, string, string | null, number];

/** A ticket's figures as stats/facts.ts ticketFact defines them, durations in milliseconds (NULL: never reached). */
const DURATIONS_MS = (today: string, now: string): string => `
  CASE WHEN first_called_at IS NULL THEN NULL
    WHEN first_called_at <= issued_at OR first_called_at <= due_at THEN 0
    WHEN due_at > issued_at THEN first_called_at - due_at
    ELSE first_called_at - issued_at END AS wait,
  CASE WHEN first_called_at IS NOT NULL AND waits > 0 AND state <> 'waiting' THEN waiting_ms END AS total_wait,
  walk_ms AS walk,
  CASE WHEN servings > 0 THEN serving_ms END AS service,
  CASE WHEN state = 'finished' THEN finished_at - issued_at END AS stay,
  -- Never called and still open: from issue (a booking: its due time) to now for today, to the day's
  -- last record for a past day.
  CASE WHEN first_called_at IS NULL AND state NOT IN ('finished', 'no-show', 'cancelled') THEN
    GREATEST(0, CASE WHEN day >= CAST(${today} AS DATE) THEN CAST(${now} AS BIGINT)
      ELSE (SELECT d.last_at FROM hall_days d WHERE d.hall = tickets.hall AND d.day = tickets.day) END
      - GREATEST(issued_at, COALESCE(due_at, issued_at))) END AS uncalled_wait`;

/** The ticket rows of `where` (over `tickets`, unaliased); `today` and `now` name their parameters. */
const ticketRowsSql = (where: string, today: string, now: string): string =>
  `SELECT hall, CAST(day AS VARCHAR(10)) AS day, issue_category_id, source, priority, state, outcome, window_id, staff_id,
     CASE WHEN first_called_at IS NULL THEN 0 ELSE 1 END AS called, transfers, holds, issued_at, ${DURATIONS_MS(today, now)}
   FROM tickets WHERE ${where}`;

/** Rating records counted per window, staff and level over `where` (on `ratings`). */
const ratingCountsSql = (where: string): string =>
  `SELECT hall, CAST(day AS VARCHAR(10)) AS day, window_id, staff_id, level, COUNT(*) AS n FROM ratings WHERE ${where} GROUP BY hall, day, window_id, staff_id, level`;

type Row = Record<string, string | number | null>;
const ENDS_OF: Record<string, TicketEnd> = { finished: 'finished', 'no-show': 'no-show', cancelled: 'cancelled' };
const str = (v: Row[string] | undefined): string | undefined => (v === null || v === undefined ? undefined : String(v));
const ms = (v: Row[string] | undefined): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/** A ticket row as the hall's roll-up fact (no ticket number: reports do not read it). */
function factOf(r: Row, timeZone: string): TicketFact {
  const fact: TicketFact = {
    number: '',
    category: String(r.issue_category_id),
    source: r.source as TicketFact['source'],
    priority: r.priority as TicketFact['priority'],
    issued: Math.round(localParts(Number(r.issued_at), timeZone).minutes * 60),
    end: ENDS_OF[String(r.state)] ?? 'open',
    called: Number(r.called) === 1,
    transfers: Number(r.transfers),
    holds: Number(r.holds),
  };
  const window = str(r.window_id);
  const staff = str(r.staff_id);
  const outcome = str(r.outcome);
  if (window !== undefined) fact.window = window;
  if (staff !== undefined) fact.staff = staff;
  if (outcome !== undefined) fact.outcome = outcome as TicketFact['outcome'];
  const durations = { wait: ms(r.wait), totalWait: ms(r.total_wait), walk: ms(r.walk), service: ms(r.service), stay: ms(r.stay), uncalledWait: ms(r.uncalled_wait) };
  for (const [key, value] of Object.entries(durations)) if (value !== undefined) fact[key as keyof typeof durations] = value;
  return fact;
}

/** One hall day's parts as read: its tickets' facts, its ratings counted. */
interface DayParts {
  facts: TicketFact[];
  ratings: RatingCount[];
}

/** Rows of ticketRowsSql and ratingCountsSql sorted into hall days (`hall\tday`). */
function byHallDay(tickets: Row[], ratings: Row[], zoneOf: (hall: string) => string): Map<string, DayParts> {
  const days = new Map<string, DayParts>();
  const partsOf = (r: Row): DayParts => {
    const key = `${String(r.hall)}\t${String(r.day)}`;
    let p = days.get(key);
    if (!p) days.set(key, (p = { facts: [], ratings: [] }));
    return p;
  };
  for (const r of tickets) partsOf(r).facts.push(factOf(r, zoneOf(String(r.hall))));
  for (const r of ratings) partsOf(r).ratings.push([String(r.window_id), String(r.staff_id), str(r.level) ?? null, Number(r.n)]);
  return days;
}

/** The stored form of a hall day: its ticket table (no numbers) with each column as text, and its ratings. */
function rollupText({ facts, ratings }: DayParts): string {
  const { number: _numbers, length, categoryIds, windowIds, staffIds, ...columns } = encodeTickets(facts);
  const text = Object.fromEntries(Object.entries(columns).map(([k, a]) => [k, columnText(a as ArrayBufferView)]));
  return JSON.stringify({ tickets: { length, categoryIds, windowIds, staffIds, ...text }, ratings });
}

/** The hall day back from its stored form. */
function partsOfText(text: string): { tickets: ReportRollup['tickets']; ratings: RatingCount[] } {
  const stored = JSON.parse(text) as { tickets: Record<string, unknown>; ratings: RatingCount[] };
  for (const [key, Type] of Object.entries(TICKET_COLUMNS)) stored.tickets[key] = fromText(Type, stored.tickets[key] as string);
  return stored as unknown as { tickets: ReportRollup['tickets']; ratings: RatingCount[] };
}

/** Days rolled up per transaction: bounds the rows one hall's backlog holds in memory at once. */
const DAYS_PER_PASS = 31;

/** Days before a hall's today that the server keeps in memory for reports (a year's reports read them). */
export const KEPT_DAYS = 366;

/**
 * Rolls up every stale hall day before its hall's today (`now` on the hall's clock), a hall and at
 * most DAYS_PER_PASS days at a time, each pass in one transaction with its stale marks locked; keeps
 * the days of the last KEPT_DAYS in `cache` as they were stored, so reports need not read them back.
 * Answers how many days it rolled up.
 */
export async function rollUpStaleDays(db: pg.ClientBase, now: number, cache: RolledUpDays): Promise<number> {
  const { rows: halls } = await db.query<{ hall: string; time_zone: string; first: string }>(
    `SELECT s.hall, h.time_zone, CAST(MIN(s.day) AS VARCHAR(10)) AS first FROM ticket_days_stale s JOIN halls h ON h.id = s.hall
     GROUP BY s.hall, h.time_zone ORDER BY s.hall`,
  );
  let done = 0;
  for (const { hall, time_zone: zone, first } of halls) {
    const today = serviceDay(now, zone);
    // Only today is stale (the usual case while a hall is open): nothing to roll up yet.
    if (first >= today) continue;
    const keepFrom = addDays(today, -KEPT_DAYS);
    const pass = async (): Promise<number> => {
      const rolled = await rollUpPass(db, hall, zone, today, now);
      // Kept once committed, read from what was stored, as a report reading them back would.
      for (const [day, { text, version }] of rolled) if (day >= keepFrom) cache.set(hall, dayOfText(day, text), version);
      return rolled.size;
    };
    for (let n = await pass(); n > 0; n = await pass()) done += n;
    cache.forgetBefore(hall, keepFrom);
  }
  return done;
}

/** Rolls up to DAYS_PER_PASS of a hall's stale days in one transaction; answers them, each with its stored form and version. */
async function rollUpPass(db: pg.ClientBase, hall: string, zone: string, today: string, now: number): Promise<Map<string, { text: string; version: string }>> {
  await db.query('BEGIN');
  try {
    const { rows } = await db.query<{ day: string }>(
      `SELECT CAST(day AS VARCHAR(10)) AS day FROM ticket_days_stale WHERE hall = $1 AND day < $2 ORDER BY day FETCH FIRST ${DAYS_PER_PASS} ROWS ONLY FOR UPDATE`,
      [hall, today],
    );
    if (rows.length === 0) {
      await db.query('COMMIT');
      return new Map();
    }
    const stale = new Set(rows.map((r) => r.day));
    const range = [hall, rows[0]!.day, rows.at(-1)!.day];
    const tickets = await db.query<Row>(ticketRowsSql('hall = $1 AND day >= $2 AND day <= $3', '$4', '$5'), [...range, today, now]);
    const ratings = await db.query<Row>(ratingCountsSql('hall = $1 AND day >= $2 AND day <= $3'), range);
    const days = byHallDay(tickets.rows, ratings.rows, () => zone);
    const projected = await db.query<{ seq: string }>('SELECT seq FROM projected WHERE hall = $1', [hall]);
    const version = String(projected.rows[0]?.seq ?? 0);
    await db.query('DELETE FROM ticket_days WHERE hall = $1 AND day IN (SELECT day FROM ticket_days_stale WHERE hall = $1 AND day >= $2 AND day <= $3)', range);
    const rolled = new Map<string, { text: string; version: string }>();
    for (const day of stale) {
      const text = rollupText(days.get(`${hall}\t${day}`) ?? { facts: [], ratings: [] });
      await db.query('INSERT INTO ticket_days (hall, day, rollup, version, format) VALUES ($1, $2, $3, $4, $5)', [hall, day, text, version, ROLLUP_VERSION]);
      rolled.set(day, { text, version });
    }
    await db.query('DELETE FROM ticket_days_stale WHERE hall = $1 AND day >= $2 AND day <= $3', range);
    await db.query('COMMIT');
    return rolled;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * At a server's start: days rolled up in another form of the hall's roll-up (another version of the
 * hub's code) are marked stale and dropped, so reports read them from the projected tables until the
 * projector rolls them up again in this one.
 */
export async function staleOtherForms(db: pg.ClientBase): Promise<number> {
  await db.query('BEGIN');
  try {
    await db.query(
      `INSERT INTO ticket_days_stale (hall, day) SELECT hall, day FROM ticket_days WHERE format <> $1
       ON CONFLICT (hall, day) DO NOTHING`,
      [ROLLUP_VERSION],
    );
    const dropped = await db.query('DELETE FROM ticket_days WHERE format <> $1', [ROLLUP_VERSION]);
    await db.query('COMMIT');
    return dropped.rowCount ?? 0;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Marks hall days stale and drops their roll-ups (in the caller's transaction). */
export async function markStale(db: pg.ClientBase, hall: string, days: Iterable<string>): Promise<void> {
  for (const day of days) {
    await db.query('INSERT INTO ticket_days_stale (hall, day) VALUES ($1, $2) ON CONFLICT (hall, day) DO NOTHING', [hall, day]);
    await db.query('DELETE FROM ticket_days WHERE hall = $1 AND day = $2', [hall, day]);
  }
}

export interface DayQuery {
  from: string;
  to: string;
  /** The report's today: days from it on are read from the projected tables. */
  today: string;
  now: number;
  hall?: string;
}

/** Memory for each hall's rolled-up days: a centre's year is ~30 MB. */
const HALL_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Rolled-up days as reports read them, kept between reports (one server's memory, as the hall's
 * stats service keeps its past days): a day read again only when its roll-up's version changes. The
 * days keep the memos the hall's report code fills (a day's own figures, its counters per dimension).
 */
export class RolledUpDays {
  private readonly halls = new Map<string, { days: ReportDayCache; versions: Map<string, string> }>();
  /** The district's days made of them. */
  readonly district = new DistrictDays();

  get(hall: string, day: string, version: string): ReportDay | undefined {
    const h = this.halls.get(hall);
    return h?.versions.get(day) === version ? h.days.get(day) : undefined;
  }

  /** Keeps `d` with its memos worked out (the reports take copies of it, which would each work them out again). */
  set(hall: string, d: ReportDay, version: string): void {
    fillDayMemos(d);
    let h = this.halls.get(hall);
    if (!h) this.halls.set(hall, (h = { days: new ReportDayCache(HALL_CACHE_BYTES), versions: new Map() }));
    h.days.set(d);
    h.versions.set(d.day, version);
  }

  /** Lets go of a hall's days before `day` (the projector keeps every day it rolls up: past the last year, memory would only grow). */
  forgetBefore(hall: string, day: string): void {
    const h = this.halls.get(hall);
    if (!h) return;
    for (const d of [...h.versions.keys()]) {
      if (d >= day) continue;
      h.days.delete(d);
      h.versions.delete(d);
    }
  }
}

/**
 * Each hall's days of the period as the hall's report reads them (stats/report-day.ts ReportDay): its
 * rolled-up days (from `cache` when it has their version), and the others (today, a day changed
 * since and not rolled up again yet) from the projected tables. A day with window time is marked by
 * its windows (no times: the district works those out from window_days).
 */
export async function reportDays(db: pg.ClientBase, q: DayQuery, zoneOf: (hall: string) => string, cache: RolledUpDays): Promise<Map<string, ReportDay[]>> {
  /** The period (and hall) over `values`, the hall's parameter after them. */
  const inPeriod = (values: unknown[]): [string, unknown[]] =>
    q.hall === undefined ? ['day >= $1 AND day <= $2', values] : [`day >= $1 AND day <= $2 AND hall = $${values.length + 1}`, [...values, q.hall]];
  // Past days are rolled up unless marked stale (the projector, the migration and the bench's history
  // mark them): today's rows and the stale days' are read apart, each through an index.
  const raw = (t: string): string[] => [
    'day >= CAST($3 AS DATE)',
    `day < CAST($3 AS DATE) AND EXISTS (SELECT 1 FROM ticket_days_stale s WHERE s.hall = ${t}.hall AND s.day = ${t}.day)`,
  ];
  const [pastWhere, pastParams] = inPeriod([q.from, q.to, q.today]);
  // Each hall's days by day (a year of 115 halls is 30,000 of them: no composite keys, no copies).
  const days = new Map<string, Map<string, ReportDay>>();
  const put = (hall: string, d: ReportDay): void => {
    let h = days.get(hall);
    if (!h) days.set(hall, (h = new Map()));
    h.set(d.day, d);
  };
  const versions = await db.query<{ hall: string; day: string; version: string }>(
    `SELECT hall, CAST(day AS VARCHAR(10)) AS day, version FROM ticket_days WHERE ${pastWhere} AND day < CAST($3 AS DATE) ORDER BY hall, day`,
    pastParams,
  );
  const missing = new Map<string, string[]>();
  for (const r of versions.rows) {
    const cached = cache.get(r.hall, r.day, r.version);
    if (cached) put(r.hall, { ...cached, windows: [] });
    else {
      let missed = missing.get(r.hall);
      if (!missed) missing.set(r.hall, (missed = []));
      missed.push(r.day);
    }
  }
  for (const [hall, missed] of missing) for (const d of await readRolledUp(db, hall, missed, cache)) put(hall, { ...d, windows: [] });
  const [ticketsWhere, ticketsParams] = inPeriod([q.from, q.to, q.today, q.now]);
  const tickets: Row[] = [];
  const ratings: Row[] = [];
  for (const which of raw('tickets')) tickets.push(...(await db.query<Row>(ticketRowsSql(`${ticketsWhere} AND ${which}`, '$3', '$4'), ticketsParams)).rows);
  for (const which of raw('ratings')) ratings.push(...(await db.query<Row>(ratingCountsSql(`${pastWhere} AND ${which}`), pastParams)).rows);
  const [windowsWhere, windowsParams] = inPeriod([q.from, q.to]);
  const windows = await db.query<{ hall: string; day: string; window_id: string }>(
    `SELECT DISTINCT hall, CAST(day AS VARCHAR(10)) AS day, window_id FROM window_days WHERE ${windowsWhere}`,
    windowsParams,
  );

  for (const [key, parts] of byHallDay(tickets, ratings, zoneOf)) {
    const { number: _numbers, ...t } = encodeTickets(parts.facts);
    const [hall, day] = key.split('\t') as [string, string];
    put(hall, reportDay(day, t, parts.ratings));
  }
  for (const r of windows.rows) {
    if (!days.get(r.hall)?.has(r.day)) put(r.hall, reportDay(r.day, encodeTickets([]), []));
    days.get(r.hall)!.get(r.day)!.windows.push({ window: r.window_id, openMs: 0, servingMs: 0, pauseMs: {} });
  }
  // Halls and their days in order (ISO days sort as text).
  return new Map([...days.keys()].sort().map((hall) => {
    const h = days.get(hall)!;
    return [hall, [...h.keys()].sort().map((day) => h.get(day)!)];
  }));
}

/** Reads a hall's rolled-up days `missed` (in day order) in one read, into `cache`; answers them. */
export async function readRolledUp(db: pg.ClientBase, hall: string, missed: readonly string[], cache: RolledUpDays): Promise<ReportDay[]> {
  const wanted = new Set(missed);
  const { rows } = await db.query<{ day: string; version: string; rollup: string }>(
    'SELECT CAST(day AS VARCHAR(10)) AS day, version, rollup FROM ticket_days WHERE hall = $1 AND day >= $2 AND day <= $3',
    [hall, missed[0], missed.at(-1)],
  );
  return rows.flatMap((r) => {
    if (!wanted.has(r.day)) return [];
    const d = dayOfText(r.day, r.rollup);
    cache.set(hall, d, r.version);
    return [d];
  });
}

/** A rolled-up day as reports read it, from its stored form. */
function dayOfText(day: string, text: string): ReportDay {
  const { tickets, ratings } = partsOfText(text);
  return reportDay(day, tickets, ratings);
}

const isLevel = (l: string): l is RatingLevel => (RATING_LEVELS as readonly string[]).includes(l);

function reportDay(day: string, tickets: ReportRollup['tickets'], ratings: RatingCount[]): ReportDay {
  const total = new RatingTally();
  const byWindow = new Map<string, RatingTally>();
  const byStaff = new Map<string, RatingTally>();
  const tallyOf = (m: Map<string, RatingTally>, id: string): RatingTally => {
    let t = m.get(id);
    if (!t) m.set(id, (t = new RatingTally()));
    return t;
  };
  for (const [window, staff, level, n] of ratings) {
    for (const t of [total, tallyOf(byWindow, window), tallyOf(byStaff, staff)]) {
      if (level === null) t.unrated += n;
      else if (isLevel(level)) t.levels[level] += n;
    }
  }
  return {
    day,
    weekday: weekdayOf(day),
    tickets: ticketColumns(tickets),
    windows: [],
    ratings: total,
    ratingsByWindow: byWindow,
    ratingsByStaff: byStaff,
    cases: [],
    appointments: [],
    kiosks: [],
    figures: new Map(),
    counts: new Map(),
  };
}

/** NONE × `length` (a shared buffer, grown as needed: nobody writes to it). */
let nones = new Int32Array(0);
function noneColumn(length: number): Int32Array {
  if (nones.length < length) nones = new Int32Array(Math.max(length, 2 * nones.length)).fill(NONE);
  return nones.subarray(0, length);
}

/** The columns a district day copies as they are from its halls' days (category is remapped; window and staff are none). */
const COPIED = ['source', 'priority', 'end', 'outcome', 'called', 'transfers', 'holds', 'hour', 'wait', 'totalWait', 'walk', 'service', 'stay', 'uncalledWait'] as const;

/** The halls' ticket columns of one day one after another: categories in one dictionary, no window or staff groups. */
function mergedColumns(parts: readonly TicketColumns[]): TicketColumns {
  const length = parts.reduce((n, t) => n + t.length, 0);
  const categoryIds: string[] = [];
  const index = new Map<string, number>();
  const category = new Int32Array(length);
  let at = 0;
  for (const t of parts) {
    const to = t.categoryIds.map((id) => {
      let k = index.get(id);
      if (k === undefined) index.set(id, (k = categoryIds.push(id) - 1));
      return k;
    });
    for (let i = 0; i < t.length; i++) category[at + i] = t.category[i] === NONE ? NONE : to[t.category[i]!]!;
    at += t.length;
  }
  const copied = Object.fromEntries(
    COPIED.map((key) => {
      const Type = parts[0]![key].constructor as new (n: number) => TicketColumns[typeof key];
      const column = new Type(length);
      let from = 0;
      for (const t of parts) {
        column.set(t[key] as never, from);
        from += t.length;
      }
      return [key, column];
    }),
  ) as Pick<TicketColumns, (typeof COPIED)[number]>;
  const none = noneColumn(length);
  return { length, categoryIds, windowIds: [], staffIds: [], category, window: none, staff: none, ...copied };
}

/** Memory for the district's days: a year of 115 halls is ~75 MB. */
const DISTRICT_DAYS_BYTES = 128 * 1024 * 1024;

/**
 * The district's days: each day's tickets of all its halls as one day, its tickets in no window or
 * staff group — the district's windows and staff (`hall/id`) are each one hall's, so their figures are
 * taken from the halls' reports (report.ts), not counted again. A day is kept with its own figures and
 * counters (the hall's report code fills them) while the halls' days it was made of are the same
 * objects (the rolled-up days kept); its windows are named `hall/id` (the days a window opened).
 */
export class DistrictDays {
  private readonly days = new ReportDayCache(DISTRICT_DAYS_BYTES);
  /** Each kept day's halls' ticket columns, in order. */
  private readonly madeOf = new Map<string, TicketColumns[]>();

  of(byHall: Iterable<readonly [string, readonly ReportDay[]]>): ReportDay[] {
    const perDay = new Map<string, { hall: string; d: ReportDay }[]>();
    for (const [hall, days] of byHall) {
      for (const d of days) {
        let parts = perDay.get(d.day);
        if (!parts) perDay.set(d.day, (parts = []));
        parts.push({ hall, d });
      }
    }
    const days = [...perDay].map(([day, parts]) => {
      const from = parts.map((p) => p.d.tickets);
      const same = this.madeOf.get(day);
      let merged = this.days.get(day);
      if (!merged || !same || same.length !== from.length || same.some((t, i) => t !== from[i])) {
        const total = new RatingTally();
        for (const p of parts) total.addTally(p.d.ratings);
        merged = { ...reportDay(day, encodeTickets([]), []), tickets: mergedColumns(from), ratings: total };
        fillDayMemos(merged);
        this.days.set(merged);
        this.madeOf.set(day, from);
      }
      return { ...merged, windows: parts.flatMap(({ hall, d }) => d.windows.map((w) => ({ ...w, window: `${hall}/${w.window}` }))) };
    });
    // Days the memory let go of: nor are their halls' columns held on to.
    for (const day of this.madeOf.keys()) if (!this.days.get(day)) this.madeOf.delete(day);
    return days;
  }
}
