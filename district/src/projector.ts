// Builds the district's tables (tickets, ratings, cases, windows) from the forwarded journal records,
// incrementally: each hall's records after the seq it was projected to, in order, in one transaction
// with the new seq, so a record is applied exactly once even if the server stops midway. Reports are
// then SQL queries over these tables, never a replay of journals.
import type pg from 'pg';
import { markStale, rollUpStaleDays, type RolledUpDays } from './ticket-days.js';

/** The parts of a journal record the projector reads (the hall's own type is hub/src/storage/journal.ts). */
interface ForwardedRecord {
  seq: number;
  day: string;
  at: number;
  event: { type: string; at: number } & Record<string, unknown>;
}

/** Records applied per transaction: bounds how long one hall's catch-up holds its lock. */
const BATCH = 2000;

type Apply = (db: pg.ClientBase, hall: string, r: ForwardedRecord) => Promise<unknown>;

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The statement with its parameters cast to their SQL types ($n to types[n]): PostgreSQL refuses a
 * parameter used as two types, or one in a SELECT list whose type nothing tells.
 */
const castParams = (sql: string, types: Record<number, string>): string => sql.replace(/\$(\d+)\b/g, (p, n: string) => (types[Number(n)] ? `CAST(${p} AS ${types[Number(n)]})` : p));

/**
 * A ticket event that moves the ticket into a new period (state), as the hall's engine does: the period
 * it leaves is closed, its length added to the waiting or serving sums the report's durations read
 * (stats/facts.ts ticketFact); the first call, the walk to the first service and holds are kept.
 * Every right-hand side reads the row as it was before this event.
 */
const TICKET_MOVE = `UPDATE tickets SET state = $3,
     window_id = COALESCE($4, window_id), staff_id = COALESCE($5, staff_id),
     called_at = CASE WHEN $6 = 'called' THEN $7 ELSE called_at END,
     started_at = CASE WHEN $6 = 'started' THEN $7 ELSE started_at END,
     finished_at = CASE WHEN $6 = 'finished' THEN $7 ELSE finished_at END,
     outcome = COALESCE($8, outcome),
     category_id = COALESCE($9, category_id),
     transfers = transfers + CASE WHEN $9 IS NULL THEN 0 ELSE 1 END,
     first_called_at = CASE WHEN $3 = 'called' AND first_called_at IS NULL THEN $7 ELSE first_called_at END,
     walk_ms = CASE WHEN $3 = 'serving' AND state = 'called' AND servings = 0 AND walk_ms IS NULL THEN $7 - since ELSE walk_ms END,
     waiting_ms = waiting_ms + CASE WHEN state = 'waiting' THEN $7 - since ELSE 0 END,
     waits = waits + CASE WHEN state = 'waiting' THEN 1 ELSE 0 END,
     serving_ms = serving_ms + CASE WHEN state = 'serving' THEN $7 - since ELSE 0 END,
     servings = servings + CASE WHEN state = 'serving' THEN 1 ELSE 0 END,
     holds = holds + CASE WHEN $3 = 'on-hold' THEN 1 ELSE 0 END,
     item_code = COALESCE($10, item_code), case_number = COALESCE($11, case_number),
     since = $7
   WHERE hall = $1 AND ticket_id = $2`;
const TICKET_MOVE_SQL = castParams(TICKET_MOVE, { 3: 'VARCHAR(32)', 4: 'VARCHAR(64)', 5: 'VARCHAR(64)', 6: 'VARCHAR(16)', 7: 'BIGINT', 8: 'VARCHAR(32)', 9: 'VARCHAR(64)', 10: 'VARCHAR(64)', 11: 'VARCHAR(64)' });

/** A serving period that ends adds its length to its window's day (window_days.serving_ms). */
const SERVING_ENDS = `INSERT INTO window_days (hall, day, window_id, serving_ms)
   SELECT hall, day, window_id, CAST($3 AS BIGINT) - since FROM tickets WHERE hall = $1 AND ticket_id = $2 AND state = 'serving' AND window_id IS NOT NULL
   ON CONFLICT (hall, day, window_id) DO UPDATE SET serving_ms = window_days.serving_ms + EXCLUDED.serving_ms`;

