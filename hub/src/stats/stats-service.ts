// Keeps today's roll-up live as journal records land, and serves reports from day roll-ups,
// building a missing one from its journal (a day the hub was down at midnight, or never rolled up).
import type { HallConfig } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import type { Journal, JournalRecord } from '../storage/journal.js';
import { DayAccumulator } from './day-accumulator.js';
import type { Rating } from '@yichuang/shared/ratings';
import type { Report } from '@yichuang/shared/reports';
import { reportOf } from './report.js';
import { reportDay, ReportDayCache, type ReportDay } from './report-day.js';
import type { DayRollup } from './rollup.js';
import type { RollupStore } from './rollup-store.js';

export interface StatsDeps {
  journal: Journal;
  rollups: RollupStore;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
  /** Memory for past days kept ready for reports (default 96 MB; a year of 2,000-ticket days takes ~70 MB). */
  cacheBytes?: number;
}

const CACHE_BYTES = 96 * 1024 * 1024;
/** Roll-ups read at once: enough to overlap disk and parsing, few enough that a year is never all in memory as JSON. */
const READS_AT_ONCE = 4;

/** fn over the items, at most READS_AT_ONCE at a time; results in the items' order. */
async function fewAtATime<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, worker));
  return out;
}

export class StatsService {
  private today: DayAccumulator;
  private writes: Promise<void> = Promise.resolve();
  /** Days that are over never change: what a report needs of them stays in memory, within a budget. */
  private readonly pastDays: ReportDayCache;

  private constructor(private readonly deps: StatsDeps) {
    this.today = new DayAccumulator(this.currentDay());
    this.pastDays = new ReportDayCache(deps.cacheBytes ?? CACHE_BYTES);
  }

  /** Catches up with today's journal; call before feeding live records. */
  static async open(deps: StatsDeps): Promise<StatsService> {
    const stats = new StatsService(deps);
    for (const record of await deps.journal.readDay(stats.today.day)) stats.today.apply(record);
    return stats;
  }

  private get timeZone(): string {
    return this.deps.config().hall.timeZone;
  }

  private currentDay(): string {
    return serviceDay(this.deps.clock(), this.deps.config().hall.timeZone);
  }

  /** Live feed, in journal order. A record of a later day closes the current one and stores its roll-up. */
  apply(records: readonly JournalRecord[]): void {
    for (const record of records) {
      if (record.day > this.today.day) {
        this.store(this.today.rollup(this.timeZone));
        this.today = new DayAccumulator(record.day);
      }
      this.today.apply(record);
    }
  }

  /** Writes today's roll-up as it stands (periodically and at shutdown); resolves when all writes are done. */
  flush(): Promise<void> {
    this.store(this.today.rollup(this.timeZone));
    return this.writes;
  }

  private store(rollup: DayRollup): void {
    // Roll-ups can always be rebuilt from the journal, so a failed write is logged, not fatal.
    this.writes = this.writes
      .then(() => this.deps.rollups.write(rollup))
      .catch((err: unknown) => this.deps.log(`roll-up ${rollup.day} not written: ${(err as Error).message}`));
  }

  async rollupOf(day: string): Promise<DayRollup> {
    if (day === this.today.day) return this.today.rollup(this.timeZone, this.deps.clock());
    await this.writes; // a day just closed may still be on its way to disk
    const stored = await this.deps.rollups.read(day);
    if (stored) return stored;
    return this.rebuild(day);
  }

  /** Rebuilds one day's roll-up from its journal, exactly; a day that is over is stored. */
  async rebuild(day: string): Promise<DayRollup> {
    const acc = new DayAccumulator(day);
    for (const record of await this.deps.journal.readDay(day)) acc.apply(record);
    const rollup = acc.rollup(this.timeZone);
    if (this.isOver(day)) {
      await this.deps.rollups.write(rollup);
      this.pastDays.delete(day);
    }
    return rollup;
  }

  /** Before today by the clock, and not the day still being fed live: its roll-up is final. */
  private isOver(day: string): boolean {
    return day < this.currentDay() && day !== this.today.day;
  }

  /**
   * The given days (consecutive known days, oldest first) as reports read them: from memory for a day
   * that is over, else from its roll-up. A day that is over is then kept, without the bad-rating cases
   * its next day carries too: a case travels in every day's roll-up while open and for a month after,
   * and a report only wants its latest version, which is never in a day before one that carries it.
   */
  private async reportDays(days: readonly string[]): Promise<ReportDay[]> {
    const loaded = await fewAtATime(days, async (day) => {
      const cached = this.pastDays.get(day);
      if (cached) return { d: cached, keep: false };
      const over = this.isOver(day);
      return { d: reportDay(await this.rollupOf(day)), keep: over };
    });
    return loaded.map(({ d, keep }, i) => {
      if (!keep) return d;
      const next = loaded[i + 1]?.d;
      const later = new Set(next?.cases.map((c) => c.id));
      const kept = next ? { ...d, cases: d.cases.filter((c) => !later.has(c.id)) } : d;
      this.pastDays.set(kept);
      return kept;
    });
  }

  /** Days kept in memory for reports, and roughly how many bytes they hold. */
  cacheSize(): { days: number; bytes: number } {
    return this.pastDays.size;
  }

  /** Every rating record (and 未评价) of the period, oldest first. */
  async ratingsIn(from: string, to: string): Promise<Rating[]> {
    const known = await this.knownDays();
    const rollups = await Promise.all(known.filter((d) => d >= from && d <= to).map((d) => this.rollupOf(d)));
    return rollups.flatMap((r) => r.ratings);
  }

  /** Every day with a journal or a roll-up, and today, in order. */
  private async knownDays(): Promise<string[]> {
    return [...new Set([...(await this.deps.journal.days()), ...(await this.deps.rollups.days()), this.today.day])].sort();
  }

  async report(from: string, to: string, thresholdMs: number): Promise<Report> {
    const known = await this.knownDays();
    // Cases of the period may have moved on since: their latest state is in the days after it.
    const all = await this.reportDays(known.filter((d) => d >= from));
    const days = all.filter((d) => d.day <= to);
    const later = all.filter((d) => d.day > to);
    return reportOf(days, later, { range: { from, to }, thresholdMs, cases: { today: this.currentDay(), timeZone: this.timeZone } });
  }
}
