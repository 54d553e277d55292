// The district bench's year: 115 halls' tickets and ratings written straight into the projected
// tables (bench:district, and the district report's profiling runs over the same data).
import type pg from 'pg';

export const YEAR = { from: '2025-12-01', to: '2026-11-30' };

/** The 115 halls: their ids, level and tickets a working day. */
function benchHalls(): { id: string; level: string; perDay: number }[] {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return [
    { id: 'centre-01', level: 'centre', perDay: 2000 },
    ...Array.from({ length: 10 }, (_, i) => ({ id: `street-${pad(i + 1, 2)}`, level: 'street', perDay: 200 })),
    ...Array.from({ length: 104 }, (_, i) => ({ id: `station-${pad(i + 1, 3)}`, level: 'station', perDay: 20 })),
  ];
}

/** A year of each hall's tickets and ratings, straight into the projected tables (PostgreSQL's generate_series: bench only). */
export async function writeYear(db: pg.Client): Promise<number> {
  const halls = benchHalls();
  const values = halls.map((h) => `('${h.id}', ${h.perDay})`).join(', ');
  await db.query(
    `INSERT INTO halls (id, name, name_en, level, time_zone) SELECT id, id || ' 便民服务中心', id, level, 'Asia/Shanghai' FROM (VALUES ${halls.map((h) => `('${h.id}', '${h.level}')`).join(', ')}) AS v (id, level)`,
  );
  // Open 08:00–17:00 local (00:00–09:00 UTC); waits up to 40 min, service 2–14 min; one ticket in 25 a no-show.
  await db.query(`
    INSERT INTO tickets (hall, ticket_id, day, number, category_id, issue_category_id, source, priority, state, issued_at, since,
      first_called_at, called_at, started_at, finished_at, waiting_ms, waits, serving_ms, servings, walk_ms, window_id, staff_id, outcome)
    SELECT hall, CAST(day AS VARCHAR(10)) || '/' || number, day, number, category, category, 'kiosk', 'normal',
      CASE WHEN no_show THEN 'no-show' ELSE 'finished' END, issued, issued + wait + CASE WHEN no_show THEN 0 ELSE 20000 + service END,
      issued + wait, issued + wait, CASE WHEN no_show THEN NULL ELSE issued + wait + 20000 END,
      CASE WHEN no_show THEN NULL ELSE issued + wait + 20000 + service END,
      wait, 1, CASE WHEN no_show THEN 0 ELSE service END, CASE WHEN no_show THEN 0 ELSE 1 END, CASE WHEN no_show THEN NULL ELSE 20000 END,
      'w' || CAST(win AS VARCHAR(4)), 's' || CAST(win AS VARCHAR(4)), CASE WHEN no_show THEN NULL ELSE 'done' END
    FROM (
      SELECT v.hall, d.day, 'A' || LPAD(CAST(n AS VARCHAR(6)), 4, '0') AS number,
        CASE WHEN MOD(n, 3) = 0 THEN 'social' ELSE 'general' END AS category,
        CAST(EXTRACT(EPOCH FROM d.day) AS BIGINT) * 1000 + n * (32400000 / v.per_day) AS issued,
        CAST(FLOOR(random() * 2400000) AS BIGINT) AS wait, CAST(120000 + FLOOR(random() * 720000) AS BIGINT) AS service,
        MOD(n, 25) = 7 AS no_show, 1 + MOD(n, CASE WHEN v.per_day >= 2000 THEN 40 WHEN v.per_day >= 200 THEN 8 ELSE 2 END) AS win
      FROM (VALUES ${values}) AS v (hall, per_day)
      CROSS JOIN (SELECT CAST(g AS DATE) AS day FROM generate_series(DATE '${YEAR.from}', DATE '${YEAR.to}', INTERVAL '1 day') g WHERE EXTRACT(ISODOW FROM g) < 6) d
      CROSS JOIN generate_series(1, 2000) n
      WHERE n <= v.per_day
    ) t`);
  // Nine visits in ten rated at the pad, the tenth 未评价.
  await db.query(`
    INSERT INTO ratings (hall, ticket_id, day, at, window_id, staff_id, channel, level, reasons, expired_reason, category_id, finished_at)
    SELECT hall, ticket_id, day, finished_at + 8000, window_id, staff_id, CASE WHEN r < 0.9 THEN 'pad' END,
      CASE WHEN r < 0.6 THEN 'very-satisfied' WHEN r < 0.8 THEN 'satisfied' WHEN r < 0.88 THEN 'basic' WHEN r < 0.9 THEN 'dissatisfied' END,
      CASE WHEN r >= 0.88 AND r < 0.9 THEN '服务态度' ELSE '' END, CASE WHEN r >= 0.9 THEN 'timeout' END, category_id, finished_at
    FROM (SELECT t.*, random() AS r FROM tickets t WHERE state = 'finished') x`);
  // Every hall day written is new to the district: marked for its roll-up, as the projector marks what it applies.
  await db.query('INSERT INTO ticket_days_stale (hall, day) SELECT DISTINCT hall, day FROM tickets');
  await db.query('ANALYZE');
  const n = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM tickets');
  return Number(n.rows[0]!.n);
}