/** `fromServing`: the event may end a serving period (a call or start never does: one statement less). */
function ticketState(state: string, extra: '' | 'called' | 'started' | 'finished' = '', fromServing = true): Apply {
  return async (db, hall, { at, event: e }) => {
    if (fromServing) await db.query(SERVING_ENDS, [hall, e.ticketId, at]);
    return db.query(TICKET_MOVE_SQL, [hall, e.ticketId, state, s(e.windowId), s(e.staffId), extra, at, s(e.outcome), s(e.toCategoryId), s(e.itemCode), s(e.caseNumber)]);
  };
}

/**
 * A window's day clock (stats/day-accumulator.ts track): its row made if need be, then the open
 * period closed, the pause closed (into window_pauses), or either begun. $4 is the record's time.
 */
const WINDOW_DAY = {
  row: `INSERT INTO window_days (hall, day, window_id) VALUES ($1, $2, $3) ON CONFLICT (hall, day, window_id) DO NOTHING`,
  closeOpen: `UPDATE window_days SET open_ms = open_ms + GREATEST(0, CAST($4 AS BIGINT) - open_since), open_since = NULL
    WHERE hall = $1 AND day = $2 AND window_id = $3 AND open_since IS NOT NULL`,
  closePause: `INSERT INTO window_pauses (hall, day, window_id, reason, ms)
    SELECT hall, day, window_id, pause_reason, GREATEST(0, CAST($4 AS BIGINT) - paused_since) FROM window_days
    WHERE hall = $1 AND day = $2 AND window_id = $3 AND paused_since IS NOT NULL AND pause_reason IS NOT NULL
    ON CONFLICT (hall, day, window_id, reason) DO UPDATE SET ms = window_pauses.ms + EXCLUDED.ms`,
  pauseClosed: `UPDATE window_days SET paused_since = NULL, pause_reason = NULL WHERE hall = $1 AND day = $2 AND window_id = $3`,
  open: `UPDATE window_days SET open_since = $4 WHERE hall = $1 AND day = $2 AND window_id = $3`,
  pause: `UPDATE window_days SET paused_since = $4, pause_reason = $5 WHERE hall = $1 AND day = $2 AND window_id = $3`,
} as const;
type WindowStep = keyof typeof WINDOW_DAY;

function windowDay(steps: readonly WindowStep[]): Apply {
  return async (db, hall, { day, at, event: e }) => {
    for (const step of ['row', ...steps] as WindowStep[]) {
      const values = [hall, day, e.windowId, ...(step === 'row' || step === 'pauseClosed' ? [] : [at]), ...(step === 'pause' ? [s(e.reason)] : [])];
      await db.query(WINDOW_DAY[step], values);
    }
  };
}

/** Both the window's current state (windows) and its day clock. */
const both = (...applies: Apply[]): Apply => async (db, hall, r) => {
  for (const a of applies) await a(db, hall, r);
};

// $3 is cast where compared: PostgreSQL refuses a parameter it would deduce two types for.
const windowState = (state: string): Apply => (db, hall, { day, at, event: e }) =>
  db.query(
    `UPDATE windows SET state = $3, day = $4, since = $5,
       staff_id = CASE WHEN CAST($3 AS VARCHAR(32)) = 'closed' THEN NULL ELSE staff_id END
     WHERE hall = $1 AND window_id = $2`,
    [hall, e.windowId, state, day, at],
  );

const caseStep = (state: string, column: 'verified_at' | 'rectified_at' | 'followed_up_at' | 'closed_at'): Apply => (db, hall, { at, event: e }) =>
  db.query(`UPDATE cases SET state = $3, ${column} = $4, verdict = COALESCE($5, verdict) WHERE hall = $1 AND case_id = $2`, [hall, e.caseId, state, at, s(e.verdict)]);

