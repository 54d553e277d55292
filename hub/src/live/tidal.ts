// Tidal windows (潮汐窗口): which to switch to which long queue, and the switch itself.
import type { HallConfig, QueueView, ServiceWindow } from '@yichuang/shared/domain';
import type { ErrorCode, ErrorParams } from '@yichuang/shared/errors';
import type { TidalSuggestion } from '@yichuang/shared/live';

/** A tidal window's weight for the queue it is switched to. */
export const TIDAL_WEIGHT = 10;

/** The category a window calls first (its highest weight). */
function primaryCategory(w: ServiceWindow): string | undefined {
  return [...w.categories].sort((a, b) => b.weight - a.weight)[0]?.categoryId;
}

/**
 * For each queue whose expected wait has reached the threshold (longest first), a tidal window to
 * switch to it: one not already helping a queue that is itself that long. A queue a tidal window
 * already serves first needs no suggestion.
 */
export function tidalSuggestions(config: HallConfig, queues: readonly QueueView[], thresholdMin: number): TidalSuggestion[] {
  const tidal = config.windows.filter((w) => w.kind === 'tidal');
  const long = queues.filter((q) => q.waiting > 0 && q.estimatedWaitMin >= thresholdMin).sort((a, b) => b.estimatedWaitMin - a.estimatedWaitMin);
  const longIds = new Set(long.map((q) => q.categoryId));
  const helped = new Set(tidal.map(primaryCategory));
  const free = tidal.filter((w) => !longIds.has(primaryCategory(w) ?? ''));
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

export type TidalRefusal = { code: ErrorCode; params: ErrorParams };

/** Why window `windowId` cannot be switched to `categoryId`, if it cannot. */
export function tidalRefusal(config: HallConfig, windowId: string, categoryId: string): TidalRefusal | undefined {
  const window = config.windows.find((w) => w.id === windowId);
  if (!window) return { code: 'UNKNOWN_WINDOW', params: { windowId } };
  if (window.kind !== 'tidal') return { code: 'NOT_TIDAL_WINDOW', params: { windowId } };
  if (!config.categories.some((c) => c.id === categoryId)) return { code: 'UNKNOWN_CATEGORY', params: { categoryId } };
  return undefined;
}

/**
 * Switches tidal window `windowId` to serve `categoryId` only, in a configuration draft. The engine
 * reads the configuration at every call, so the window's next call comes from that queue.
 */
export function assignTidal(draft: HallConfig, windowId: string, categoryId: string): void {
  if (tidalRefusal(draft, windowId, categoryId)) return;
  const window = draft.windows.find((w) => w.id === windowId)!;
  window.categories = [{ categoryId, weight: TIDAL_WEIGHT }];
}
