// District reports: the hall report (shared/reports.ts Report, the hall's /api/reports) for each hall
// and for the district. Ticket and rating figures are the hall's own report code (stats/report.ts
// reportOf) over each hall's days as rolled up from the projected tables (ticket-days.ts): exact
// nearest-rank percentiles over whole seconds, as the hall's. Window times, 事项, appointments, cases
// and uptime are SQL over the projected tables with the hall's own helpers for what is a pure function
// of counts. In the district's report a window or staff member is named `hall/id`: window w01 of two
// halls is two windows.
//
// Kiosk and 24-hour uptime are worked out per hall day from the forwarded presence records by the
// hall's own functions (stats/kiosk-uptime.ts), with the configuration the hall publishes.
import type { HallConfig, PauseReason } from '@yichuang/shared/domain';
import type { Case, RatingLevel } from '@yichuang/shared/ratings';
import { RATING_LEVELS } from '@yichuang/shared/ratings';
import type { ItemFigures, Report } from '@yichuang/shared/reports';
import { addDays, serviceDay, startOfDay } from '@yichuang/shared/time';
import { caseFact, caseFigures, emptyLevels, ratingFiguresOf } from '@yichuang/hub/dist/stats/evaluation-figures.js';
import type { AppointmentFact, CaseFact, KioskFact, WindowFact } from '@yichuang/hub/dist/stats/facts.js';
import { emptyFigures, sortKeys, windowFigures } from '@yichuang/hub/dist/stats/figures.js';
import { kioskFacts } from '@yichuang/hub/dist/stats/kiosk-uptime.js';
import type { PresenceRecord } from '@yichuang/hub/dist/kiosk/uptime.js';
import type { ReportDay } from '@yichuang/hub/dist/stats/report-day.js';
import { appointmentsOf, oneWindowOf, reportOf as hallReportOf, uptimeOf, type AppointmentDay } from '@yichuang/hub/dist/stats/report.js';
import type pg from 'pg';
import { encoded, OBJECT_FACTOR, periodVersions, reportKey, type Encoded, type KeptReports } from './report-cache.js';
import type { SavedFigures } from './saved-figures.js';
import { reportDays, type RolledUpDays } from './ticket-days.js';

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

/** A district report with each part's JSON (report-cache.ts). */
export interface EncodedDistrictReport {
  district: Encoded<Report>;
  halls: Encoded<HallReport>[];
}

export const reportOfParts = (e: EncodedDistrictReport): DistrictReport => ({ district: e.district.report, halls: e.halls.map((h) => h.report) });

/** The answer `{ok: true, data: DistrictReport}` as JSON, written from the parts' own. */
export function answerJson(e: EncodedDistrictReport): Buffer[] {
  const halls = e.halls.flatMap((h, i) => (i === 0 ? [h.json] : [COMMA, h.json]));
  return [Buffer.from('{"ok":true,"data":{"district":'), e.district.json, Buffer.from(',"halls":['), ...halls, Buffer.from(']}}')];
}
const COMMA = Buffer.from(',');

export interface ReportHall {
  id: string;
  name: string;
  timeZone: string;
  /** As the hall publishes it (no secrets), or null before it has. */
  config: string | null;
}