type AppointmentCount = 'booked' | 'changed' | 'cancelled' | 'checked_in' | 'late' | 'after_no_show' | 'no_show';

/** Counts one appointment event for its day booked for and category (stats/day-accumulator.ts track). */
const appointment = (of: (e: ForwardedRecord['event']) => { day: unknown; categoryId: unknown }, counts: (e: ForwardedRecord['event']) => AppointmentCount[]): Apply => (db, hall, { day, event: e }) => {
  const cols = counts(e);
  const { day: bookedFor, categoryId } = of(e);
  return db.query(
    `INSERT INTO appointment_days (hall, record_day, day, category_id, ${cols.join(', ')}) VALUES ($1, $2, $3, $4${cols.map(() => ', 1').join('')})
     ON CONFLICT (hall, record_day, day, category_id) DO UPDATE SET ${cols.map((c) => `${c} = appointment_days.${c} + 1`).join(', ')}`,
    [hall, day, bookedFor, categoryId],
  );
};
const sameEvent = (e: ForwardedRecord['event']): { day: unknown; categoryId: unknown } => ({ day: e.day, categoryId: e.categoryId });

const APPLY: Record<string, Apply> = {
  'appointment.booked': appointment((e) => e.booking as { day: unknown; categoryId: unknown }, () => ['booked']),
  'appointment.changed': appointment(sameEvent, () => ['changed']),
  'appointment.cancelled': appointment(sameEvent, () => ['cancelled']),
  'appointment.checkedIn': appointment(sameEvent, (e) => ['checked_in', ...(e.late ? ['late' as const] : []), ...(e.afterNoShow ? ['after_no_show' as const] : [])]),
  'appointment.noShow': appointment(sameEvent, () => ['no_show']),

  'ticket.called': ticketState('called', 'called', false),
  'ticket.recalled': (db, hall, { event: e }) => db.query('UPDATE tickets SET recalls = $3 WHERE hall = $1 AND ticket_id = $2', [hall, e.ticketId, e.count]),
  'ticket.started': ticketState('serving', 'started', false),
  // A 办件编号 or 事项 attached after 办结 (engine/evolve.ts).
  'ticket.caseLinked': (db, hall, { event: e }) =>
    db.query('UPDATE tickets SET item_code = COALESCE($3, item_code), case_number = COALESCE($4, case_number) WHERE hall = $1 AND ticket_id = $2', [hall, e.ticketId, s(e.itemCode), s(e.caseNumber)]),
  'ticket.finished': ticketState('finished', 'finished'),
  'ticket.noShow': ticketState('no-show'),
  'ticket.held': ticketState('on-hold'),
  'ticket.cancelled': ticketState('cancelled'),
  'ticket.requeued': ticketState('waiting'),
  'ticket.resumed': ticketState('waiting', '', false),
  'ticket.transferred': ticketState('waiting'),

  // A new day closes every window, as the hall's engine does (engine/state.ts dayState).
  'day.started': (db, hall, { day, at }) => db.query(`UPDATE windows SET state = 'closed', staff_id = NULL, day = $2, since = $3 WHERE hall = $1`, [hall, day, at]),
  'staff.signedIn': both(async (db, hall, { day, at, event: e }) => {
    await db.query('DELETE FROM windows WHERE hall = $1 AND window_id = $2', [hall, e.windowId]);
    return db.query(`INSERT INTO windows (hall, window_id, day, state, staff_id, since) VALUES ($1, $2, $3, 'open', $4, $5)`, [hall, e.windowId, day, e.staffId, at]);
  }, windowDay(['open'])),
  'staff.signedOut': both(windowState('closed'), windowDay(['closeOpen', 'closePause', 'pauseClosed'])),
  'window.paused': both(windowState('paused'), windowDay(['closeOpen', 'pause'])),
  'window.unpaused': both(windowState('open'), windowDay(['closePause', 'pauseClosed', 'open'])),

  'rating.recorded': (db, hall, { day, at, event: e }) =>
    upsertRating(db, [hall, e.ticketId, day, at, e.windowId, e.staffId, e.channel, e.level, (e.reasons as string[]).join('、'), null, s(e.text), e.contact === undefined ? null : JSON.stringify(e.contact)]),
  'rating.expired': (db, hall, { day, at, event: e }) => upsertRating(db, [hall, e.ticketId, day, at, e.windowId, e.staffId, null, null, null, e.reason, null, null]),

  'case.opened': (db, hall, { day, at, event: e }) => {
    const due = e.due as Record<string, string | undefined>;
    return db.query(
      `INSERT INTO cases (hall, case_id, ticket_id, department, opened_day, opened_at, verify_due, rectify_due, follow_up_due, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'opened')`,
      [hall, e.caseId, e.ticketId, e.department, day, at, due.verify ?? null, due.rectify ?? null, due.followUp ?? null],
    );
  },
  'case.verified': caseStep('verified', 'verified_at'),
  'case.rectified': caseStep('rectified', 'rectified_at'),
  'case.followedUp': caseStep('followedUp', 'followed_up_at'),
  'case.closed': caseStep('closed', 'closed_at'),
};

