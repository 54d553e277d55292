// Computed reports kept between requests. A hall's report of a period that ended before the hall's
// today is a pure function of the hall (name, time zone, configuration), the period, the threshold,
// that today (cases are judged against it) and the hall's data that the report reads, whose version
// (periodVersions) is read in the report's own snapshot. The district's report is kept under its halls'
// keys together. Each report is kept with its JSON, encoded once, so a repeated answer is the parts
// written one after another. Its ticket and rating figures — the counting that takes the time — are
// kept apart under the version of the roll-ups alone: a case handled, a booking checked in, a kiosk
// line or a new configuration makes the report be put together again from them, not counted again.
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** A report and its JSON (UTF-8), encoded once. */
export interface Encoded<T> {
  report: T;
  json: Buffer;
}

export const encoded = <T>(report: T): Encoded<T> => ({ report, json: Buffer.from(JSON.stringify(report)) });

/**
 * What names the data a hall's report of a past period reads, per hall (undefined: a day of the period
 * is not rolled up yet, its rows may still change: not kept). Every record the projector applies marks
 * its own day and its ticket's day stale and drops their roll-ups, which come back with a higher
 * version (the hall's projected seq): so the period's roll-ups' count and summed versions change with
 * its tickets, ratings, window times and days. What a later day's records change of the period without
 * touching its days is counted apart: check-ins and no-shows of its bookings (appointment_days, whose
 * counters only grow), steps of its cases (cases, whose step times are set once), and the kiosk
 * presence lines the forwarder writes straight in and never changes (the hall's first, how many in
 * the period, whether any after it).
 */
export async function periodVersions(db: pg.ClientBase, halls: readonly string[], from: string, to: string): Promise<Map<string, PeriodVersion | undefined>> {
  const { rows } = await db.query<{ id: string; stale: string; tickets: string; rest: string }>(
    `SELECT h.id, st.n AS stale, CONCAT_WS('|', td.n, td.v) AS tickets, CONCAT_WS('|', ap.n, ap.v, cs.n, cs.verdicts, cs.v, COALESCE(pf.at, -1), pp.n, pa.later) AS rest FROM halls h
     CROSS JOIN LATERAL (SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS v FROM ticket_days WHERE hall = h.id AND day >= $2 AND day <= $3) td
     CROSS JOIN LATERAL (SELECT COUNT(*) AS n FROM ticket_days_stale WHERE hall = h.id AND day >= $2 AND day <= $3) st
     CROSS JOIN LATERAL (SELECT COUNT(*) AS n, COALESCE(SUM(booked + changed + cancelled + checked_in + late + after_no_show + no_show), 0) AS v
       FROM appointment_days WHERE hall = h.id AND record_day >= $2 AND (record_day <= $3 OR (day >= $2 AND day <= $3))) ap
     CROSS JOIN LATERAL (SELECT COUNT(*) AS n, COUNT(verdict) AS verdicts,
         COALESCE(SUM(COALESCE(verified_at, 0) + COALESCE(rectified_at, 0) + COALESCE(followed_up_at, 0) + COALESCE(closed_at, 0)), 0) AS v
       FROM cases WHERE hall = h.id AND SUBSTRING(ticket_id FROM 1 FOR 10) >= $4 AND SUBSTRING(ticket_id FROM 1 FOR 10) <= $5) cs
     LEFT JOIN LATERAL (SELECT at FROM presence_records WHERE hall = h.id ORDER BY day, line FETCH FIRST 1 ROWS ONLY) pf ON TRUE
     CROSS JOIN LATERAL (SELECT COUNT(*) AS n FROM presence_records WHERE hall = h.id AND day >= $2 AND day <= $3) pp
     CROSS JOIN LATERAL (SELECT COUNT(*) AS later FROM (SELECT 1 FROM presence_records WHERE hall = h.id AND day > $3 FETCH FIRST 1 ROWS ONLY) x) pa
     WHERE h.id = ANY($1)`,
    // The period as dates ($2, $3) and as the text a ticket id starts with ($4, $5).
    [halls, from, to, from, to],
  );
  return new Map(rows.map((r) => [r.id, Number(r.stale) > 0 ? undefined : { tickets: r.tickets, all: `${r.tickets}|${r.rest}` }]));
}

/** A hall's data of a period: `tickets` names what its ticket and rating figures read (the roll-ups), `all` everything. */
export interface PeriodVersion {
  tickets: string;
  all: string;
}

/** A key of what determines a report (any JSON-able values), short whatever a configuration's size. */
export const reportKey = (...parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64');

/** Memory for kept reports: a year's report of 115 halls is ~26 MB of JSON and ~3× that as objects. */
export const KEPT_BYTES = 384 * 1024 * 1024;
/** A report's objects take about this many times its JSON's bytes. */
export const OBJECT_FACTOR = 3;

/** Kept values (reports, their ticket figures), least recently used dropped first once their estimated bytes pass `maxBytes`. */
export class KeptReports {
  private readonly entries = new Map<string, { value: unknown; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = KEPT_BYTES) {}

  get<T>(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value as T;
  }

  /** Keeps `value`, estimated at `bytes` (one larger than the whole memory is not kept). */
  set(key: string, value: unknown, bytes: number): void {
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  /** How many values and bytes (estimated) are kept. */
  get size(): { reports: number; bytes: number } {
    return { reports: this.entries.size, bytes: this.bytes };
  }
}
