// Tidal windows (潮汐窗口): which to switch to which long queue. The switch itself is the engine's
// (assignTidal): journaled, with who did it, for the rest of the service day.
import type { HallConfig, QueueView, ServiceWindow } from '@yichuang/shared/domain';
import { isLongQueue, type TidalSuggestion } from '@yichuang/shared/live';
import { windowCategories, type EngineState } from '../engine/index.js';

/**
 * For each queue whose expected wait has reached the threshold (longest first), a tidal window to
 * switch to it: one someone is signed in at, not already helping a queue that is itself that long.
 * A queue a tidal window already serves first needs no suggestion.
 */
export function tidalSuggestions(state: EngineState, config: HallConfig, queues: readonly QueueView[], thresholdMin: number): TidalSuggestion[] {
  /** The category a window calls first (its highest weight). */
  const primary = (w: ServiceWindow): string | undefined => [...windowCategories(state, w)].sort((a, b) => b.weight - a.weight)[0]?.categoryId;
  const tidal = config.windows.filter((w) => w.kind === 'tidal' && state.windows[w.id]?.staffId !== undefined);
  const long = queues.filter((q) => isLongQueue(q, thresholdMin)).sort((a, b) => b.estimatedWaitMin - a.estimatedWaitMin);
  const longIds = new Set(long.map((q) => q.categoryId));
  const helped = new Set(tidal.map(primary));
  const free = tidal.filter((w) => !longIds.has(primary(w) ?? ''));
  const suggestions: TidalSuggestion[] = [];
  for (const q of long) {
    if (helped.has(q.categoryId)) continue;
    const w = free.shift();
    if (!w) break;
    const { categoryId, prefix, name, nameEn, estimatedWaitMin } = q;
    suggestions.push({ categoryId, prefix, name, nameEn, estimatedWaitMin, windowId: w.id, windowNumber: w.number });
  }
  return suggestions;
}
