// Counted figures saved in the district's database, so that a server started again (an upgrade, a
// reboot) does not count a year of tickets again for the first report it is asked: a report's ticket
// and rating figures (report.ts Counted, plain JSON) are a pure function of the period's roll-ups,
// whose version is in their key (report-cache.ts), and of the code that counts them, whose
// fingerprint is in it too — a new build never reads what an older one counted. Written after the
// answer has gone, least recently used dropped past a budget.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** Database space for saved figures: a year's report of 115 halls is ~26 MB of them. */
export const SAVED_BYTES = 1024 * 1024 * 1024;

/**
 * What names the code that counts: the modules of the district's reports, the hall's statistics and
 * the shared report definitions, as built (or as sources, when run from them).
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

export class SavedFigures {
  /** Writes under way (close waits for them). */
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly db: pg.Pool,
    /** countingCode(): part of every key. */
    readonly code: string,
    private readonly clock: () => number,
    private readonly log: (line: string) => void,
    private readonly maxBytes = SAVED_BYTES,
  ) {}

  /**
   * The figures saved under `keys`, read on `client` (in the report's snapshot), with their size. One
   * that does not parse or is not `T` (a row edited by hand, a disk's fault) is left out, to be counted
   * again and saved over.
   */
  async read<T>(client: pg.ClientBase, keys: readonly string[], isFigures: (v: unknown) => v is T): Promise<Map<string, { figures: T; bytes: number }>> {
    const out = new Map<string, { figures: T; bytes: number }>();
    if (keys.length === 0) return out;
    const { rows } = await client.query<{ key: string; figures: string }>('SELECT key, figures FROM counted_figures WHERE key = ANY($1)', [keys]);
    for (const r of rows) {
      let figures: unknown;
      try {
        figures = JSON.parse(r.figures);
      } catch {
        figures = undefined;
      }
      if (isFigures(figures)) out.set(r.key, { figures, bytes: r.figures.length });
      else this.log(`保存的统计结果无法读取，将重新计算 / saved figures unreadable, to be counted again: ${r.key}`);
    }
    if (out.size > 0) this.background(async () => void (await this.db.query('UPDATE counted_figures SET used_at = $2 WHERE key = ANY($1)', [[...out.keys()], this.clock()])));
    return out;
  }

  /** Saves figures (key → JSON) once the caller has moved on; then drops the least recently used past the budget. */
  save(entries: ReadonlyMap<string, () => string>): void {
    if (entries.size === 0) return;
    this.background(async () => {
      const at = this.clock();
      for (const [key, json] of entries) {
        const figures = json();
        await this.db.query(
          `INSERT INTO counted_figures (key, figures, bytes, used_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key) DO UPDATE SET figures = EXCLUDED.figures, bytes = EXCLUDED.bytes, used_at = EXCLUDED.used_at`,
          [key, figures, Buffer.byteLength(figures), at],
        );
      }
      await this.db.query(
        `DELETE FROM counted_figures WHERE key IN (
           SELECT key FROM (SELECT key, SUM(bytes) OVER (ORDER BY used_at DESC, key) AS upto FROM counted_figures) x WHERE upto > $1)`,
        [this.maxBytes],
      );
    });
  }

  /** Waits for the writes under way. */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await Promise.all(this.writing);
  }

  /** Saving is a help, never a condition of an answer: a failure is logged and the figures counted again next time. */
  private background(work: () => Promise<void>): void {
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err: Error) => this.log(`统计结果未能保存，下次将重新计算 / counted figures not saved, to be counted again: ${err.message}`))
      .finally(() => this.writing.delete(p));
    this.writing.add(p);
  }
}
