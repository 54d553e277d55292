// Keeps today's roll-up live as journal records land, and serves reports from day roll-ups,
// building a missing one from its journal and presence file (a day the hub was down at midnight, or
// never rolled up).
import type { HallConfig } from '@yichuang/shared/domain';
import { addDays, serviceDay, startOfDay } from '@yichuang/shared/time';
import type { Journal, JournalRecord } from '../storage/journal.js';
import { DayAccumulator } from './day-accumulator.js';
import type { Rating } from '@yichuang/shared/ratings';
import type { Report } from '@yichuang/shared/reports';
import type { KioskFact } from './facts.js';
import { itemFiguresOf } from './item-figures.js';
import { kioskFacts, type PresenceSource } from './kiosk-uptime.js';
import { reportOf } from './report.js';
import { reportDay, ReportDayCache, reportRollupFrom, type PackedDay, type ReportDay } from './report-day.js';
import { packedTable, packMonth } from './month-pack.js';
import { decodeRatings, type DayRollup, type ReportRollup } from './rollup.js';
import type { RollupStore } from './rollup-store.js';

export interface StatsDeps {
  journal: Journal;
  rollups: RollupStore;
  /** Kiosk presence records, for kiosk uptime. */
  presence: PresenceSource;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
  /** Memory for past days kept ready for reports (default 96 MB; a year of 2,000-ticket days takes ~50 MB). */
  cacheBytes?: number;
}

const CACHE_BYTES = 96 * 1024 * 1024;
/** Roll-ups read at once: enough to overlap disk and parsing, few enough that a year is never all in memory as JSON. */
const READS_AT_ONCE = 4;
const monthOf = (day: string): string => day.slice(0, 7);

