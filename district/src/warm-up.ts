// After a district server starts, the last year's rolled-up days are read into memory while it answers,
// giving way to reports: the first report after a start that must count (a hall's past day changed, a
// period never counted) then counts from memory instead of reading and decoding 30,000 roll-ups first.
// After the projector rolls days up (keeping them), the same pass merges the district's days of them.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, serviceDay } from '@yichuang/shared/time';
import type { ReportDay } from '@yichuang/hub/dist/stats/report-day.js';
import type pg from 'pg';
import { withClient } from './db-client.js';
import type { ReportActivity } from './report-activity.js';
import { KEPT_DAYS, readRolledUp, type RolledUpDays } from './ticket-days.js';

/** Days a warm-up step reads at most: bounds how long a report asked meanwhile waits for it. */
const WARM_DAYS = 31;

/**
 * Reads the rolled-up days of every hall's last year (up to its yesterday) into `cache`, a hall and at
 * most WARM_DAYS days at a time, each step once reports are quiet; then makes the district's days of
 * them, a month at a time. Stops between steps once the server closes. Answers how many hall days it read.
 */
async function warmRolledUp(db: pg.Pool, now: number, cache: RolledUpDays, activity: ReportActivity): Promise<number> {
  if (activity.closed) return 0;
  const { rows: halls } = await db.query<{ id: string; time_zone: string }>('SELECT id, time_zone FROM halls ORDER BY id');
  const byHall: [string, ReportDay[]][] = [];
  let read = 0;
  for (const { id: hall, time_zone: zone } of halls) {
    if (activity.closed) return read;
    const today = serviceDay(now, zone);
    const { rows } = await db.query<{ day: string; version: string }>(
      'SELECT CAST(day AS VARCHAR(10)) AS day, version FROM ticket_days WHERE hall = $1 AND day >= $2 AND day < $3 ORDER BY day',
      [hall, addDays(today, -KEPT_DAYS), today],
    );
    const days: ReportDay[] = [];
    for (let i = 0; i < rows.length; i += WARM_DAYS) {
      await activity.quiet();
      if (activity.closed) return read;
      const step = rows.slice(i, i + WARM_DAYS);
      const missed = step.filter((r) => !cache.get(hall, r.day, r.version)).map((r) => r.day);
      if (missed.length > 0) read += (await withClient(db, (c) => readRolledUp(c, hall, missed, cache))).length;
      for (const r of step) {
        const d = cache.get(hall, r.day, r.version);
        if (d) days.push({ ...d, windows: [] });
      }
      // A request that came meanwhile is taken in before the next step.
      await nextTurn();
    }
    byHall.push([hall, days]);
  }
  // The district's days a month at a time, giving way to reports between months as above.
  const months = [...new Set(byHall.flatMap(([, days]) => days.map((d) => d.day.slice(0, 7))))].sort();
  for (const month of months) {
    await activity.quiet();
    if (activity.closed) return read;
    cache.district.of(byHall.map(([hall, days]) => [hall, days.filter((d) => d.day.startsWith(month))] as const));
    await nextTurn();
  }
  return read;
}

/**
 * Reads ahead (warmRolledUp): after a start, and after the projector rolled days up (they are kept as
 * they are rolled up; the district's days made of them are merged here, before a report asks). Answers
 * how many hall days it read (0 when it failed: reports then read as they go); says so when it read
 * any, in Chinese and English.
 */
export async function readAhead(db: pg.Pool, now: () => number, cache: RolledUpDays, activity: ReportActivity, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  try {
    const n = await warmRolledUp(db, now(), cache, activity);
    const s = ((performance.now() - started) / 1000).toFixed(1);
    if (n > 0 && !activity.closed) log(`报表缓存已读入 ${n} 个大厅日（${s} 秒）/ report cache warmed: ${n} hall days in ${s} s`);
    return n;
  } catch (err) {
    log(`报表缓存预读失败，报表将按需读取 / warming the report cache failed, reports read as needed: ${(err as Error).message}`);
    return 0;
  }
}
