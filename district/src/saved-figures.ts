// Counted figures saved in the district's database, so that a server started again (an upgrade, a
// reboot) does not count a year of tickets again for the first report it is asked: a report's ticket
// and rating figures (report.ts Counted, plain JSON) are a pure function of the period's roll-ups,
// whose version is in their key (report-cache.ts), and of the code that counts them, whose
// fingerprint is in it too — a new build never reads what an older one counted. Written one at a time
// after the answers have gone, each with a digest that a read checks; the least recently used dropped
// past a budget.
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** Database space for saved figures: a year's report of 115 halls is ~26 MB of them. */
export const SAVED_BYTES = 1024 * 1024 * 1024;

/**
 * What names the code that counts: every module of the district's server, of the hall's statistics
 * and of the shared package (a change anywhere there counts again), as built or as sources when run
 * from them. The hall's engine is not read by the counted figures (cases are put together apart).
 */
export function countingCode(): string {
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dirs = [here, ...['@yichuang/hub/dist/stats/report.js', '@yichuang/shared/reports'].map((m) => path.dirname(fileURLToPath(import.meta.resolve(m))))];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort()) {
      hash.update(name).update(readFileSync(path.join(dir, name)));
    }
  }
  return hash.digest('base64');
}

const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64');

export class SavedFigures {
  /** Figures waiting to be written, by key (the same figures asked twice are written once). */
  private readonly waiting = new Map<string, () => string>();
  /** Keys read, to be marked used. */
  private readonly used = new Set<string>();
  private writer: Promise<void> | undefined;
  private closing = false;

  constructor(
    private readonly db: pg.Pool,
    /** countingCode(): part of every key. */
    readonly code: string,
    private readonly clock: () => number,
    private readonly log: (line: string) => void,
    private readonly maxBytes = SAVED_BYTES,
  ) {}

  /**
   * The figures saved under `keys` (JSON-parsed), read on `client` (in the report's snapshot), with their
   * size. One whose digest does not match (a row edited by hand, a disk's fault) is left out, to be
   * counted again and saved over.
   */
  async read(client: pg.ClientBase, keys: readonly string[]): Promise<Map<string, { figures: unknown; bytes: number }>> {
    const out = new Map<string, { figures: unknown; bytes: number }>();
    if (keys.length === 0) return out;
    const { rows } = await client.query<{ key: string; figures: string; digest: string }>('SELECT key, figures, digest FROM counted_figures WHERE key = ANY($1)', [keys]);
    for (const r of rows) {
      if (digestOf(r.figures) !== r.digest) {
        this.log(`保存的统计结果已损坏，将重新计算 / saved figures damaged, to be counted again: ${r.key}`);
        continue;
      }
      out.set(r.key, { figures: JSON.parse(r.figures), bytes: Buffer.byteLength(r.figures) });
      this.used.add(r.key);
    }
    this.write();
    return out;
  }

  /** Saves figures (key → their JSON, made when written) once the answers have gone. */
  save(entries: ReadonlyMap<string, () => string>): void {
    for (const [key, json] of entries) if (!this.waiting.has(key)) this.waiting.set(key, json);
    this.write();
  }

  /** Writes what is waiting, and nothing asked for after (a report still running as the server closes). */
  async close(): Promise<void> {
    this.closing = true;
    await this.writer;
  }

  /** One writer at a time, on one connection of the pool: saving is a help, never a load on the answers. */
  private write(): void {
    if (this.writer || this.closing || (this.waiting.size === 0 && this.used.size === 0)) return;
    this.writer = nextTurn()
      .then(() => this.drain())
      // A failure is logged; the figures are counted again next time.
      .catch((err: Error) => this.log(`统计结果未能保存，下次将重新计算 / counted figures not saved, to be counted again: ${err.message}`))
      .finally(() => {
        this.writer = undefined;
        this.write();
      });
  }

  private async drain(): Promise<void> {
    const at = this.clock();
    if (this.used.size > 0) {
      const keys = [...this.used];
      this.used.clear();
      await this.db.query('UPDATE counted_figures SET used_at = $2 WHERE key = ANY($1)', [keys, at]);
    }
    if (this.waiting.size === 0) return;
    for (const [key, json] of this.waiting) {
      this.waiting.delete(key);
      const figures = json();
      await this.db.query(
        `INSERT INTO counted_figures (key, figures, digest, bytes, used_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET figures = EXCLUDED.figures, digest = EXCLUDED.digest, bytes = EXCLUDED.bytes, used_at = EXCLUDED.used_at`,
        [key, figures, digestOf(figures), Buffer.byteLength(figures), at],
      );
    }
    await this.db.query(
      `DELETE FROM counted_figures WHERE key IN (
         SELECT key FROM (SELECT key, SUM(bytes) OVER (ORDER BY used_at DESC, key) AS upto FROM counted_figures) x WHERE upto > $1)`,
      [this.maxBytes],
    );
  }
}
