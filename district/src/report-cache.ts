// Computed reports kept between requests. A hall's report of a period that ended before the hall's
// today is a pure function of the hall (name, time zone, configuration), the period, the threshold,
// that today (cases are judged against it) and the hall's data. Everything the district holds of a
// hall comes through the projector, which moves the hall's `projected.seq` in the same transaction,
// except the kiosk presence lines its forwarder writes straight in (their latest line is read too):
// so those versions, read in the report's own snapshot, name the data. The district's report is kept
// under its halls' keys together. Each report is kept with its JSON, encoded once, so a repeated
// answer is the parts written one after another.
import { createHash } from 'node:crypto';
import type { Report } from '@yichuang/shared/reports';
import type pg from 'pg';

/** A report and its JSON (UTF-8), encoded once. */
export interface Encoded<T> {
  report: T;
  json: Buffer;
}

export const encoded = <T>(report: T): Encoded<T> => ({ report, json: Buffer.from(JSON.stringify(report)) });

/** What names a hall's data in a report's snapshot: its projected records and its latest presence line. */
export interface HallVersion {
  seq: string | null;
  presence: string | null;
}

/** Each hall's version, read in the caller's snapshot (the report's transaction). */
export async function hallVersions(db: pg.ClientBase, halls: readonly string[]): Promise<Map<string, HallVersion>> {
  const { rows } = await db.query<{ id: string; seq: string | null; presence: string | null }>(
    `SELECT h.id, CAST(p.seq AS VARCHAR(20)) AS seq, pr.presence FROM halls h
     LEFT JOIN projected p ON p.hall = h.id
     LEFT JOIN LATERAL (SELECT CAST(x.day AS VARCHAR(10)) || '/' || CAST(x.line AS VARCHAR(10)) AS presence FROM presence_records x
       WHERE x.hall = h.id ORDER BY x.day DESC, x.line DESC FETCH FIRST 1 ROWS ONLY) pr ON TRUE
     WHERE h.id = ANY($1)`,
    [halls],
  );
  return new Map(rows.map((r) => [r.id, { seq: r.seq, presence: r.presence }]));
}

/** A key of what determines a report (any JSON-able values), short whatever a configuration's size. */
export const reportKey = (...parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64');

/** Memory for kept reports: a year's report of 115 halls is ~26 MB of JSON and ~3× that as objects. */
export const KEPT_BYTES = 320 * 1024 * 1024;
/** A report's objects take about this many times its JSON's bytes. */
const OBJECT_FACTOR = 3;

/** Kept reports, least recently used dropped first once their estimated size passes `maxBytes`. */
export class KeptReports {
  private readonly entries = new Map<string, { value: Encoded<Report>; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = KEPT_BYTES) {}

  get<T extends Report>(key: string): Encoded<T> | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value as Encoded<T>;
  }

  set(key: string, value: Encoded<Report>): void {
    const bytes = value.json.length * (1 + OBJECT_FACTOR);
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

  /** How many reports and bytes (estimated) are kept. */
  get size(): { reports: number; bytes: number } {
    return { reports: this.entries.size, bytes: this.bytes };
  }
}
