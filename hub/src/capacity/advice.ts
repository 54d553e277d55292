// The staffing advice for one day (pure): per category and slot, the forecast, the windows Erlang C
// says meet the target, the windows planned in the configuration, the shortfall, and the wait to
// expect with the planned ones; and per category the model checked against the hall's own past waits.
import { SLOT_MIN, type CategoryAdvice, type SlotAdvice } from '@yichuang/shared/capacity';
import type { Category, HallConfig } from '@yichuang/shared/domain';
import { meanWaitMin, windowsNeeded } from './erlang.js';
import { addMoments, emptyMoments, type DaySummary, type Moments } from './day-summary.js';
import type { DayForecast } from './forecast.js';

export interface Target {
  /** Minutes a wait may last… */
  targetMin: number;
  /** …for this share of visitors (0–1). */
  share: number;
}

/** Rounded for the page and the API: forecasts to a tenth of a visitor, minutes to a tenth. */
const tenth = (x: number): number => Math.round(x * 10) / 10;
const clock = (slot: number): string => `${String(Math.floor((slot * SLOT_MIN) / 60)).padStart(2, '0')}:${String((slot * SLOT_MIN) % 60).padStart(2, '0')}`;

/** Each category's planned windows: a window serving several categories counts for each by its weight's share. */
export function plannedWindows(config: HallConfig): Map<string, { windows: number; shared: boolean }> {
  const out = new Map<string, { windows: number; shared: boolean }>();
  for (const w of config.windows) {
    const total = w.categories.reduce((a, c) => a + c.weight, 0);
    if (total <= 0) continue;
    for (const c of w.categories) {
      const p = out.get(c.categoryId) ?? { windows: 0, shared: false };
      p.windows += c.weight / total;
      p.shared ||= w.categories.length > 1;
      out.set(c.categoryId, p);
    }
  }
  return out;
}

/** Whole windows for the model: a share of a window still opens one. */
const servers = (planned: number): number => (planned > 0 ? Math.max(1, Math.round(planned)) : 0);

/** Mean and coefficient of variation of service times, in minutes; null without any. */
export function serviceOf(m: Moments | undefined): { mean: number; cv: number | null } | null {
  if (!m || m.n === 0 || m.sum <= 0) return null;
  const mean = m.sum / m.n;
  const variance = m.n > 1 ? Math.max(0, (m.sumSq - m.n * mean * mean) / (m.n - 1)) : null;
  return { mean: mean / 60, cv: variance === null ? null : Math.sqrt(variance) / mean };
}

/** The slots shown: from the first to the last with any arrival expected (lunch included). */
export function shownSlots(forecast: DayForecast): number[] {
  const busy = (s: number): boolean => Object.values(forecast.byCategory).some((f) => f[s]!.mean > 0);
  const slots = forecast.byCategory[Object.keys(forecast.byCategory)[0] ?? '']?.map((_, s) => s) ?? [];
  const first = slots.findIndex(busy);
  if (first === -1) return [];
  const last = slots.findLastIndex(busy);
  return slots.slice(first, last + 1);
}

/**
 * What the model says the mean wait was on past days, from their actual arrivals per slot and the
 * planned windows, beside what it actually was. Slots the planned windows could not keep up with
 * are left out of the model's mean (it has no finite wait for them).
 */
function checkAgainst(past: readonly DaySummary[], categoryId: string, serviceMin: number | null, planned: number): CategoryAdvice['check'] {
  const days = past.filter((d) => d.counts[categoryId]);
  if (days.length === 0) return null;
  const wait = emptyMoments();
  for (const d of days) if (d.wait[categoryId]) addMoments(wait, d.wait[categoryId]);
  let weighted = 0;
  let arrivals = 0;
  const c = servers(planned);
  if (serviceMin !== null && c > 0) {
    for (const d of days) {
      for (const n of d.counts[categoryId]!) {
        const w = meanWaitMin(c, n / SLOT_MIN, serviceMin);
        if (n === 0 || !Number.isFinite(w)) continue;
        weighted += n * w;
        arrivals += n;
      }
    }
  }
  return {
    days: days.length,
    actualMeanWaitMin: wait.n ? tenth(wait.sum / wait.n / 60) : null,
    modelMeanWaitMin: arrivals ? tenth(weighted / arrivals) : null,
  };
}

export interface AdviceInput {
  config: HallConfig;
  forecast: DayForecast;
  /** Service times per category over the history used. */
  service: ReadonlyMap<string, Moments>;
  /** Past days to check the model against. */
  past: readonly DaySummary[];
  target: Target;
}

export function categoryAdvice(input: AdviceInput): CategoryAdvice[] {
  const { config, forecast, target } = input;
  const planned = plannedWindows(config);
  const slots = shownSlots(forecast);
  return config.categories.map((cat: Category): CategoryAdvice => {
    const service = serviceOf(input.service.get(cat.id));
    const plan = planned.get(cat.id) ?? { windows: 0, shared: false };
    const c = servers(plan.windows);
    const f = forecast.byCategory[cat.id] ?? [];
    const rows = slots.map((s): SlotAdvice => {
      const { mean, low, high } = f[s] ?? { mean: 0, low: 0, high: 0 };
      const rate = mean / SLOT_MIN;
      const needed = service ? windowsNeeded(rate, service.mean, target.targetMin, target.share) : 0;
      const wait = service && c > 0 ? meanWaitMin(c, rate, service.mean) : mean > 0 ? Infinity : 0;
      return {
        start: clock(s),
        forecast: tenth(mean),
        low: tenth(low),
        high: tenth(high),
        serviceMin: service && tenth(service.mean),
        windowsNeeded: needed,
        windowsPlanned: tenth(plan.windows),
        shortfall: tenth(Math.max(0, needed - plan.windows)),
        expectedWaitMin: Number.isFinite(wait) ? tenth(wait) : null,
      };
    });
    return {
      categoryId: cat.id,
      prefix: cat.prefix,
      name: cat.name,
      nameEn: cat.nameEn,
      serviceMin: service && tenth(service.mean),
      serviceCv: service?.cv == null ? null : Math.round(service.cv * 100) / 100,
      windowsPlanned: tenth(plan.windows),
      sharedWindows: plan.shared,
      slots: rows,
      check: checkAgainst(input.past, cat.id, service?.mean ?? null, plan.windows),
    };
  });
}
