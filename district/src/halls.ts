// The halls page of the district: each hall's link (from its forwarder's reports and the records
// held) and today's figures, read from the projected tables with SQL.
import type { DistrictHall } from '@yichuang/shared/district';
import { HALL_LEVELS, type HallLevel } from '@yichuang/shared/lists';
import { serviceDay } from '@yichuang/shared/time';
import type pg from 'pg';

/** A hall whose forwarder has not reported for this long is shown unlinked (it reports every 5 s). */
export const LINK_SILENCE_S = 30;

interface HallRow {
  id: string;
  name: string;
  name_en: string;
  level: string;
  time_zone: string;
  head_seq: string;
  problem: string | null;
  last_seq: string;
  linked: boolean;
  since_caught_up: string | null;
  contact_ms: string | null;
}

const levelOf = (level: string): HallLevel => (HALL_LEVELS as readonly string[]).includes(level) ? (level as HallLevel) : 'centre';

export async function listHalls(db: pg.Pool, now: number, linkSilenceS = LINK_SILENCE_S): Promise<DistrictHall[]> {
  // The newest record per hall through the primary key, one hall at a time: no scan of all records.
  const halls = await db.query<HallRow>(
    `SELECT h.id, h.name, h.name_en, h.level, h.time_zone, h.head_seq, h.problem,
       COALESCE((SELECT MAX(r.seq) FROM journal_records r WHERE r.hall = h.id), 0) AS last_seq,
       (h.contact_at IS NOT NULL AND h.contact_at > CURRENT_TIMESTAMP - INTERVAL '${Math.round(linkSilenceS)}' SECOND) AS linked,
       EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - h.caught_up_at)) AS since_caught_up,
       EXTRACT(EPOCH FROM h.contact_at) * 1000 AS contact_ms
     FROM halls h`,
  );
  // Today is each hall's own service day, in its time zone.
  const today = new Map(halls.rows.map((h) => [h.id, serviceDay(now, h.time_zone)]));
  const days = [...new Set(today.values())];
  type Today = { waiting: number; issued: number; windowsOpen: number };
  const figures = new Map<string, Today>();
  const figure = (hall: string): Today => {
    let f = figures.get(hall);
    if (!f) figures.set(hall, (f = { waiting: 0, issued: 0, windowsOpen: 0 }));
    return f;
  };
  if (days.length > 0) {
    const inDays = days.map((_, i) => `$${i + 1}`).join(', ');
    const tickets = await db.query<{ hall: string; day: string; waiting: string; issued: string }>(
      `SELECT hall, CAST(day AS VARCHAR(10)) AS day, SUM(CASE WHEN state = 'waiting' THEN 1 ELSE 0 END) AS waiting, COUNT(*) AS issued
       FROM tickets WHERE day IN (${inDays}) GROUP BY hall, day`,
      days,
    );
    for (const t of tickets.rows) {
      if (today.get(t.hall) !== t.day) continue;
      Object.assign(figure(t.hall), { waiting: Number(t.waiting), issued: Number(t.issued) });
    }
    const windows = await db.query<{ hall: string; day: string; open: string }>(
      `SELECT hall, CAST(day AS VARCHAR(10)) AS day, COUNT(*) AS open FROM windows WHERE day IN (${inDays}) AND state <> 'closed' GROUP BY hall, day`,
      days,
    );
    for (const w of windows.rows) if (today.get(w.hall) === w.day) figure(w.hall).windowsOpen = Number(w.open);
  }
  return halls.rows
    .map((h): DistrictHall => {
      const lastSeq = Number(h.last_seq);
      const headSeq = Number(h.head_seq);
      const caughtUp = h.linked && lastSeq >= headSeq;
      return {
        id: h.id,
        name: h.name,
        nameEn: h.name_en,
        level: levelOf(h.level),
        linked: h.linked,
        lastSeq,
        headSeq,
        lagS: caughtUp ? 0 : h.since_caught_up === null ? null : Math.max(0, Math.round(Number(h.since_caught_up))),
        ...(figures.get(h.id) ?? { waiting: 0, issued: 0, windowsOpen: 0 }),
        contactAt: h.contact_ms === null ? null : Math.round(Number(h.contact_ms)),
        problem: h.problem,
      };
    })
    .sort((a, b) => HALL_LEVELS.indexOf(a.level) - HALL_LEVELS.indexOf(b.level) || a.id.localeCompare(b.id));
}
