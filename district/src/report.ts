// District reports: the hall report (shared/reports.ts Report, the hall's /api/reports) for each hall
// and for the district, as SQL over the projected tables: counts, sums, maxima and nearest-rank
// percentiles (percentile_disc) per group, with the hall report's definitions (stats/facts.ts
// ticketFact: durations rounded to whole seconds per ticket, as the hall's roll-ups keep them). The
// figures that are pure functions of counts are the hall's own helpers. In the district's report a
// window or staff member is named `hall/id`: window w01 of two halls is two windows.
//
// Kiosk and 24-hour uptime are worked out per hall day from the forwarded presence records by the
// hall's own functions (stats/kiosk-uptime.ts), with the configuration the hall publishes.
//
// Parameters of the ticket queries: $1 from, $2 to, $3 threshold (s), $4 today, $5 now, $6 the hall.
import { OUTCOMES, type HallConfig, type Outcome, type PauseReason } from '@yichuang/shared/domain';
import type { Case, RatingLevel } from '@yichuang/shared/ratings';
import { RATING_LEVELS } from '@yichuang/shared/ratings';
import { WAIT_BUCKETS_MIN, type DurationStats, type ItemFigures, type RatingFigures, type Report, type TicketFigures } from '@yichuang/shared/reports';
import { addDays, serviceDay, startOfDay } from '@yichuang/shared/time';
import { caseFact, caseFigures, emptyLevels, ratingFiguresOf } from '@yichuang/hub/dist/stats/evaluation-figures.js';
import type { AppointmentFact, CaseFact, KioskFact, WindowFact } from '@yichuang/hub/dist/stats/facts.js';
import { emptyFigures, inKeyOrder, sortKeys, ticketFigures, windowFigures } from '@yichuang/hub/dist/stats/figures.js';
import { kioskFacts } from '@yichuang/hub/dist/stats/kiosk-uptime.js';
import type { PresenceRecord } from '@yichuang/hub/dist/kiosk/uptime.js';
import { appointmentsOf, oneWindowOf, uptimeOf, type AppointmentDay } from '@yichuang/hub/dist/stats/report.js';
import type pg from 'pg';

export interface DistrictReportQuery {
  from: string;
  to: string;
  thresholdMs: number;
  /** One hall only (its figures are also the district's). */
  hall?: string;
}

export interface HallReport extends Report {
  id: string;
  name: string;
}

export interface DistrictReport {
  district: Report;
  halls: HallReport[];
}

export interface ReportHall {
  id: string;
  name: string;
  timeZone: string;
  /** As the hall publishes it (no secrets), or null before it has. */
  config: string | null;
}


/** Milliseconds to whole seconds, nearest (the hall's roll-ups: Math.round for values ≥ 0). */
const seconds = (ms: string): string => `(${ms} + 500) / 1000`;

/** Each duration of a ticket in whole seconds, NULL where the ticket never reached that step (facts.ts). */
const DURATIONS = {
  wait: `CASE WHEN first_called_at IS NULL THEN NULL
    WHEN first_called_at <= issued_at OR first_called_at <= due_at THEN 0
    WHEN due_at > issued_at THEN ${seconds('first_called_at - due_at')}
    ELSE ${seconds('first_called_at - issued_at')} END`,
  // Only called tickets have a total wait: one cancelled before any call has none.
  totalWait: `CASE WHEN first_called_at IS NOT NULL AND waits > 0 AND state <> 'waiting' THEN ${seconds('waiting_ms')} END`,
  walk: `CASE WHEN walk_ms IS NOT NULL THEN ${seconds('walk_ms')} END`,
  service: `CASE WHEN servings > 0 THEN ${seconds('serving_ms')} END`,
  stay: `CASE WHEN state = 'finished' THEN ${seconds('finished_at - issued_at')} END`,
  // Never called and still open: from issue (a booking: its due time) to now for today, to the day's
  // last record for a past day (hall_days; read only for these few tickets).
  uncalledWait: `CASE WHEN first_called_at IS NULL AND state NOT IN ('finished', 'no-show', 'cancelled') THEN ${seconds(
    `GREATEST(0, CASE WHEN day >= CAST($4 AS DATE) THEN CAST($5 AS BIGINT)
       ELSE (SELECT d.last_at FROM hall_days d WHERE d.hall = tickets.hall AND d.day = tickets.day) END - GREATEST(issued_at, COALESCE(due_at, issued_at)))`,
  )} END`,
} as const;
type DurationKey = keyof typeof DURATIONS;
const DURATION_KEYS = Object.keys(DURATIONS) as DurationKey[];
/** Its column name: unquoted names are folded to lower case. */
const col = (d: DurationKey): string => d.toLowerCase();