/** Tickets issued in a row are inserted together, a statement per ISSUED_PER_INSERT (the most frequent record: one round trip, not one each). */
const ISSUED_PER_INSERT = 1000;
const ISSUED_COLUMNS = 9;

/** Inserts the tickets of `issued` (values of ticket.issued records, ISSUED_COLUMNS each) and empties it. */
async function insertIssued(db: pg.ClientBase, issued: unknown[][]): Promise<void> {
  for (let i = 0; i < issued.length; i += ISSUED_PER_INSERT) {
    const rows = issued.slice(i, i + ISSUED_PER_INSERT);
    const p = (r: number, c: number): string => `$${r * ISSUED_COLUMNS + c}`;
    const values = rows.map((_, r) => `(${p(r, 1)}, ${p(r, 2)}, ${p(r, 3)}, ${p(r, 4)}, ${p(r, 5)}, ${p(r, 5)}, ${p(r, 6)}, ${p(r, 7)}, 'waiting', ${p(r, 8)}, ${p(r, 9)}, ${p(r, 8)})`);
    await db.query(
      `INSERT INTO tickets (hall, ticket_id, day, number, category_id, issue_category_id, source, priority, state, issued_at, due_at, since) VALUES ${values.join(', ')}`,
      rows.flat(),
    );
  }
  issued.length = 0;
}

const issuedValues = (hall: string, { day, at, event: e }: ForwardedRecord): unknown[] => [hall, e.ticketId, day, e.number, e.categoryId, e.source, e.priority, at, typeof e.dueAt === 'number' ? e.dueAt : null];

/**
 * A visit rated later (phone, kiosk) replaces its 未评价. The visit's category and finish come from its
 * ticket, as the hall's rating record takes them (engine/evolve.ts rate).
 */
const UPSERT_RATING = castParams(
  `INSERT INTO ratings (hall, ticket_id, day, at, window_id, staff_id, channel, level, reasons, expired_reason, text, contact, category_id, finished_at)
   SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, t.category_id, CASE WHEN t.state = 'finished' THEN t.finished_at ELSE $4 END
   FROM tickets t WHERE t.hall = $1 AND t.ticket_id = $2
   ON CONFLICT (hall, ticket_id) DO UPDATE SET at = EXCLUDED.at, channel = EXCLUDED.channel, level = EXCLUDED.level,
     reasons = EXCLUDED.reasons, expired_reason = EXCLUDED.expired_reason, text = EXCLUDED.text, contact = EXCLUDED.contact`,
  { 1: 'VARCHAR(64)', 2: 'VARCHAR(80)', 3: 'DATE', 4: 'BIGINT', 5: 'VARCHAR(64)', 6: 'VARCHAR(64)', 7: 'VARCHAR(32)', 8: 'VARCHAR(32)', 9: 'VARCHAR(1000)', 10: 'VARCHAR(32)', 11: 'VARCHAR(2000)', 12: 'VARCHAR(1000)' },
);

