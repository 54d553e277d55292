// Staffing advice from the day roll-ups: reads each past day once (a day that is over never changes),
// forecasts, advises, backtests; and keeps today's forecast at hand for the live board's tidal advice.
import { SLOT_MIN, type CapacityAdvice, type LookAhead } from '@yichuang/shared/capacity';
import type { HallConfig } from '@yichuang/shared/domain';
import { addDays, serviceDay, startOfDay } from '@yichuang/shared/time';
import type { TicketTable } from '../stats/rollup.js';
import { categoryAdvice, serviceOf, type Target } from './advice.js';
import { backtest } from './backtest.js';
import { addMoments, daySummary, emptyMoments, type DaySummary, type Moments } from './day-summary.js';
import { Forecaster, type DayForecast } from './forecast.js';

export interface CapacityDeps {
  /** Every day with data, oldest first (the statistics' days). */
  days: () => Promise<string[]>;
  /** A day's ticket table (the statistics' roll-up). */
  tickets: (day: string) => Promise<Omit<TicketTable, 'number'>>;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
}

/** A year and a week: every weekday of the past year, and last year's holidays for this year's. */
const HISTORY_DAYS = 372;
/** Service times are measured over the last eight weeks: recent enough to follow a change of staff. */
const SERVICE_DAYS = 56;
/** Days read at once. */
const READS_AT_ONCE = 4;

export class CapacityService {
  private readonly summaries = new Map<string, DaySummary>();
  private todayCache: { day: string; forecast: DayForecast; service: Map<string, Moments> } | undefined;
  private refreshing: Promise<void> | undefined;
  private backtestCache: { key: string; value: CapacityAdvice['backtest'] } | undefined;

  constructor(private readonly deps: CapacityDeps) {}

  private get timeZone(): string {
    return this.deps.config().hall.timeZone;
  }

  private today(): string {
    return serviceDay(this.deps.clock(), this.timeZone);
  }

  /** Days over, from HISTORY_DAYS before `until` up to the day before it, as summaries (oldest first). */
  private async history(until: string): Promise<DaySummary[]> {
    const from = addDays(until, -HISTORY_DAYS);
    const days = (await this.deps.days()).filter((d) => d >= from && d < until);
    // Kept for a year and a bit past the window (a past day asked for), not for ever.
    const stale = addDays(from, -HISTORY_DAYS);
    for (const day of this.summaries.keys()) if (day < stale) this.summaries.delete(day);
    const out: DaySummary[] = new Array<DaySummary>(days.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < days.length) {
        const i = next++;
        const day = days[i]!;
        let s = this.summaries.get(day);
        if (!s) {
          s = daySummary(day, await this.deps.tickets(day));
          this.summaries.set(day, s);
        }
        out[i] = s;
      }
    };
    await Promise.all(Array.from({ length: READS_AT_ONCE }, worker));
    return out;
  }

  private forecaster(history: readonly DaySummary[]): Forecaster {
    const { holidays, makeupWorkdays } = this.deps.config().hall.schedule;
    return new Forecaster(history, { holidays, makeupWorkdays });
  }

  private categoryIds(): string[] {
    return this.deps.config().categories.map((c) => c.id);
  }

  /** Service times per category over the last SERVICE_DAYS of the history. */
  private service(history: readonly DaySummary[], until: string): Map<string, Moments> {
    const from = addDays(until, -SERVICE_DAYS);
    const out = new Map<string, Moments>();
    for (const d of history) {
      if (d.day < from) continue;
      for (const [c, m] of Object.entries(d.service)) {
        const into = out.get(c) ?? emptyMoments();
        addMoments(into, m);
        out.set(c, into);
      }
    }
    return out;
  }

  async advice(day: string, target: Target): Promise<CapacityAdvice> {
    const today = this.today();
    const until = day < today ? day : today;
    const history = await this.history(until);
    const forecaster = this.forecaster(history);
    const forecast = forecaster.forecast(day, this.categoryIds());
    const basis = new Set(forecast.basis);
    const categories = categoryAdvice({
      config: this.deps.config(),
      forecast,
      service: this.service(history, until),
      past: history.filter((d) => basis.has(d.day)),
      target,
    });
    const { weekday, working, effects } = forecast.kind;
    return { day, weekday, working, effects, basis: forecast.basis, factor: Math.round(forecast.factor * 1000) / 1000, targetMin: target.targetMin, share: target.share, categories, backtest: this.backtestOf(today, history, forecaster) };
  }

  /** The backtest over the history before today: the same whichever day is asked for, so made once a day. */
  private backtestOf(today: string, history: readonly DaySummary[], forecaster: Forecaster): CapacityAdvice['backtest'] {
    const key = `${today} ${history.length} ${history.at(-1)?.day ?? ''}`;
    if (this.backtestCache?.key !== key) this.backtestCache = { key, value: backtest(forecaster, history, this.categoryIds()) };
    return this.backtestCache.value;
  }

  /** Makes today's forecast (once a day; the live board asks often and must not wait for it). */
  refreshToday(): Promise<void> {
    const today = this.today();
    if (this.todayCache?.day === today) return Promise.resolve();
    this.refreshing ??= (async () => {
      const history = await this.history(today);
      this.todayCache = { day: today, forecast: this.forecaster(history).forecast(today, this.categoryIds()), service: this.service(history, today) };
    })()
      .catch((err: unknown) => this.deps.log(`capacity: today's forecast not made: ${(err as Error).stack ?? String(err)}`))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Arrivals expected from `now` for `horizonMin` minutes, per category; undefined until today's forecast is made. */
  lookAhead(now: number, horizonMin: number): LookAhead | undefined {
    const today = serviceDay(now, this.timeZone);
    if (this.todayCache?.day !== today) {
      void this.refreshToday();
      return undefined;
    }
    const { forecast, service } = this.todayCache;
    const fromMin = (now - startOfDay(today, this.timeZone)) / 60_000;
    const categories = new Map<string, { arrivals: number; serviceMin: number | null }>();
    for (const [c, slots] of Object.entries(forecast.byCategory)) {
      categories.set(c, { arrivals: arrivalsBetween(slots.map((s) => s.mean), fromMin, fromMin + horizonMin), serviceMin: serviceOf(service.get(c))?.mean ?? null });
    }
    return { horizonMin, categories };
  }
}

/** Expected arrivals between two clock minutes, each slot's spread evenly over its minutes. */
export function arrivalsBetween(perSlot: readonly number[], fromMin: number, toMin: number): number {
  let total = 0;
  for (let s = Math.floor(fromMin / SLOT_MIN); s < perSlot.length && s * SLOT_MIN < toMin; s++) {
    const overlap = Math.min(toMin, (s + 1) * SLOT_MIN) - Math.max(fromMin, s * SLOT_MIN);
    if (overlap > 0) total += (perSlot[s]! * overlap) / SLOT_MIN;
  }
  return total;
}