/** The grouping columns of the ticket dimensions (the hall's: category of issue; the window and staff that last handled it). */
const DIMENSIONS = {
  byDay: 'CAST(day AS VARCHAR(10))',
  byCategory: 'issue_category_id',
  bySource: 'source',
  byPriority: 'priority',
  byWindow: 'window_id',
  byStaff: 'staff_id',
} as const;
type DimensionName = keyof typeof DIMENSIONS;
/** Ids only within their hall: in the district's report they are `hall/id`. */
const HALL_SCOPED: readonly DimensionName[] = ['byWindow', 'byStaff'];

/** Outcome codes go into the SQL text: they are the shared list's own words. */
for (const o of OUTCOMES) if (!/^[a-z-]+$/.test(o)) throw new Error(`outcome ${o}`);

function ticketSql(key: string | null, scoped: boolean, oneHall: boolean): string {
  const k = key === null ? 'NULL' : 'k';
  const sets = key === null ? '(hall), ()' : scoped ? `(hall, k)` : `(hall, k), (k)`;
  const durations = DURATION_KEYS.map(col).map(
    (d) => `COUNT(${d}) AS ${d}_n, SUM(${d}) AS ${d}_sum, MAX(${d}) AS ${d}_max,
      percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${d}) AS ${d}_p,
      SUM(CASE WHEN ${d} > $3 THEN 1 ELSE 0 END) AS ${d}_over`,
  );
  return `SELECT hall, ${k} AS k, COUNT(*) AS issued,
      SUM(CASE WHEN first_called_at IS NOT NULL THEN 1 ELSE 0 END) AS called,
      SUM(transfers) AS transfers, SUM(holds) AS holds,
      SUM(CASE WHEN state = 'finished' THEN 1 ELSE 0 END) AS finished,
      SUM(CASE WHEN state = 'no-show' THEN 1 ELSE 0 END) AS no_show,
      SUM(CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
      ${OUTCOMES.map((o, i) => `SUM(CASE WHEN outcome = '${o}' THEN 1 ELSE 0 END) AS o${i}`).join(', ')},
      ${durations.join(',\n')}
    FROM (SELECT hall, ${key ?? 'NULL'} AS k, state, outcome, transfers, holds, first_called_at,
        ${DURATION_KEYS.map((d) => `${DURATIONS[d]} AS ${col(d)}`).join(',\n')}
      FROM tickets WHERE day >= $1 AND day <= $2${oneHall ? ' AND hall = $6' : ''}) t
    ${key === null ? '' : 'WHERE k IS NOT NULL'}
    GROUP BY GROUPING SETS (${sets})`;
}

