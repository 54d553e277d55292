// Tells a window's caller when a bad-rating case concerning it opens or moves on (the caller then asks
// 'window:cases'): the window it was rated at, and the window its staff member is signed in at now.
import type { EngineState } from '../engine/index.js';
import { evaluationOf } from '../engine/state.js';
import type { HallService } from '../hall/hall-service.js';
import type { Broadcaster } from '../realtime/broadcaster.js';

export function noticeCaseChanges(hall: HallService, broadcaster: Broadcaster): void {
  hall.onRecords((records) => {
    const windows = new Set<string>();
    for (const { event } of records) {
      if (!event.type.startsWith('case.')) continue;
      const c = evaluationOf(hall.current).cases[(event as { caseId: string }).caseId];
      if (!c) continue;
      windows.add(c.rating.windowId);
      const at = staffWindow(hall.current, c.rating.staffId);
      if (at) windows.add(at);
    }
    for (const windowId of windows) broadcaster.toWindows([windowId]).emit('window:casesChanged', { windowId });
  });
}

function staffWindow(state: EngineState, staffId: string): string | undefined {
  for (const id in state.windows) if (state.windows[id]?.staffId === staffId) return id;
  return undefined;
}