function upsertRating(db: pg.ClientBase, values: unknown[]): Promise<unknown> {
  return db.query(UPSERT_RATING, values);
}

/**
 * Applies one batch of one hall's records not yet projected. Answers how many it applied (0: the
 * hall is up to date). The row in `projected` is locked for the transaction, so two servers never
 * apply the same record twice.
 */
export async function projectHall(db: pg.ClientBase, hall: string): Promise<number> {
  await db.query('BEGIN');
  try {
    await db.query('INSERT INTO projected (hall, seq) VALUES ($1, 0) ON CONFLICT (hall) DO NOTHING', [hall]);
    const { rows } = await db.query<{ seq: string }>('SELECT seq FROM projected WHERE hall = $1 FOR UPDATE', [hall]);
    const from = Number(rows[0]!.seq);
    const records = await db.query<{ seq: string; record: string }>(
      'SELECT seq, record FROM journal_records WHERE hall = $1 AND seq > $2 ORDER BY seq FETCH FIRST ' + BATCH + ' ROWS ONLY',
      [hall, from],
    );
    let last = from;
    /** The latest record of each day in the batch (hall_days). */
    const dayEnds = new Map<string, number>();
    /** Days whose roll-up the batch changes: the records' own, and the days of the tickets they are about (ids are `day/number`). */
    const touched = new Set<string>();
    const issued: unknown[][] = [];
    for (const row of records.rows) {
      // Records arrive in order and without gaps (the forwarder sends them so): stop at a gap, if any.
      if (Number(row.seq) !== last + 1) break;
      const record = JSON.parse(row.record) as ForwardedRecord;
      if (record.event.type === 'ticket.issued') issued.push(issuedValues(hall, record));
      else {
        // Records apply in order: the tickets issued before this one are in first.
        await insertIssued(db, issued);
        await APPLY[record.event.type]?.(db, hall, record);
      }
      dayEnds.set(record.day, Math.max(dayEnds.get(record.day) ?? 0, record.at));
      touched.add(record.day);
      const ticketDay = /^\d{4}-\d{2}-\d{2}(?=\/)/.exec(s(record.event.ticketId) ?? '')?.[0];
      if (ticketDay) touched.add(ticketDay);
      last = Number(row.seq);
    }
    await insertIssued(db, issued);
    for (const [day, at] of dayEnds) {
      await db.query(
        `INSERT INTO hall_days (hall, day, last_at) VALUES ($1, $2, $3)
         ON CONFLICT (hall, day) DO UPDATE SET last_at = GREATEST(hall_days.last_at, EXCLUDED.last_at)`,
        [hall, day, at],
      );
    }
    await markStale(db, hall, touched);
    await db.query('UPDATE projected SET seq = $2 WHERE hall = $1', [hall, last]);
    await db.query('COMMIT');
    return last - from;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * Projects every hall that has records not yet applied, until each is up to date, then rolls up the
 * past days that changed (`now`: the district's clock, for each hall's today), keeping them in
 * `kept`; answers how many records it applied and days it rolled up.
 */
export async function projectAll(db: pg.ClientBase, now: number, kept: RolledUpDays): Promise<{ applied: number; rolledUp: number }> {
  // Every forwarder names its hall in halls before it sends a record. One query finds the halls
  // behind (their newest record through the primary key), so an idle district costs one statement a
  // round, and one more for the days to roll up.
  const { rows } = await db.query<{ id: string }>(
    `SELECT h.id FROM halls h LEFT JOIN projected p ON p.hall = h.id
     WHERE COALESCE(p.seq, 0) < (SELECT COALESCE(MAX(r.seq), 0) FROM journal_records r WHERE r.hall = h.id)`,
  );
  let applied = 0;
  for (const { id: hall } of rows) {
    for (let n = await projectHall(db, hall); n > 0; n = await projectHall(db, hall)) applied += n;
  }
  return { applied, rolledUp: await rollUpStaleDays(db, now, kept) };
}
