// Tidal windows (潮汐窗口): which to switch to which long queue. The switch itself is the engine's
// (assignTidal): journaled, with who did it, for the rest of the service day.
import type { LookAhead } from '@yichuang/shared/capacity';
import type { HallConfig, QueueView, ServiceWindow } from '@yichuang/shared/domain';
import { isLongQueue, type TidalSuggestion } from '@yichuang/shared/live';
import { windowCategories, windowsServing, type EngineState } from '../engine/index.js';

/** How far the tidal advice looks ahead: a switched window helps for the next hour or so, not the last minute. */
export const LOOK_AHEAD_MIN = 45;

/**
 * The wait a ticket taken `horizonMin` from now can expect: the queue now plus the arrivals the
 * forecast expects, less what the windows open now serve meanwhile (a fluid view: steady arrivals,
 * windows always busy while there is a queue). Undefined without a forecast or a service time.
 */
export function projectedWaitMin(waiting: number, arrivals: number, openWindows: number, serviceMin: number | null, horizonMin: number): number | undefined {
  if (serviceMin === null || serviceMin <= 0) return undefined;
  const c = Math.max(1, openWindows);
  const queueThen = Math.max(0, waiting + arrivals - (c * horizonMin) / serviceMin);
  return Math.round((queueThen * serviceMin) / c);
}

/**
 * For each queue whose expected wait has reached the threshold, now or within the look-ahead (the
 * forecast's next arrivals on top of the queue now), longest first: a tidal window to switch to it,
 * one someone is signed in at, not already helping a queue that is itself that long. A queue a tidal
 * window already serves first needs no suggestion.
 */
export function tidalSuggestions(state: EngineState, config: HallConfig, queues: readonly QueueView[], thresholdMin: number, ahead?: LookAhead): TidalSuggestion[] {
  /** The category a window calls first (its highest weight). */
  const primary = (w: ServiceWindow): string | undefined => [...windowCategories(state, w)].sort((a, b) => b.weight - a.weight)[0]?.categoryId;
  const tidal = config.windows.filter((w) => w.kind === 'tidal' && state.windows[w.id]?.staffId !== undefined);
  const outlook = new Map(
    queues.map((q) => {
      const a = ahead?.categories.get(q.categoryId);
      const projected = a && projectedWaitMin(q.waiting, a.arrivals, windowsServing(state, config, q.categoryId).open, a.serviceMin, ahead!.horizonMin);
      return [q.categoryId, a && projected !== undefined ? { horizonMin: ahead!.horizonMin, arrivals: Math.round(a.arrivals), projectedWaitMin: projected } : undefined];
    }),
  );
  const worst = (q: QueueView): number => Math.max(q.estimatedWaitMin, outlook.get(q.categoryId)?.projectedWaitMin ?? 0);
  const long = queues.filter((q) => isLongQueue(q, thresholdMin) || (outlook.get(q.categoryId)?.projectedWaitMin ?? 0) >= thresholdMin).sort((a, b) => worst(b) - worst(a));
  const longIds = new Set(long.map((q) => q.categoryId));
  const helped = new Set(tidal.map(primary));
  const free = tidal.filter((w) => !longIds.has(primary(w) ?? ''));
  const suggestions: TidalSuggestion[] = [];
  for (const q of long) {
    if (helped.has(q.categoryId)) continue;
    const w = free.shift();
    if (!w) break;
    const { categoryId, prefix, name, nameEn, estimatedWaitMin } = q;
    const seen = outlook.get(categoryId);
    suggestions.push({ categoryId, prefix, name, nameEn, estimatedWaitMin, windowId: w.id, windowNumber: w.number, ...(seen && { ahead: seen }) });
  }
  return suggestions;
}