type Row = Record<string, string | null>;
/** p50 and p90 of one duration: one sort of its values gives both (an array from the driver). */
type Percentiles = (string | null)[] | null;
const num = (v: string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

function durationStats(r: Row, d: DurationKey): DurationStats {
  const v = (what: string): number => num(r[`${col(d)}_${what}`]);
  const n = v('n');
  if (n === 0) return { n: 0, mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };
  const [p50, p90] = (r[`${col(d)}_p`] as unknown as Percentiles) ?? [];
  return { n, mean: (v('sum') * 1000) / n, p50: num(p50) * 1000, p90: num(p90) * 1000, max: v('max') * 1000, overThreshold: v('over') / n };
}

function ticketFiguresOf(r: Row): TicketFigures {
  const counts = {
    issued: num(r.issued),
    finished: num(r.finished),
    noShow: num(r.no_show),
    cancelled: num(r.cancelled),
    transfers: num(r.transfers),
    holds: num(r.holds),
    called: num(r.called),
    outcomes: Object.fromEntries(OUTCOMES.map((o, i) => [o, num(r[`o${i}`])])) as Record<Outcome, number>,
  };
  return ticketFigures({ ...counts, open: counts.issued - counts.finished - counts.noShow - counts.cancelled }, DURATION_KEYS.map((d) => durationStats(r, d)));
}


/** Counts of rating records by level (null: 未评价). */
class Tally {
  levels = emptyLevels();
  unrated = 0;
  add(level: string | null, n: number): void {
    if (level === null) this.unrated += n;
    else if ((RATING_LEVELS as readonly string[]).includes(level)) this.levels[level as RatingLevel] += n;
  }
}

/** What one report (a hall's or the district's) is built from, filled as the query rows come. */
class Parts {
  total?: TicketFigures;
  readonly groups = Object.fromEntries(Object.keys(DIMENSIONS).map((d) => [d, new Map<string, TicketFigures>()])) as Record<DimensionName, Map<string, TicketFigures>>;
  readonly issuedByHour = Array.from({ length: 24 }, () => 0);
  readonly arrivalsHeat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  readonly waitDistribution = Array.from({ length: WAIT_BUCKETS_MIN.length + 1 }, () => 0);
  readonly ratings = new Tally();
  readonly ratingsByWindow = new Map<string, Tally>();
  readonly ratingsByStaff = new Map<string, Tally>();
  readonly cases: CaseFact[] = [];
  readonly items = new Map<string, { finished: number; caseNumbers: number; ratings: Tally }>();
  /** Each window's open, serving and pause times over the period. */
  readonly windowTimes = new Map<string, WindowFact>();
  /** Days a window opened or served (a day counts with tickets or with these). */
  readonly windowDays = new Set<string>();
  /** Appointment events by the day journaled (AppointmentDay: the hall's roll-ups' part). */
  readonly appointmentDays = new Map<string, AppointmentFact[]>();
  /** Each day's kiosk facts (in the district's, kiosks named `hall/id`). */
  readonly kiosks: { kiosks: KioskFact[] }[] = [];
  /** Ids of its comprehensive windows (综合窗口), as in byWindow. */
  readonly comprehensive: string[] = [];
}

const tallyOf = (m: Map<string, Tally>, id: string): Tally => {
  let t = m.get(id);
  if (!t) m.set(id, (t = new Tally()));
  return t;
};

/** Ratings per window (or staff member): those with finished visits or rating records (report.ts ratingGroups). */
function ratingGroups(visits: Map<string, TicketFigures>, rated: Map<string, Tally>): Record<string, RatingFigures> {
  const finished = (id: string): number => visits.get(id)?.finished ?? 0;
  const ids = new Set([...[...visits.keys()].filter((id) => finished(id) > 0), ...rated.keys()]);
  return inKeyOrder(
    new Map(
      [...ids].map((id) => {
        const t = rated.get(id) ?? new Tally();
        return [id, ratingFiguresOf(t.levels, t.unrated, finished(id))];
      }),
    ),
  );
}

function itemFigures(p: Parts): Record<string, ItemFigures> {
  return Object.fromEntries(
    sortKeys(p.items.keys()).map((code) => {
      const { finished, caseNumbers, ratings } = p.items.get(code)!;
      return [code, { finished, caseNumbers, ratings: ratingFiguresOf(ratings.levels, ratings.unrated, finished) }];
    }),
  );
}

/** A hall's comprehensive windows, from the configuration it publishes (none before it has). */
function comprehensiveWindows(config: string | null): string[] {
  if (config === null) return [];
  const windows = (JSON.parse(config) as { windows?: { id: string; kind?: string }[] }).windows ?? [];
  return windows.filter((w) => w.kind === 'comprehensive').map((w) => w.id);
}

/** The hall's appointment figures (report.ts appointmentsOf): the period's days, and later ones for check-ins and no-shows. */
function appointmentFigures(p: Parts, q: DistrictReportQuery): ReturnType<typeof appointmentsOf> {
  const all: AppointmentDay[] = [...p.appointmentDays].sort(([a], [b]) => a.localeCompare(b)).map(([day, appointments]) => ({ day, appointments }));
  return appointmentsOf(all.filter((d) => d.day <= q.to), all, q);
}

function reportOf(p: Parts, q: DistrictReportQuery, today: string): Report {
  const total = p.total ?? emptyFigures(q.thresholdMs);
  const ids = [...new Set([...p.groups.byWindow.keys(), ...p.windowTimes.keys()])].sort();
  const time = (id: string): WindowFact[] => (p.windowTimes.has(id) ? [p.windowTimes.get(id)!] : []);
  const byWindow = Object.fromEntries(ids.map((id) => [id, { ...(p.groups.byWindow.get(id) ?? emptyFigures(q.thresholdMs)), time: windowFigures(time(id)) }]));
  return {
    from: q.from,
    to: q.to,
    days: [...new Set([...p.groups.byDay.keys(), ...p.windowDays])].sort(),
    thresholdMs: q.thresholdMs,
    total,
    windowTotal: windowFigures([...p.windowTimes.values()]),
    byDay: inKeyOrder(p.groups.byDay),
    byCategory: inKeyOrder(p.groups.byCategory),
    bySource: inKeyOrder(p.groups.bySource),
    byPriority: inKeyOrder(p.groups.byPriority),
    byWindow,
    byStaff: inKeyOrder(p.groups.byStaff),
    issuedByHour: p.issuedByHour,
    arrivalsHeat: p.arrivalsHeat,
    waitDistribution: p.waitDistribution,
    ratings: ratingFiguresOf(p.ratings.levels, p.ratings.unrated, total.finished),
    ratingsByWindow: ratingGroups(p.groups.byWindow, p.ratingsByWindow),
    ratingsByStaff: ratingGroups(p.groups.byStaff, p.ratingsByStaff),
    byItem: itemFigures(p),
    cases: caseFigures(p.cases, today),
    oneWindow: oneWindowOf(byWindow, p.comprehensive),
    ...appointmentFigures(p, q),
    uptime: uptimeOf(p.kiosks),
  };
}

/** The hall's UTC offset over the period (halls keep one offset: Asia/Shanghai has since 1991). */
const offsetMs = (day: string, timeZone: string): number => Date.parse(`${day}T00:00:00Z`) - startOfDay(day, timeZone);

const CASE_STEPS = [
  ['verify', 'verified_at'],
  ['rectify', 'rectified_at'],
  ['followUp', 'followed_up_at'],
  ['close', 'closed_at'],
] as const;

/** The report of each hall asked for and of them together (`halls` already filtered to the query's hall). */
export async function districtReport(db: pg.ClientBase, halls: readonly ReportHall[], q: DistrictReportQuery, now: number): Promise<DistrictReport> {
  const byId = new Map(halls.map((h) => [h.id, { hall: h, parts: new Parts() }]));
  const district = new Parts();
  for (const { hall, parts } of byId.values()) {
    parts.comprehensive.push(...comprehensiveWindows(hall.config));
    district.comprehensive.push(...parts.comprehensive.map((w) => `${hall.id}/${w}`));
  }
  // "Today" for the waits of tickets never called: the district's (its halls share one time zone).
  const zone = halls[0]?.timeZone ?? 'Asia/Shanghai';
  const params: unknown[] = [q.from, q.to, Math.floor(q.thresholdMs / 1000), serviceDay(now, zone), now, ...(q.hall ? [q.hall] : [])];
  const oneHall = q.hall !== undefined;
  /** The period (and hall) of a table's rows, its columns prefixed with `t` ('t.' in a join). */
  const inPeriod = (t = ''): string => `${t}day >= $1 AND ${t}day <= $2${oneHall ? ` AND ${t}hall = $3` : ''}`;
  const where = inPeriod();
  const dayParams = [q.from, q.to, ...(q.hall ? [q.hall] : [])];
  const partsOf = (hall: string | null): Parts | undefined => (hall === null ? district : byId.get(hall)?.parts);

  const ticketParts = [null, ...Object.keys(DIMENSIONS)].map((dim) => async (): Promise<void> => {
    const name = dim as DimensionName | null;
    const scoped = name !== null && HALL_SCOPED.includes(name);
    const { rows } = await db.query<Row>(ticketSql(name && DIMENSIONS[name], scoped, oneHall), params);
    for (const r of rows) {
      const f = ticketFiguresOf(r);
      if (name === null) {
        const parts = partsOf(r.hall ?? null);
        if (parts) parts.total = f;
        continue;
      }
      partsOf(r.hall ?? null)?.groups[name].set(r.k!, f);
      if (scoped && r.hall !== null) district.groups[name].set(`${r.hall}/${r.k!}`, f);
    }
  });

  // Arrivals by the hall's local weekday and hour; waits by bar.
  const offsets = halls.map((h) => [h.id, offsetMs(q.from, h.timeZone)] as const);
  const hourly = async (): Promise<void> => {
    if (offsets.length === 0) return;
    const values = offsets.map((_, i) => `(CAST($${dayParams.length + 2 * i + 1} AS VARCHAR(64)), CAST($${dayParams.length + 2 * i + 2} AS BIGINT))`).join(', ');
    const { rows } = await db.query<{ hall: string; weekday: string; hour: string; n: string }>(
      `SELECT t.hall, MOD((t.issued_at + o.offset_ms) / 86400000 + 4, 7) AS weekday, MOD((t.issued_at + o.offset_ms) / 3600000, 24) AS hour, COUNT(*) AS n
       FROM tickets t JOIN (VALUES ${values}) AS o (hall, offset_ms) ON o.hall = t.hall
       WHERE ${inPeriod('t.')} GROUP BY t.hall, MOD((t.issued_at + o.offset_ms) / 86400000 + 4, 7), MOD((t.issued_at + o.offset_ms) / 3600000, 24)`,
      [...dayParams, ...offsets.flat()],
    );
    for (const r of rows) {
      for (const parts of [byId.get(r.hall)?.parts, district]) {
        if (!parts) continue;
        parts.issuedByHour[Number(r.hour)]! += Number(r.n);
        parts.arrivalsHeat[Number(r.weekday)]![Number(r.hour)]! += Number(r.n);
      }
    }
  };
  const waits = async (): Promise<void> => {
    const bucket = `CASE ${WAIT_BUCKETS_MIN.map((m, i) => `WHEN wait <= ${m * 60} THEN ${i}`).join(' ')} ELSE ${WAIT_BUCKETS_MIN.length} END`;
    const { rows } = await db.query<{ hall: string; bucket: string; n: string }>(
      `SELECT hall, ${bucket} AS bucket, COUNT(*) AS n FROM (SELECT hall, ${DURATIONS.wait} AS wait FROM tickets WHERE ${where}) t
       WHERE wait IS NOT NULL GROUP BY hall, ${bucket}`,
      dayParams,
    );
    for (const r of rows) for (const parts of [byId.get(r.hall)?.parts, district]) if (parts) parts.waitDistribution[Number(r.bucket)]! += Number(r.n);
  };
  const ratings = async (): Promise<void> => {
    const { rows } = await db.query<{ hall: string; window_id: string; staff_id: string; level: string | null; n: string }>(
      `SELECT hall, window_id, staff_id, level, COUNT(*) AS n FROM ratings WHERE ${where} GROUP BY hall, window_id, staff_id, level`,
      dayParams,
    );
    for (const r of rows) {
      const n = Number(r.n);
      const hall = byId.get(r.hall)?.parts;
      if (!hall) continue;
      hall.ratings.add(r.level, n);
      tallyOf(hall.ratingsByWindow, r.window_id).add(r.level, n);
      tallyOf(hall.ratingsByStaff, r.staff_id).add(r.level, n);
      district.ratings.add(r.level, n);
      tallyOf(district.ratingsByWindow, `${r.hall}/${r.window_id}`).add(r.level, n);
      tallyOf(district.ratingsByStaff, `${r.hall}/${r.staff_id}`).add(r.level, n);
    }
  };
  // Window times: the closed periods summed, an open one counted to now today, to the day's last
  // record for a past day (as the hall's roll-up closes them); serving as the tickets' serving periods.
  const untilOf = (t: string): string =>
    `CASE WHEN ${t}.day >= CAST($3 AS DATE) THEN CAST($4 AS BIGINT) ELSE (SELECT d.last_at FROM hall_days d WHERE d.hall = ${t}.hall AND d.day = ${t}.day) END`;
  const timeParams = [q.from, q.to, params[3], now, ...(q.hall ? [q.hall] : [])];
  const timePeriod = (t: string): string => `${t}.day >= $1 AND ${t}.day <= $2${oneHall ? ` AND ${t}.hall = $5` : ''}`;
  const windowTimes = async (): Promise<void> => {
    const factOf = (hall: string, id: string): WindowFact[] =>
      [byId.get(hall)?.parts.windowTimes, district.windowTimes].flatMap((m, i) => {
        if (!m) return [];
        const key = i === 0 ? id : `${hall}/${id}`;
        let f = m.get(key);
        if (!f) m.set(key, (f = { window: key, openMs: 0, servingMs: 0, pauseMs: {} }));
        return [f];
      });
    const open = await db.query<{ hall: string; window_id: string; open_ms: string; serving_ms: string }>(
      `SELECT w.hall, w.window_id, SUM(w.open_ms + CASE WHEN w.open_since IS NULL THEN 0 ELSE GREATEST(0, ${untilOf('w')} - w.open_since) END) AS open_ms, SUM(w.serving_ms) AS serving_ms
       FROM window_days w WHERE ${timePeriod('w')} GROUP BY w.hall, w.window_id
       UNION ALL
       SELECT t.hall, t.window_id, 0, SUM(GREATEST(0, ${untilOf('t')} - t.since)) FROM tickets t
       WHERE ${timePeriod('t')} AND t.state = 'serving' AND t.window_id IS NOT NULL GROUP BY t.hall, t.window_id`,
      timeParams,
    );
    for (const r of open.rows) {
      for (const f of factOf(r.hall, r.window_id)) {
        f.openMs += Number(r.open_ms);
        f.servingMs += Number(r.serving_ms);
      }
    }
    const paused = await db.query<{ hall: string; window_id: string; reason: string; ms: string }>(
      `SELECT hall, window_id, reason, SUM(ms) AS ms FROM (
         SELECT p.hall, p.window_id, p.reason, p.ms FROM window_pauses p WHERE ${timePeriod('p')}
         UNION ALL
         SELECT w.hall, w.window_id, w.pause_reason, GREATEST(0, ${untilOf('w')} - w.paused_since) FROM window_days w
         WHERE ${timePeriod('w')} AND w.paused_since IS NOT NULL AND w.pause_reason IS NOT NULL) x
       GROUP BY hall, window_id, reason`,
      timeParams,
    );
    for (const r of paused.rows) {
      for (const f of factOf(r.hall, r.window_id)) f.pauseMs[r.reason as PauseReason] = (f.pauseMs[r.reason as PauseReason] ?? 0) + Number(r.ms);
    }
    const days = await db.query<{ hall: string; day: string }>(`SELECT DISTINCT w.hall, CAST(w.day AS VARCHAR(10)) AS day FROM window_days w WHERE ${inPeriod('w.')}`, dayParams);
    for (const r of days.rows) for (const parts of [byId.get(r.hall)?.parts, district]) parts?.windowDays.add(r.day);
  };
  // Appointment events journaled in the period, and later ones about bookings for its days.
  const appointments = async (): Promise<void> => {
    const { rows } = await db.query<Row>(
      `SELECT hall, CAST(record_day AS VARCHAR(10)) AS record_day, CAST(day AS VARCHAR(10)) AS day, category_id, booked, changed, cancelled, checked_in, late, after_no_show, no_show
       FROM appointment_days WHERE record_day >= $1 AND (record_day <= $2 OR (day >= $1 AND day <= $2))${oneHall ? ' AND hall = $3' : ''}`,
      dayParams,
    );
    for (const r of rows) {
      const fact: AppointmentFact = {
        day: r.day!, category: r.category_id!, booked: num(r.booked), changed: num(r.changed), cancelled: num(r.cancelled),
        checkedIn: num(r.checked_in), late: num(r.late), afterNoShow: num(r.after_no_show), noShow: num(r.no_show),
      };
      for (const parts of [byId.get(r.hall!)?.parts, district]) {
        if (!parts) continue;
        const day = parts.appointmentDays.get(r.record_day!) ?? [];
        parts.appointmentDays.set(r.record_day!, [...day, fact]);
      }
    }
  };
  // Kiosk uptime of each hall day with records or presence: today's to now, a past day's to its end.
  // Past days count as the hall's running hub counts them (an interval open at the last record runs
  // on) if the hall's presence goes on after the day, else as a rebuilt day (it ends at that record).
  const uptime = async (): Promise<void> => {
    for (const { hall, parts } of byId.values()) {
      if (hall.config === null) continue;
      const config = JSON.parse(hall.config) as HallConfig;
      const first = await db.query<{ at: string }>('SELECT at FROM presence_records WHERE hall = $1 ORDER BY day, line FETCH FIRST 1 ROWS ONLY', [hall.id]);
      if (first.rows.length === 0) continue;
      const last = await db.query<{ day: string }>('SELECT CAST(day AS VARCHAR(10)) AS day FROM presence_records WHERE hall = $1 ORDER BY day DESC, line DESC FETCH FIRST 1 ROWS ONLY', [hall.id]);
      const presence = await db.query<{ day: string; record: string }>(
        'SELECT CAST(day AS VARCHAR(10)) AS day, record FROM presence_records WHERE hall = $1 AND day >= $2 AND day <= $3 ORDER BY day, line',
        [hall.id, q.from, q.to],
      );
      const days = await db.query<{ day: string }>('SELECT CAST(day AS VARCHAR(10)) AS day FROM hall_days WHERE hall = $1 AND day >= $2 AND day <= $3', [hall.id, q.from, q.to]);
      const records = new Map<string, PresenceRecord[]>(days.rows.map((r) => [r.day, []]));
      for (const r of presence.rows) records.set(r.day, [...(records.get(r.day) ?? []), JSON.parse(r.record) as PresenceRecord]);
      const today = serviceDay(now, hall.timeZone);
      for (const day of [...records.keys()].sort()) {
        if (day > today) continue;
        const span = day === today ? { until: now, live: true } : { until: startOfDay(addDays(day, 1), hall.timeZone), live: last.rows[0]!.day > day };
        const facts = kioskFacts(records.get(day)!, day, config, { ...span, since: Number(first.rows[0]!.at) });
        parts.kiosks.push({ kiosks: facts });
        district.kiosks.push({ kiosks: facts.map((f) => ({ ...f, kiosk: `${hall.id}/${f.kiosk}` })) });
      }
    }
  };
  // Visits finished with a 事项, with their ratings (a 办件编号 or 事项 linked later counts).
  const items = async (): Promise<void> => {
    const { rows } = await db.query<{ hall: string; k: string; level: string | null; rated: number; n: string; case_numbers: string }>(
      `SELECT t.hall, t.item_code AS k, r.level, CASE WHEN r.ticket_id IS NULL THEN 0 ELSE 1 END AS rated, COUNT(*) AS n, COUNT(t.case_number) AS case_numbers
       FROM tickets t LEFT JOIN ratings r ON r.hall = t.hall AND r.ticket_id = t.ticket_id
       WHERE ${inPeriod('t.')} AND t.state = 'finished' AND t.item_code IS NOT NULL
       GROUP BY t.hall, t.item_code, r.level, CASE WHEN r.ticket_id IS NULL THEN 0 ELSE 1 END`,
      dayParams,
    );
    for (const r of rows) {
      for (const parts of [byId.get(r.hall)?.parts, district]) {
        if (!parts) continue;
        let item = parts.items.get(r.k);
        if (!item) parts.items.set(r.k, (item = { finished: 0, caseNumbers: 0, ratings: new Tally() }));
        item.finished += Number(r.n);
        item.caseNumbers += Number(r.case_numbers);
        if (Number(r.rated) === 1) item.ratings.add(r.level, Number(r.n));
      }
    }
  };
  // Each case in its latest state, if the visit it rates falls in the period (its ticket id starts with its day).
  const cases = async (): Promise<void> => {
    const { rows } = await db.query<Row>(
      `SELECT c.hall, c.case_id, c.ticket_id, c.verdict, CAST(c.verify_due AS VARCHAR(10)) AS verify_due, CAST(c.rectify_due AS VARCHAR(10)) AS rectify_due,
         CAST(c.follow_up_due AS VARCHAR(10)) AS follow_up_due, c.verified_at, c.rectified_at, c.followed_up_at, c.closed_at, r.contact
       FROM cases c LEFT JOIN ratings r ON r.hall = c.hall AND r.ticket_id = c.ticket_id
       WHERE SUBSTRING(c.ticket_id FROM 1 FOR 10) >= $1 AND SUBSTRING(c.ticket_id FROM 1 FOR 10) <= $2${oneHall ? ' AND c.hall = $3' : ''}`,
      dayParams,
    );
    for (const r of rows) {
      const h = byId.get(r.hall!);
      if (!h) continue;
      const steps = CASE_STEPS.flatMap(([step, column]) => (r[column] === null ? [] : [{ step, at: Number(r[column]) }]));
      // The parts of a case caseFact reads (stats/evaluation-figures.ts), from its row.
      const c = {
        id: r.case_id!,
        rating: { ticketId: r.ticket_id!, ...(r.contact !== null && { contact: JSON.parse(r.contact!) as unknown }) },
        ...(r.verdict !== null && { verdict: r.verdict }),
        reached: steps.at(-1)?.step ?? 'opened',
        due: { verify: r.verify_due!, rectify: r.rectify_due!, followUp: r.follow_up_due! },
        steps,
      } as unknown as Case;
      const fact = caseFact(c, h.hall.timeZone);
      h.parts.cases.push(fact);
      district.cases.push(fact);
    }
  };

  // One after another on one connection, in one read-only snapshot: the parts agree with each other
  // even while records arrive, and a year's report takes one connection, not the pool.
  await db.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  try {
    await sortMemory(db);
    for (const part of [...ticketParts, hourly, waits, ratings, items, windowTimes, appointments, uptime, cases]) await part();
  } finally {
    await db.query('COMMIT').catch(() => undefined);
  }
  return {
    district: reportOf(district, q, serviceDay(now, zone)),
    halls: [...byId.values()].map(({ hall, parts }) => ({ id: hall.id, name: hall.name, ...reportOf(parts, q, serviceDay(now, hall.timeZone)) })),
  };
}

/**
 * Percentiles sort each group's values: a year of a district's tickets sorts in memory with 64 MB, not
 * on disk with PostgreSQL's default 4 MB, for this transaction only. A database without the setting
 * sorts as it does.
 */
async function sortMemory(db: pg.ClientBase): Promise<void> {
  await db.query('SAVEPOINT sort_memory');
  try {
    await db.query(`SET LOCAL work_mem = '64MB'`);
  } catch {
    await db.query('ROLLBACK TO SAVEPOINT sort_memory');
  }
}

/** The halls a report covers (one, or all), with what names their windows, staff and categories. */
export async function reportHalls(db: pg.Pool, hall?: string): Promise<ReportHall[]> {
  const { rows } = await db.query<{ id: string; name: string; time_zone: string; config: string | null }>(
    `SELECT id, name, time_zone, config FROM halls${hall === undefined ? '' : ' WHERE id = $1'} ORDER BY id`,
    hall === undefined ? [] : [hall],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone, config: r.config }));
}
