// Keeps today's roll-up live as journal records land, and serves reports from day roll-ups,
// building a missing one from its journal (a day the hub was down at midnight, or never rolled up).
import type { HallConfig } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import type { Journal, JournalRecord } from '../storage/journal.js';
import { DayAccumulator } from './day-accumulator.js';
import type { Rating } from '@yichuang/shared/ratings';
import type { Report } from '@yichuang/shared/reports';
import { buildReport } from './report.js';
import type { DayRollup } from './rollup.js';
import type { RollupStore } from './rollup-store.js';

export interface StatsDeps {
  journal: Journal;
  rollups: RollupStore;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
}

export class StatsService {
  private today: DayAccumulator;
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly deps: StatsDeps) {
    this.today = new DayAccumulator(this.currentDay());
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
    if (day < this.currentDay() && day !== this.today.day) await this.deps.rollups.write(rollup);
    return rollup;
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
    const rollups = await Promise.all(known.filter((d) => d >= from && d <= to).map((d) => this.rollupOf(d)));
    // Cases of the period may have moved on since: their latest state is in the days after it.
    const later = await Promise.all(known.filter((d) => d > to).map((d) => this.rollupOf(d)));
    return buildReport(rollups, { from, to }, thresholdMs, { later, today: this.currentDay(), timeZone: this.timeZone });
  }
}
