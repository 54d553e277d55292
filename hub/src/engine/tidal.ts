// What a window serves now. A tidal window (潮汐窗口) someone is signed in at may be switched by a
// manager to whichever queue is long (staffing.ts, decideAssignTidal), and put back (decideRestoreTidal):
// journaled like any command, with who did it, and for the service day only — each morning a tidal
// window starts from the categories its configuration gives it.
import type { HallConfig, ServiceWindow, WindowCategory } from '@yichuang/shared/domain';
import type { EngineState } from './types.js';

/** A tidal window's weight for the queue it is switched to. */
export const TIDAL_WEIGHT = 10;

/** The categories a window serves now, with their weights: its configuration's, or the queue it was switched to. */
export function windowCategories(state: EngineState, window: ServiceWindow): readonly WindowCategory[] {
  const assigned = state.windows[window.id]?.assignedCategoryId;
  return assigned === undefined ? window.categories : [{ categoryId: assigned, weight: TIDAL_WEIGHT }];
}

/** Whether the window serves the category now. */
export function serves(state: EngineState, config: HallConfig, windowId: string, categoryId: string): boolean {
  const def = config.windows.find((w) => w.id === windowId);
  return def !== undefined && windowCategories(state, def).some((c) => c.categoryId === categoryId);
}