/** fn over the items, at most READS_AT_ONCE at a time; results in the items' order. */
export async function fewAtATime<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
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
  /** Month packs being made (month-pack.ts), one month after another. */
  private packing: Promise<void> = Promise.resolve();
  private closing = false;
  private lastPack: { month: string; days: Promise<Map<string, PackedDay>> } | undefined;
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
        const closed = this.today;
        // This hub has run since before the day ended: a kiosk still online in its records was online at midnight.
        this.store(closed.day, async () => closed.rollup(this.timeZone, { kiosks: await this.kiosksOf(closed.day, this.endOf(closed.day), true) }));
        this.today = new DayAccumulator(record.day);
        if (monthOf(record.day) !== monthOf(closed.day)) void this.packClosedMonths();
      }
      this.today.apply(record);
    }
  }

  /**
   * Packs each month that is over and has no pack yet (month-pack.ts), one after another, behind the
   * roll-up writes: a month's days are read, packed and let go (a pack is never kept in memory).
   * Packs can always be made again, so a failure is logged, not fatal.
   */
  packClosedMonths(): Promise<void> {
    this.packing = this.packing
      .then(async () => {
        const packed = new Set(await this.deps.rollups.packs());
        const closed = new Map<string, string[]>();
        for (const day of await this.knownDays()) {
          const month = monthOf(day);
          if (monthOf(this.currentDay()) <= month || !this.isOver(day) || packed.has(month)) continue;
          closed.set(month, [...(closed.get(month) ?? []), day]);
        }
        for (const [month, days] of closed) {
          if (this.closing) return;
          const rollups = await fewAtATime(days, (d) => this.reportRollup(d));
          await this.deps.rollups.writePack(month, packMonth(month, rollups));
        }
      })
      .catch((err: unknown) => this.deps.log(`month packs not written: ${(err as Error).message}`));
    return this.packing;
  }

  /** Stops packing months (at shutdown); resolves when a pack being written is done. */
  async close(): Promise<void> {
    this.closing = true;
    await this.packing;
  }

  /** Writes today's roll-up as it stands (periodically and at shutdown); resolves when all writes are done. */
  flush(): Promise<void> {
    const today = this.today;
    this.store(today.day, async () => today.rollup(this.timeZone, { kiosks: await this.kiosksOf(today.day, this.deps.clock(), true), partial: true }));
    return this.writes;
  }

  /** Writes a day's roll-up, made when the writes before it are done (it reads the presence file). */
  private store(day: string, rollup: () => Promise<DayRollup>): void {
    // Roll-ups can always be rebuilt from the journal, so a failed write is logged, not fatal.
    this.writes = this.writes
      .then(async () => this.deps.rollups.write(await rollup()))
      .catch((err: unknown) => this.deps.log(`roll-up ${day} not written: ${(err as Error).message}`));
  }

  private endOf(day: string): number {
    return startOfDay(addDays(day, 1), this.timeZone);
  }

  /** A day's kiosk uptime up to `until`, from its presence file (see UptimeSpan for `live`). */
  private async kiosksOf(day: string, until: number, live: boolean): Promise<KioskFact[]> {
    const { presence } = this.deps;
    return kioskFacts(await presence.read(day), day, this.deps.config(), { until, live, since: await presence.since() });
  }

  /**
   * A day's ticket table as reports read it (no ticket numbers): from its month's pack once the month
   * is over, else its roll-up. The capacity forecast reads a year of them after a start, while the
   * screens reconnect: a pack is read once for all its days, not 22 roll-ups parsed whole.
   */
  async ticketsOf(day: string): Promise<ReportRollup['tickets']> {
    const month = monthOf(day);
    if (month < monthOf(this.currentDay()) && this.isOver(day)) {
      const packed = (await this.monthPack(month)).get(day);
      if (packed) return packedTable(packed.tickets);
    }
    return (await this.reportRollup(day)).tickets;
  }

  /**
   * The month pack last asked for, while its days are asked for in turn: dropped once the event loop
   * moves on (after a caller has gone through the month's days), so a pack is never kept.
   */
  private monthPack(month: string): Promise<Map<string, PackedDay>> {
    if (this.lastPack?.month !== month) {
      const days = this.deps.rollups.readPack(month).then((ds) => new Map((ds ?? []).map((d) => [d.day, d])));
      const pack = { month, days };
      this.lastPack = pack;
      const drop = (): void => {
        setImmediate(() => {
          if (this.lastPack === pack) this.lastPack = undefined;
        });
      };
      days.then(drop, drop);
    }
    return this.lastPack!.days;
  }

  async rollupOf(day: string): Promise<DayRollup> {
    return this.dayRollup(day, (d) => this.deps.rollups.read(d), (r) => r);
  }

  /** A day's roll-up as a report reads it (rollup-store.ts reportRollupOf). */
  private reportRollup(day: string): Promise<ReportRollup> {
    return this.dayRollup(day, (d) => this.deps.rollups.readForReport(d), reportRollupFrom);
  }

  /**
   * Today's roll-up as it stands, else the stored one as `read` reads it, rebuilt if missing, stale or
   * partial; `whole` gives a whole roll-up (today's, a rebuilt one) in the form `read` gives.
   */
  private async dayRollup<R extends { partial?: true }>(day: string, read: (day: string) => Promise<R | null>, whole: (r: DayRollup) => R): Promise<R> {
    if (day === this.today.day) {
      const now = this.deps.clock();
      return whole(this.today.rollup(this.timeZone, { until: now, kiosks: await this.kiosksOf(day, now, true), partial: true }));
    }
    await this.writes; // a day just closed may still be on its way to disk
    const stored = await read(day);
    if (stored && !stored.partial) return stored;
    return whole(await this.rebuild(day));
  }

  /**
   * Rebuilds one day's roll-up from its journal and presence file, exactly; a day that is over is
   * stored. Today's is rebuilt as of now, as the live one is (window times, kiosk uptime, waits of those not yet called).
   */
  async rebuild(day: string): Promise<DayRollup> {
    const acc = new DayAccumulator(day);
    for (const record of await this.deps.journal.readDay(day)) acc.apply(record);
    const over = this.isOver(day);
    const until = over ? this.endOf(day) : this.deps.clock();
    const rollup = acc.rollup(this.timeZone, { ...(!over && { until }), kiosks: await this.kiosksOf(day, until, false), partial: !over });
    if (over) {
      await this.deps.rollups.write(rollup);
      await this.deps.rollups.deletePack(monthOf(day));
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
   * its next day carries too: a case is in the roll-up of every day that moved it, and a report only
   * wants its latest version, which is never in a day before one that carries it.
   */
  private async reportDays(days: readonly string[]): Promise<ReportDay[]> {
    const packed = await this.packedDays(days.filter((d) => !this.pastDays.get(d) && this.isOver(d)));
    const loaded = await fewAtATime(days, async (day) => {
      const cached = this.pastDays.get(day);
      if (cached) return { d: cached, keep: false };
      const over = this.isOver(day);
      return { d: reportDay(packed.get(day) ?? (await this.reportRollup(day))), keep: over };
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

  /** The days found in their months' packs (months that are over), as reports read them. */
  private async packedDays(days: readonly string[]): Promise<Map<string, PackedDay>> {
    await this.writes; // a day just closed may still be on its way to disk (and its month's pack with it)
    const current = monthOf(this.currentDay());
    const months = [...new Set(days.map(monthOf))].filter((m) => m < current);
    const out = new Map<string, PackedDay>();
    for (const pack of await fewAtATime(months, (m) => this.deps.rollups.readPack(m))) for (const d of pack ?? []) out.set(d.day, d);
    return out;
  }

  /** Days kept in memory for reports, and roughly how many bytes they hold. */
  cacheSize(): { days: number; bytes: number } {
    return this.pastDays.size;
  }

  /** Every rating record (and 未评价) of the period, oldest first. */
  async ratingsIn(from: string, to: string): Promise<Rating[]> {
    const rollups = await fewAtATime(await this.daysIn(from, to), (d) => this.rollupOf(d));
    return rollups.flatMap((r) => decodeRatings(r.ratings, r.day));
  }

  /** The period's days with data (and today, if in it), oldest first. */
  async daysIn(from: string, to: string): Promise<string[]> {
    return (await this.knownDays()).filter((d) => d >= from && d <= to);
  }

  /** Every day with a journal or a roll-up, and today, in order. */
  async knownDays(): Promise<string[]> {
    return [...new Set([...(await this.deps.journal.days()), ...(await this.deps.rollups.days()), this.today.day])].sort();
  }

  async report(from: string, to: string, thresholdMs: number): Promise<Report> {
    const known = await this.knownDays();
    // Cases of the period may have moved on since: their latest state is in the days after it.
    const all = await this.reportDays(known.filter((d) => d >= from));
    const days = all.filter((d) => d.day <= to);
    const later = all.filter((d) => d.day > to);
    const comprehensiveWindows = this.deps.config().windows.filter((w) => w.kind === 'comprehensive').map((w) => w.id);
    const report = reportOf(days, later, { range: { from, to }, thresholdMs, cases: { today: this.currentDay() }, comprehensiveWindows });
    return { ...report, byItem: itemFiguresOf(days) };
  }
}
