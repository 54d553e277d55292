// A synthetic history with a known pattern (weekday × slot × category, Poisson counts around it, a
// holiday week, month ends) → the forecast recovers the pattern, the effects, and an honest interval.
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '@yichuang/shared/time';
import { backtest } from '../../hub/src/capacity/backtest.js';
import { Forecaster, PEERS, SLOTS, type DayCounts } from '../../hub/src/capacity/forecast.js';
import { isWorkingDay, type WorkCalendar } from '../../hub/src/engine/working-days.js';
import { Random } from '../bench/history/random.js';

const CATEGORIES = { general: 6, social: 2.5, tax: 1.2 } as const;
type Cat = keyof typeof CATEGORIES;
/** Mondays are busiest, Fridays quietest. */
const WEEKDAY = [0, 1.3, 1.0, 0.9, 1.0, 0.75, 0];
/** Morning rush, lunch closed (12:00–13:30), a smaller afternoon peak: slots 18 (09:00) to 33 (16:30). */
const PROFILE: Record<number, number> = { 18: 1.6, 19: 1.8, 20: 1.4, 21: 1.1, 22: 0.9, 23: 0.6, 27: 0.9, 28: 1.3, 29: 1.2, 30: 1.0, 31: 0.8, 32: 0.6, 33: 0.4 };
const AFTER_HOLIDAY = 1.5;
const MONTH_END = 1.2;

const calendar: WorkCalendar = {
  // 国庆-like: a week off, then a make-up Saturday.
  holidays: ['2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-09-25'],
  makeupWorkdays: ['2026-10-10'],
};
const FIRST = '2026-03-02';
const LAST = '2026-11-27';

/** The true mean of a day, slot and category. */
function rate(day: string, slot: number, cat: Cat, effects: { afterHoliday: boolean; monthEnd: boolean }): number {
  if (!isWorkingDay(day, calendar)) return 0;
  const w = weekdayOf(day);
  const weekday = WEEKDAY[w === 6 || w === 0 ? 1 : w]!;
  return CATEGORIES[cat] * (PROFILE[slot] ?? 0) * weekday * (effects.afterHoliday ? AFTER_HOLIDAY : 1) * (effects.monthEnd ? MONTH_END : 1);
}

function poisson(rng: Random, mean: number): number {
  let k = 0;
  for (let p = Math.exp(-mean), s = p, u = rng.next(); u > s; k++) {
    p *= mean / (k + 1);
    s += p;
  }
  return k;
}

function history(): { days: DayCounts[]; truth: (day: string, slot: number, cat: Cat) => number } {
  const rng = new Random(22);
  const forecaster = new Forecaster([], calendar);
  const truth = (day: string, slot: number, cat: Cat): number => {
    const effects = forecaster.kindOf(day).effects;
    return rate(day, slot, cat, { afterHoliday: effects.includes('afterHoliday'), monthEnd: effects.includes('monthEnd') });
  };
  const days: DayCounts[] = [];
  for (let d = FIRST; d <= LAST; d = addDays(d, 1)) {
    const counts: Record<string, number[]> = {};
    for (const cat of Object.keys(CATEGORIES) as Cat[]) counts[cat] = Array.from({ length: SLOTS }, (_, s) => poisson(rng, truth(d, s, cat)));
    days.push({ day: d, counts });
  }
  return { days, truth };
}

const cats = Object.keys(CATEGORIES) as Cat[];

describe('the forecast on a synthetic history with a known pattern', () => {
  const { days, truth } = history();
  const forecaster = new Forecaster(days, calendar);

  it('recovers each weekday × slot × category rate within the error of a mean of its peers', () => {
    // The week after the history: a plain Monday to Friday.
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      const f = forecaster.forecast(day, cats);
      expect(f.basis).toHaveLength(PEERS);
      expect(f.basis.every((b) => weekdayOf(b) === weekdayOf(day))).toBe(true);
      for (const cat of cats) {
        for (let s = 0; s < SLOTS; s++) {
          const lambda = truth(day, s, cat);
          // The mean of PEERS Poisson counts: standard error √(λ/PEERS); four of them.
          expect(Math.abs(f.byCategory[cat]![s]!.mean - lambda), `${day} ${cat} slot ${s}`).toBeLessThanOrEqual(4 * Math.sqrt(lambda / PEERS) + 1e-9);
        }
      }
      // Whole days: the weekday pattern itself (Monday 1.3 × Friday's 0.75 …), within 5%.
      const total = cats.reduce((a, c) => a + f.byCategory[c]!.reduce((x, y) => x + y.mean, 0), 0);
      const trueTotal = cats.reduce((a, c) => a + Array.from({ length: SLOTS }, (_, s) => truth(day, s, c)).reduce((x, y) => x + y, 0), 0);
      expect(Math.abs(total - trueTotal) / trueTotal).toBeLessThan(0.05);
    }
  });

  it('measures the working-day effects: the day after a holiday, month ends', () => {
    // 2026-10-08 (Thursday) follows the 国庆 week: its peers are ordinary Thursdays, its factor the effect's.
    const after = forecaster.forecast('2026-10-08', cats);
    expect(after.kind.effects).toEqual(['afterHoliday']);
    // Four earlier days after a holiday, one ordinary day counted with them: 1.5 shrinks to about 1.4.
    expect(after.factor).toBeGreaterThan(1.3);
    expect(after.factor).toBeLessThan(AFTER_HOLIDAY + 0.05);
    const end = forecaster.forecast('2026-11-30', cats);
    expect(end.kind.effects).toEqual(['monthEnd']);
    expect(end.factor).toBeGreaterThan(1.1);
    expect(end.factor).toBeLessThan(MONTH_END + 0.1);
    // Holidays and weekends: nobody came, nobody is expected.
    const holiday = forecaster.forecast('2026-10-01', cats);
    expect(holiday.kind.holiday).toBe(true);
    expect(cats.every((c) => holiday.byCategory[c]!.every((x) => x.mean === 0))).toBe(true);
  });

  it('gives an 80% interval that holds about 80% of what comes', () => {
    let inside = 0;
    let cells = 0;
    for (const actual of days.filter((d) => d.day >= '2026-09-01')) {
      const f = forecaster.forecast(actual.day, cats);
      for (const cat of cats) {
        for (let s = 0; s < SLOTS; s++) {
          if (truth(actual.day, s, cat) === 0) continue;
          const x = actual.counts[cat]![s]!;
          const { low, high } = f.byCategory[cat]![s]!;
          cells++;
          if (x >= low && x <= high) inside++;
        }
      }
    }
    expect(cells).toBeGreaterThan(2000);
    expect(inside / cells).toBeGreaterThan(0.72);
    expect(inside / cells).toBeLessThan(0.92);
  });

  it('backtests close to the error Poisson counts make around a perfect forecast', () => {
    const b = backtest(forecaster, days, cats, '2026-06-01');
    expect(b.days).toBeGreaterThan(100);
    expect(b.slotMape).not.toBeNull();
    // A mean of eight peers is itself off by √(1/8) of the noise: the forecast's error is ~6% above it.
    expect(b.slotMape!).toBeLessThan(b.slotNoiseFloor! * 1.2);
    expect(b.slotMape!).toBeGreaterThan(b.slotNoiseFloor! * 0.95);
    // ~140 a day: Poisson alone gives ~7% a day.
    expect(b.dayMape!).toBeLessThan(0.1);
  });
});
