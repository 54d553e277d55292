// How the forecast did on the hall's own past: each day forecast from the days before it only, then
// compared with what came. Mean absolute percentage error (MAPE) per slot and per day, hall-wide and
// per category; cells where nobody came are left out (a percentage of zero is undefined).
import type { Backtest } from '@yichuang/shared/capacity';
import { SLOTS, type DayCounts, type Forecaster } from './forecast.js';

/** A day is scored only when its forecast stands on at least this many peers. */
export const MIN_PEERS = 4;

class Mape {
  private total = 0;
  private n = 0;
  add(forecast: number, actual: number): void {
    if (actual <= 0) return;
    this.total += Math.abs(forecast - actual) / actual;
    this.n++;
  }
  get value(): number | null {
    return this.n ? this.total / this.n : null;
  }
}

/** The days of `history` from `from` on (all when absent) that can be scored, each against the days before it. */
export function backtest(forecaster: Forecaster, history: readonly DayCounts[], categories: readonly string[], from = ''): Backtest {
  const slot = new Mape();
  const day = new Mape();
  // The error a perfect forecast still makes on Poisson counts, weighted as the cells it is scored on.
  const floor = { total: 0, n: 0 };
  const perCategory = new Map(categories.map((c) => [c, { slot: new Mape(), day: new Mape() }]));
  let days = 0;
  for (const actual of history) {
    if (actual.day < from) continue;
    const f = forecaster.forecast(actual.day, categories);
    if (f.basis.length < MIN_PEERS) continue;
    days++;
    let dayF = 0;
    let dayA = 0;
    for (let s = 0; s < SLOTS; s++) {
      let slotF = 0;
      let slotA = 0;
      for (const c of categories) {
        const fc = f.byCategory[c]![s]!.mean;
        const ac = actual.counts[c]?.[s] ?? 0;
        perCategory.get(c)!.slot.add(fc, ac);
        slotF += fc;
        slotA += ac;
      }
      slot.add(slotF, slotA);
      if (slotF > 0) {
        const scored = 1 - Math.exp(-slotF);
        floor.total += scored * poissonApe(slotF);
        floor.n += scored;
      }
      dayF += slotF;
      dayA += slotA;
    }
    day.add(dayF, dayA);
    for (const c of categories) {
      const m = perCategory.get(c)!;
      const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
      m.day.add(sumOf(f.byCategory[c]!.map((x) => x.mean)), sumOf(actual.counts[c] ?? []));
    }
  }
  const byCategory: Backtest['byCategory'] = {};
  for (const [c, m] of perCategory) byCategory[c] = { slotMape: m.slot.value, dayMape: m.day.value };
  return { days, slotMape: slot.value, dayMape: day.value, slotNoiseFloor: floor.n ? floor.total / floor.n : null, byCategory };
}

/**
 * E[|X − λ| / X | X > 0] for X ~ Poisson(λ): the percentage error of a forecast that is exactly the
 * mean, over the slots where someone came (those MAPE scores).
 */
export function poissonApe(lambda: number): number {
  let p = Math.exp(-lambda);
  let total = 0;
  const last = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 12);
  for (let k = 1; k <= last; k++) {
    p *= lambda / k;
    total += (p * Math.abs(k - lambda)) / k;
  }
  return total / (1 - Math.exp(-lambda));
}
