// One connection to the district's PostgreSQL, as a hall's forwarder uses it. The tables are the
// district server's (district/src/schema.ts): journal_records, one row per journal record with
// primary key (hall, seq) and the record's id unique across halls; halls, each hall's identity and link;
// presence_records, the kiosk presence lines.
import type { PublishedKind } from '@yichuang/shared/district';
import type { Bilingual } from '@yichuang/shared/errors';
import type { HallLevel } from '@yichuang/shared/lists';
import pg from 'pg';
import type { JournalRecord } from '../storage/journal.js';
import type { PresenceLine } from './presence-tail.js';

export interface HallIdentity {
  id: string;
  name: string;
  nameEn: string;
  level: HallLevel;
  timeZone: string;
}

/** The district refused records: they would mix two halls' journals. Not cured by retrying. */
export class FederationConflict extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

/** Placeholders $from..$from+n-1, comma-separated. */
const params = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

export class DistrictLink {
  readonly #client: pg.Client;
  #connected = false;

  private constructor(client: pg.Client) {
    this.#client = client;
  }

  /** A link not yet connected: connect() it; close() ends it whenever called, even while connecting. */
  static create(url: string, timeoutMs: number, onLost: (err: Error) => void): DistrictLink {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
      application_name: 'yichuang-hub',
    });
    // A connection lost while idle is reported here; without a listener it would end the hub.
    client.on('error', onLost);
    return new DistrictLink(client);
  }

  /** Connects; every call after gives up after the link's timeout, so a stalled link is noticed, not waited on. */
  static async open(url: string, timeoutMs: number, onLost: (err: Error) => void): Promise<DistrictLink> {
    const link = DistrictLink.create(url, timeoutMs, onLost);
    await link.connect();
    return link;
  }

  async connect(): Promise<void> {
    try {
      await this.#client.connect();
      this.#connected = true;
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** Names the hall and publishes its configuration (both as they are now), and clears a problem it had. */
  async announce(hall: HallIdentity, config: string): Promise<void> {
    await this.#client.query(
      `INSERT INTO halls (id, name, name_en, level, time_zone, config, config_at, contact_at)
       VALUES ($1, $2, $3, $4, $5, $6, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
         time_zone = EXCLUDED.time_zone, config = EXCLUDED.config, config_at = EXCLUDED.config_at,
         contact_at = EXCLUDED.contact_at, problem = NULL`,
      [hall.id, hall.name, hall.nameEn, hall.level, hall.timeZone, config],
    );
  }

  /** The hall's newest record the district holds: forwarding resumes after it. */
  async lastHeld(hall: string): Promise<{ seq: number; day: string; id: string } | undefined> {
    const { rows } = await this.#client.query<{ seq: string; day: string; id: string }>(
      `SELECT seq, CAST(day AS VARCHAR(10)) AS day, id FROM journal_records WHERE hall = $1 ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY`,
      [hall],
    );
    const row = rows[0];
    return row && { seq: Number(row.seq), day: row.day, id: row.id };
  }

  /**
   * Inserts records in one transaction, with the hall's newest seq (`headSeq`); a record the district already holds (sent before, its ack
   * lost) is skipped. A record whose (hall, seq) or id the district holds for another record is a
   * conflict: nothing of the batch is kept, and the reason names what clashed.
   */
  async send(hall: string, records: readonly JournalRecord[], headSeq: number): Promise<void> {
    const db = this.#client;
    const values: unknown[] = [];
    const rows = records.map((r) => {
      const at = values.length + 1;
      values.push(hall, r.seq, r.id, r.day, r.at, r.event.type, JSON.stringify(r));
      return `(${params(at, 7)})`;
    });
    await db.query('BEGIN');
    try {
      const inserted = await db.query<{ seq: string }>(
        `INSERT INTO journal_records (hall, seq, id, day, at, type, record) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING seq`,
        values,
      );
      if (inserted.rows.length < records.length) {
        const done = new Set(inserted.rows.map((r) => Number(r.seq)));
        const skipped = records.filter((r) => !done.has(r.seq));
        const clash = await this.#clash(hall, skipped);
        if (clash) {
          await db.query('ROLLBACK');
          throw await this.refuse(hall, clash);
        }
      }
      // How far the hall's journal goes travels with each batch, so the district's lag is never judged on an old figure.
      await this.#report(hall, headSeq, records.at(-1)!.seq >= headSeq);
      await db.query('COMMIT');
    } catch (err) {
      if (!(err instanceof FederationConflict)) await db.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** Shows the district why the hall's forwarding stopped, and answers the conflict to throw. */
  async refuse(hall: string, reason: Bilingual): Promise<FederationConflict> {
    await this.#client.query('UPDATE halls SET problem = $2 WHERE id = $1', [hall, `${reason.zh} / ${reason.en}`.slice(0, 1000)]);
    return new FederationConflict(reason);
  }

  /** Why skipped records are not simply held already, if they are not. */
  async #clash(hall: string, skipped: readonly JournalRecord[]): Promise<Bilingual | undefined> {
    const seqs = skipped.map((r) => r.seq);
    const ids = skipped.map((r) => r.id);
    const { rows } = await this.#client.query<{ hall: string; seq: string; id: string }>(
      `SELECT hall, seq, id FROM journal_records WHERE (hall = $1 AND seq IN (${params(2, seqs.length)})) OR id IN (${params(2 + seqs.length, ids.length)})`,
      [hall, ...seqs, ...ids],
    );
    for (const r of skipped) {
      const atSeq = rows.find((row) => row.hall === hall && Number(row.seq) === r.seq);
      if (atSeq?.id === r.id) continue;
      if (atSeq) {
        return {
          zh: `区级数据库中大厅 ${hall} 的第 ${r.seq} 条记录是另一条记录：另一台 hub 也以编号 ${hall} 转发，或本数据目录是从旧备份恢复的。已停止转发，大厅照常运行`,
          en: `the district holds a different record as hall ${hall}'s seq ${r.seq}: another hub forwards as ${hall}, or this data folder was restored from an older backup. Forwarding stopped; the hall runs on`,
        };
      }
      const owner = rows.find((row) => row.id === r.id);
      return {
        zh: `记录 ${r.id} 已作为大厅 ${owner?.hall ?? '?'} 的第 ${owner?.seq ?? '?'} 条存于区级数据库：本数据目录是从另一大厅复制的。已停止转发，大厅照常运行`,
        en: `record ${r.id} is already held as hall ${owner?.hall ?? '?'}'s seq ${owner?.seq ?? '?'}: this data folder was copied from another hall. Forwarding stopped; the hall runs on`,
      };
    }
    return undefined;
  }

  /** The last presence line the district holds for the hall: presence resumes after it. */
  async lastPresence(hall: string): Promise<{ day: string; line: number } | undefined> {
    const { rows } = await this.#client.query<{ day: string; line: number }>(
      `SELECT CAST(day AS VARCHAR(10)) AS day, line FROM presence_records WHERE hall = $1 ORDER BY day DESC, line DESC FETCH FIRST 1 ROWS ONLY`,
      [hall],
    );
    return rows[0];
  }

  /** Inserts presence lines; a line held already (sent before) is kept once. */
  async sendPresence(hall: string, lines: readonly PresenceLine[]): Promise<void> {
    const values: unknown[] = [];
    const rows = lines.map((l) => {
      const at = values.length + 1;
      values.push(hall, l.day, l.line, l.at, l.record);
      return `(${params(at, 5)})`;
    });
    await this.#client.query(`INSERT INTO presence_records (hall, day, line, at, record) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`, values);
  }

  /** Tells an idle link's district it is alive, how far the hall's journal goes, and whether all of it is sent. */
  heartbeat(hall: string, headSeq: number, caughtUp: boolean): Promise<void> {
    return this.#report(hall, headSeq, caughtUp);
  }

  async #report(hall: string, headSeq: number, caughtUp: boolean): Promise<void> {
    await this.#client.query(
      `UPDATE halls SET contact_at = CURRENT_TIMESTAMP, head_seq = $2,
         caught_up_at = CASE WHEN $3 THEN CURRENT_TIMESTAMP ELSE caught_up_at END
       WHERE id = $1`,
      [hall, headSeq, caughtUp],
    );
  }

  /**
   * The newest version of each kind the district publishes (district_published), where newer than
   * `taken`; documents as stored, checked by the taker. A district from before publishing has no table: nothing.
   */
  async published(taken: Record<PublishedKind, number>): Promise<Array<{ kind: string; version: number; document: string; published_at: string; published_by: string }>> {
    try {
      const { rows } = await this.#client.query<{ kind: string; version: number; document: string; published_at: string; published_by: string }>(
        `SELECT p.kind, p.version, p.document, p.published_at, p.published_by FROM district_published p
         WHERE p.version = (SELECT MAX(q.version) FROM district_published q WHERE q.kind = p.kind)
           AND ((p.kind = 'holidays' AND p.version > $1) OR (p.kind = 'catalogue' AND p.version > $2))`,
        [taken.holidays, taken.catalogue],
      );
      return rows;
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') return [];
      throw err;
    }
  }

  /** Closes without waiting on a link that may be stalled. */
  close(): void {
    // end() while connecting would leave connect() unsettled for ever (pg then ignores the socket's
    // end): a connection attempt is only cut, and connect() fails with it.
    if (this.#connected) this.#client.end().catch(() => undefined);
    this.#client.connection.stream.destroy();
  }
}
