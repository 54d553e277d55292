// The district database's schema, built by numbered migrations applied in order, each in its own
// transaction and recorded in schema_migrations, so a server started on an older database brings it
// up to date and one started again changes nothing. Core SQL only (no extensions, JSON kept as text),
// so it runs on PostgreSQL and on the PostgreSQL-compatible databases districts may be required to use.
//
// journal_records is the contract with the halls' forwarders (hub/src/federation): one row per journal
// record, primary key (hall, seq), the record's id unique across halls, `record` the journal line as
// the hall wrote it. halls is each hall's identity as it publishes it, and its link; presence_records
// the kiosk presence the halls record beside their journals. The other tables are built from
// journal_records by the projector (projector.ts), incrementally, so reports are queries.
import type pg from 'pg';
import { DEMO_ACCOUNT_HASH } from './demo-accounts.js';

const MIGRATIONS: readonly string[] = [
  // 1: forwarded records and the halls that send them.
  `CREATE TABLE halls (
     id VARCHAR(64) PRIMARY KEY,
     name VARCHAR(200) NOT NULL,
     name_en VARCHAR(200) NOT NULL,
     level VARCHAR(16) NOT NULL,
     time_zone VARCHAR(64) NOT NULL,
     -- The hall's newest seq when its forwarder last reported, and when that was (the district's clock).
     head_seq BIGINT NOT NULL DEFAULT 0,
     contact_at TIMESTAMP WITH TIME ZONE,
     -- When the forwarder last had sent everything the hall had: the district's view is complete as of then.
     caught_up_at TIMESTAMP WITH TIME ZONE,
     -- What stops the hall's forwarding (a conflict), bilingual; NULL when nothing does.
     problem VARCHAR(1000)
   );
   CREATE TABLE journal_records (
     hall VARCHAR(64) NOT NULL,
     seq BIGINT NOT NULL,
     id VARCHAR(64) NOT NULL UNIQUE,
     day DATE NOT NULL,
     at BIGINT NOT NULL,
     type VARCHAR(40) NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (hall, seq)
   );
   CREATE INDEX journal_records_day ON journal_records (hall, day);`,

  // 2: tables built from the records. Times are the hall's epoch milliseconds, as in its journal.
  `CREATE TABLE projected (
     hall VARCHAR(64) PRIMARY KEY,
     seq BIGINT NOT NULL
   );
   CREATE TABLE tickets (
     hall VARCHAR(64) NOT NULL,
     ticket_id VARCHAR(80) NOT NULL,
     day DATE NOT NULL,
     number VARCHAR(32) NOT NULL,
     category_id VARCHAR(64) NOT NULL,
     source VARCHAR(32) NOT NULL,
     priority VARCHAR(32) NOT NULL,
     state VARCHAR(32) NOT NULL,
     issued_at BIGINT NOT NULL,
     called_at BIGINT,
     started_at BIGINT,
     finished_at BIGINT,
     window_id VARCHAR(64),
     staff_id VARCHAR(64),
     outcome VARCHAR(32),
     recalls INTEGER NOT NULL DEFAULT 0,
     transfers INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (hall, ticket_id)
   );
   CREATE INDEX tickets_day ON tickets (day, hall, state);
   CREATE TABLE ratings (
     hall VARCHAR(64) NOT NULL,
     ticket_id VARCHAR(80) NOT NULL,
     day DATE NOT NULL,
     at BIGINT NOT NULL,
     window_id VARCHAR(64) NOT NULL,
     staff_id VARCHAR(64) NOT NULL,
     channel VARCHAR(32),
     -- NULL: 未评价 (the pad's time ran out or the next visit came first); see expired_reason.
     level VARCHAR(32),
     reasons VARCHAR(1000),
     expired_reason VARCHAR(32),
     PRIMARY KEY (hall, ticket_id)
   );
   CREATE INDEX ratings_day ON ratings (day, hall);
   CREATE TABLE cases (
     hall VARCHAR(64) NOT NULL,
     case_id VARCHAR(80) NOT NULL,
     ticket_id VARCHAR(80) NOT NULL,
     department VARCHAR(200) NOT NULL,
     opened_day DATE NOT NULL,
     opened_at BIGINT NOT NULL,
     verify_due DATE,
     rectify_due DATE,
     follow_up_due DATE,
     state VARCHAR(32) NOT NULL,
     verdict VARCHAR(32),
     verified_at BIGINT,
     rectified_at BIGINT,
     followed_up_at BIGINT,
     closed_at BIGINT,
     PRIMARY KEY (hall, case_id)
   );
   CREATE TABLE windows (
     hall VARCHAR(64) NOT NULL,
     window_id VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     state VARCHAR(32) NOT NULL,
     staff_id VARCHAR(64),
     since BIGINT NOT NULL,
     PRIMARY KEY (hall, window_id)
   );`,

  // 3: kiosk presence as the halls record it (not in the journal): a row per line of a hall's presence
  // day file, numbered from 1, for kiosk and 24-hour uptime.
  `CREATE TABLE presence_records (
     hall VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     line INTEGER NOT NULL,
     at BIGINT NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (hall, day, line)
   );`,

  // 4: each hall's configuration as it publishes it (JSON; no password, PIN or token hashes), for
  // names of categories, windows and staff in district reports.
  `ALTER TABLE halls ADD COLUMN config TEXT;
   ALTER TABLE halls ADD COLUMN config_at TIMESTAMP WITH TIME ZONE;`,

  // 5: what district reports need to give the hall report's figures with its definitions (design.md §3):
  // a ticket's category of issue, its due time (a booking), its first call, its closed waiting and
  // serving periods summed, its walk to the window, its holds; a rating's category, text and contact
  // (the national export). The projected tables are rebuilt from journal_records with them.
  `ALTER TABLE tickets ADD COLUMN issue_category_id VARCHAR(64);
   ALTER TABLE tickets ADD COLUMN due_at BIGINT;
   -- When the ticket's current period (state) began.
   ALTER TABLE tickets ADD COLUMN since BIGINT;
   ALTER TABLE tickets ADD COLUMN first_called_at BIGINT;
   ALTER TABLE tickets ADD COLUMN waiting_ms BIGINT NOT NULL DEFAULT 0;
   ALTER TABLE tickets ADD COLUMN waits INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE tickets ADD COLUMN serving_ms BIGINT NOT NULL DEFAULT 0;
   ALTER TABLE tickets ADD COLUMN servings INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE tickets ADD COLUMN walk_ms BIGINT;
   ALTER TABLE tickets ADD COLUMN holds INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE ratings ADD COLUMN category_id VARCHAR(64);
   ALTER TABLE ratings ADD COLUMN finished_at BIGINT;
   ALTER TABLE ratings ADD COLUMN text VARCHAR(2000);
   ALTER TABLE ratings ADD COLUMN contact VARCHAR(1000);
   CREATE INDEX tickets_hall_day ON tickets (hall, day);
   DELETE FROM tickets;
   DELETE FROM ratings;
   DELETE FROM cases;
   DELETE FROM windows;
   DELETE FROM projected;`,

  // 6: district accounts (admin, evaluator; argon2id hashes as in the hall) and their sessions (the
  // token's SHA-256, never the token); what the district publishes to its halls, each a numbered
  // version of a JSON document (holidays: the working-day calendar; catalogue: 事项 with codes).
  // A fresh district is a demo one: it has the demo accounts until a real admin is set (auth-cli.ts).
  `CREATE TABLE district_accounts (
     username VARCHAR(64) PRIMARY KEY,
     name VARCHAR(200) NOT NULL,
     role VARCHAR(16) NOT NULL,
     password_hash VARCHAR(200) NOT NULL,
     demo BOOLEAN NOT NULL DEFAULT FALSE
   );
   CREATE TABLE district_sessions (
     token_hash VARCHAR(64) PRIMARY KEY,
     username VARCHAR(64) NOT NULL,
     created_at BIGINT NOT NULL,
     last_used_at BIGINT NOT NULL
   );
   CREATE TABLE district_published (
     kind VARCHAR(16) NOT NULL,
     version INTEGER NOT NULL,
     document TEXT NOT NULL,
     published_at BIGINT NOT NULL,
     published_by VARCHAR(64) NOT NULL,
     PRIMARY KEY (kind, version)
   );
   INSERT INTO district_accounts (username, name, role, password_hash, demo) VALUES
     ('demo-admin', '演示区级管理员 / demo district admin', 'admin', '${DEMO_ACCOUNT_HASH}', TRUE),
     ('demo-evaluator', '演示评价员 / demo evaluator', 'evaluator', '${DEMO_ACCOUNT_HASH}', TRUE);`,

  // 7: the 事项 and 办件编号 recorded at 办结 or linked after (figures by 事项编码), and each hall
  // day's last record: a past day's waits of tickets never called run to it, as the hall's roll-up
  // does (stats/facts.ts uncalledWait). The projected tables are rebuilt from journal_records with them.
  `ALTER TABLE tickets ADD COLUMN item_code VARCHAR(64);
   ALTER TABLE tickets ADD COLUMN case_number VARCHAR(64);
   CREATE TABLE hall_days (
     hall VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     last_at BIGINT NOT NULL,
     PRIMARY KEY (hall, day)
   );
   -- Each window's day as the hall's roll-up counts it (stats/day-accumulator.ts): time signed in and
   -- not paused, serving, paused by reason; the open period's start while one is open.
   CREATE TABLE window_days (
     hall VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     window_id VARCHAR(64) NOT NULL,
     open_ms BIGINT NOT NULL DEFAULT 0,
     serving_ms BIGINT NOT NULL DEFAULT 0,
     open_since BIGINT,
     paused_since BIGINT,
     pause_reason VARCHAR(32),
     PRIMARY KEY (hall, day, window_id)
   );
   CREATE TABLE window_pauses (
     hall VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     window_id VARCHAR(64) NOT NULL,
     reason VARCHAR(32) NOT NULL,
     ms BIGINT NOT NULL,
     PRIMARY KEY (hall, day, window_id, reason)
   );
   -- Appointment events by the day they were journaled, the day booked for and the category, counted
   -- as the hall's roll-up counts them (stats/facts.ts AppointmentFact).
   CREATE TABLE appointment_days (
     hall VARCHAR(64) NOT NULL,
     record_day DATE NOT NULL,
     day DATE NOT NULL,
     category_id VARCHAR(64) NOT NULL,
     booked INTEGER NOT NULL DEFAULT 0,
     changed INTEGER NOT NULL DEFAULT 0,
     cancelled INTEGER NOT NULL DEFAULT 0,
     checked_in INTEGER NOT NULL DEFAULT 0,
     late INTEGER NOT NULL DEFAULT 0,
     after_no_show INTEGER NOT NULL DEFAULT 0,
     no_show INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (hall, record_day, day, category_id)
   );
   DELETE FROM tickets;
   DELETE FROM ratings;
   DELETE FROM cases;
   DELETE FROM windows;
   DELETE FROM projected;`,

  // 8: each past hall day's tickets and ratings rolled up in the hall's own roll-up form (ticket-days.ts),
  // so a district report reads a row per hall day instead of sorting every ticket of the period; the
  // hall days whose roll-up is missing or out of date. Every hall day already projected is marked, so
  // the server rolls up the history it holds (until then reports read those days as before).
  `CREATE TABLE ticket_days (
     hall VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     rollup TEXT NOT NULL,
     -- The hall's projected seq when it was rolled up: a report server's copy in memory of an older one is out of date.
     version BIGINT NOT NULL,
     -- The hall's roll-up form it is in (hub/src/stats/rollup.ts ROLLUP_VERSION): a server of another form rolls it up again.
     format INTEGER NOT NULL,
     PRIMARY KEY (hall, day)
   );
   CREATE TABLE ticket_days_stale (
     hall VARCHAR(64) NOT NULL,
     day DATE NOT NULL,
     PRIMARY KEY (hall, day)
   );
   INSERT INTO ticket_days_stale (hall, day)
     SELECT hall, day FROM tickets UNION SELECT hall, day FROM ratings UNION SELECT hall, day FROM hall_days;`,
  // 9: the visits a report's 事项 figures read (finished, with a 事项) through an index of their own,
  // not a scan of the period's every ticket (a year of 115 halls: 0.17–0.3 s a report).
  `CREATE INDEX tickets_items ON tickets (hall, day) WHERE state = 'finished' AND item_code IS NOT NULL;`,
  // 10: reports' counted ticket and rating figures, saved so a server started again does not count a
  // year of tickets again (saved-figures.ts); key: what they were counted from and by (report-cache.ts).
  `CREATE TABLE counted_figures (
     key VARCHAR(64) PRIMARY KEY,
     figures TEXT NOT NULL,
     -- sha256 of figures (base64): a row that does not match is counted again.
     digest VARCHAR(64) NOT NULL,
     bytes BIGINT NOT NULL,
     -- When last read or saved (the district's clock, ms): the least recently used go first.
     used_at BIGINT NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to `target` (tests stop short of the newest); two servers starting at once wait on each other's lock. */
export async function migrate(client: pg.ClientBase, target = SCHEMA_VERSION): Promise<number> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`);
  let applied = 0;
  for (const [i, sql] of MIGRATIONS.slice(0, target).entries()) {
    const version = i + 1;
    await client.query('BEGIN');
    try {
      await client.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.rowCount === 0) {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
        applied++;
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
  return applied;
}