type Row = Record<string, string | null>;
const num = (v: string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

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
  /** Its days' tickets and ratings as the hall's report reads them. */
  readonly days: ReportDay[] = [];
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

/** The district's figures by window and staff member: each place is one hall's, named `hall/id`, in report order. */
type PlaceFigures = Pick<Report, 'byWindow' | 'byStaff' | 'ratingsByWindow' | 'ratingsByStaff'>;
function placesOf(halls: readonly HallReport[]): PlaceFigures {
  const scoped = <T>(pick: (r: HallReport) => Record<string, T>, order: (keys: string[]) => string[]): Record<string, T> => {
    const all = new Map<string, T>(halls.flatMap((h) => Object.entries(pick(h)).map(([id, f]): [string, T] => [`${h.id}/${id}`, f])));
    return Object.fromEntries(order([...all.keys()]).map((k) => [k, all.get(k)!]));
  };
  return {
    // As reportOf (below) orders windows, and the hall's code staff and ratings.
    byWindow: scoped((r) => r.byWindow, (keys) => keys.sort()),
    byStaff: scoped((r) => r.byStaff, sortKeys),
    ratingsByWindow: scoped((r) => r.ratingsByWindow, sortKeys),
    ratingsByStaff: scoped((r) => r.ratingsByStaff, sortKeys),
  };
}

/** What is worked out from the period's tickets and ratings alone (so changes only with its roll-ups: report-cache.ts). */
interface Counted {
  /** The hall's report over the days' tickets and ratings; its windows' times, cases, appointments and kiosks are not read. */
  tickets: Report;
  byItem: Record<string, ItemFigures>;
}

/** The counting (hall's report code) and the 事项 figures of `p`'s days; the cases given to the hall's code: none. */
const countedOf = (p: Parts, q: DistrictReportQuery): Counted => ({
  tickets: hallReportOf(p.days, [], { range: { from: q.from, to: q.to }, thresholdMs: q.thresholdMs, cases: { today: q.to }, comprehensiveWindows: [] }),
  byItem: itemFigures(p),
});

/** The report from what was counted (countedOf) and the rest of `p`; `places`: the district's, from its halls' reports (its days count no window or staff: ticket-days.ts DistrictDays). */
function reportOf(p: Parts, q: DistrictReportQuery, today: string, { tickets, byItem }: Counted, places?: PlaceFigures): Report {
  const ids = [...new Set([...Object.keys(tickets.byWindow), ...p.windowTimes.keys()])].sort();
  const time = (id: string): WindowFact[] => (p.windowTimes.has(id) ? [p.windowTimes.get(id)!] : []);
  const byWindow = places?.byWindow ?? Object.fromEntries(ids.map((id) => [id, { ...(tickets.byWindow[id] ?? emptyFigures(q.thresholdMs)), time: windowFigures(time(id)) }]));
  return {
    ...tickets,
    days: [...new Set([...tickets.days, ...p.windowDays])].sort(),
    windowTotal: windowFigures([...p.windowTimes.values()]),
    ...places,
    byWindow,
    byItem,
    cases: caseFigures(p.cases, today),
    oneWindow: oneWindowOf(byWindow, p.comprehensive),
    ...appointmentFigures(p, q),
    uptime: uptimeOf(p.kiosks),
  };
}

const CASE_STEPS = [
  ['verify', 'verified_at'],
  ['rectify', 'rectified_at'],
  ['followUp', 'followed_up_at'],
  ['close', 'closed_at'],
] as const;

/**
 * The report of each hall asked for and of them together (`halls` already filtered to the query's
 * hall). `cache`: the server's rolled-up days kept from earlier reports; `kept`: its computed reports,
 * each reused while its key (report-cache.ts) stands.
 */
export async function districtReport(
  db: pg.ClientBase,
  halls: readonly ReportHall[],
  q: DistrictReportQuery,
  now: number,
  cache: RolledUpDays,
  kept: KeptReports,
  saved?: SavedFigures,
): Promise<EncodedDistrictReport> {
  const byId = new Map(halls.map((h) => [h.id, { hall: h, parts: new Parts() }]));
  const district = new Parts();
  for (const { hall, parts } of byId.values()) {
    parts.comprehensive.push(...comprehensiveWindows(hall.config));
    district.comprehensive.push(...parts.comprehensive.map((w) => `${hall.id}/${w}`));
  }
  // "Today" for the waits of tickets never called and what runs to now: the district's (its halls share one time zone).
  const zone = halls[0]?.timeZone ?? 'Asia/Shanghai';
  const today = serviceDay(now, zone);
  const oneHall = q.hall !== undefined;
  /** The period (and hall) of a table's rows, its columns prefixed with `t` ('t.' in a join). */
  const inPeriod = (t = ''): string => `${t}day >= $1 AND ${t}day <= $2${oneHall ? ` AND ${t}hall = $3` : ''}`;
  const dayParams = [q.from, q.to, ...(q.hall ? [q.hall] : [])];

  // Tickets and ratings: each hall's days, and all of them as the district's.
  const zones = new Map(halls.map((h) => [h.id, h.timeZone]));
  const ticketDays = async (): Promise<void> => {
    const days = await reportDays(db, { from: q.from, to: q.to, today, now, ...(q.hall !== undefined && { hall: q.hall }) }, (hall) => zones.get(hall) ?? zone, cache);
    for (const [hall, hallDays] of days) {
      const parts = byId.get(hall)?.parts;
      if (!parts) continue;
      parts.days.push(...hallDays);
    }
  };
  // Window times: the closed periods summed, an open one counted to now today, to the day's last
  // record for a past day (as the hall's roll-up closes them); serving as the tickets' serving periods.
  const untilOf = (t: string): string =>
    `CASE WHEN ${t}.day >= CAST($3 AS DATE) THEN CAST($4 AS BIGINT) ELSE (SELECT d.last_at FROM hall_days d WHERE d.hall = ${t}.hall AND d.day = ${t}.day) END`;
  const timeParams = [q.from, q.to, today, now, ...(q.hall ? [q.hall] : [])];
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
        let day = parts.appointmentDays.get(r.record_day!);
        if (!day) parts.appointmentDays.set(r.record_day!, (day = []));
        day.push(fact);
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
      for (const r of presence.rows) {
        let day = records.get(r.day);
        if (!day) records.set(r.day, (day = []));
        day.push(JSON.parse(r.record) as PresenceRecord);
      }
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
  /** Per hall, then the district's: its whole report and what was counted for it, as kept, and their keys (undefined: not kept). */
  let found: { report?: Encoded<Report>; counted?: Counted; keys: { report?: string; counted?: string } }[];
  try {
    // Kept reports: a hall's while its data's version stands, if its period ended before its today.
    const versions = await periodVersions(db, halls.map((h) => h.id), q.from, q.to);
    const keys = halls.map((h) => {
      const hallToday = serviceDay(now, h.timeZone);
      const v = versions.get(h.id);
      if (!(q.to < hallToday) || v === undefined) return {};
      const period = [q.from, q.to, q.thresholdMs];
      return {
        report: reportKey('hall', h.id, h.name, h.timeZone, h.config, v.all, hallToday, period),
        counted: reportKey('hall counted', h.id, h.timeZone, v.tickets, period, saved?.code),
      };
    });
    const of = (kind: 'report' | 'counted'): string => reportKey(`district ${kind}`, q.from, q.to, q.thresholdMs, keys.map((k) => k[kind]));
    keys.push(keys.every((k) => k.report !== undefined) ? { report: of('report'), counted: of('counted') } : {});
    // Read once, here: keeping what is worked out below may drop older entries.
    found = keys.map((k) => ({ keys: k, report: k.report === undefined ? undefined : kept.get(k.report), counted: k.counted === undefined ? undefined : kept.get(k.counted) }));
    if (found.every((f) => f.report !== undefined)) return { district: found.at(-1)!.report!, halls: found.slice(0, -1).map((f) => f.report as Encoded<HallReport>) };
    // Counted figures not in memory may be saved (a server started again).
    const unknown = found.filter((f) => f.report === undefined && f.counted === undefined && f.keys.counted !== undefined);
    const fromSaved = saved ? await saved.read(db, unknown.map((f) => f.keys.counted!)) : new Map<string, { figures: unknown; bytes: number }>();
    for (const f of unknown) {
      const s = fromSaved.get(f.keys.counted!);
      if (!s) continue;
      // Written by countedOf below (their digest checked): Counted.
      f.counted = s.figures as Counted;
      kept.set(f.keys.counted!, f.counted, s.bytes * OBJECT_FACTOR);
    }
    // The days' tickets and 事项 only if something must be counted.
    const counting = found.some((f) => f.report === undefined && f.counted === undefined);
    for (const part of [...(counting ? [ticketDays, items] : []), windowTimes, appointments, uptime, cases]) await part();
  } finally {
    await db.query('COMMIT').catch(() => undefined);
  }
  /** Figures counted now, to be saved once the answer has gone. */
  const toSave = new Map<string, () => string>();
  /** The report as kept, else put together (from what was counted as kept or saved, else counted now) and kept. */
  const keptOr = <T extends Report>({ report, counted, keys }: (typeof found)[number], count: () => Counted, build: (counted: Counted) => T): Encoded<T> => {
    if (report) return report as Encoded<T>;
    const fresh = counted === undefined;
    counted ??= count();
    const e = encoded(build(counted));
    if (keys.report !== undefined) kept.set(keys.report, e, e.json.length * (1 + OBJECT_FACTOR));
    if (fresh && keys.counted !== undefined) {
      // Its objects are mostly the whole report's (shared): estimated as those.
      kept.set(keys.counted, counted, e.json.length * OBJECT_FACTOR);
      const c = counted;
      toSave.set(keys.counted, () => JSON.stringify(c));
    }
    return e;
  };
  const hallReports = [...byId.values()].map(({ hall, parts }, i) =>
    keptOr(found[i]!, () => countedOf(parts, q), (counted) => ({ id: hall.id, name: hall.name, ...reportOf(parts, q, serviceDay(now, hall.timeZone), counted) })),
  );
  const districtReport = keptOr(
    found.at(-1)!,
    () => {
      district.days.push(...cache.district.of([...byId.values()].map(({ hall, parts }) => [hall.id, parts.days] as const)));
      return countedOf(district, q);
    },
    (counted) => reportOf(district, q, today, counted, placesOf(hallReports.map((h) => h.report))),
  );
  saved?.save(toSave);
  return { district: districtReport, halls: hallReports };
}

/** The halls a report covers (one, or all), with what names their windows, staff and categories. */
export async function reportHalls(db: pg.Pool, hall?: string): Promise<ReportHall[]> {
  const { rows } = await db.query<{ id: string; name: string; time_zone: string; config: string | null }>(
    `SELECT id, name, time_zone, config FROM halls${hall === undefined ? '' : ' WHERE id = $1'} ORDER BY id`,
    hall === undefined ? [] : [hall],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone, config: r.config }));
}
