// What a window caller asks besides listening: its queue in call order (GET /api/windows/:id/queue),
// again whenever a hall broadcast can change it — a ticket the window may call came or changed, another
// window took one it could call, its categories changed (window-client caller.followQueue, shared
// window-queue.ts mustAskAgain; not after its own calls) — one ask at a time and at most one a second, as
// the caller does (askOneAtATime). One caller per window (a hall's window has one), so the hub's cost
// of a ticket includes the asks it causes, as in a hall.
import { HALL_BROADCASTS } from '@yichuang/shared/events';
import type { TicketView, WindowView } from '@yichuang/shared/domain';
import { askOneAtATime, mayCall } from '@yichuang/shared/window-queue';
import type { HubDevice } from './connect.js';

/** Makes the first window client of each window ask for its queue as a caller does. */
export function askLikeCallers(hubUrl: string, devices: readonly HubDevice[], windows: readonly Pick<WindowView, 'id' | 'categories'>[]): void {
  const seen = new Set<string>();
  for (const { plan, socket } of devices) {
    if (plan.role !== 'window' || !plan.windowId || seen.has(plan.windowId)) continue;
    seen.add(plan.windowId);
    let window: Pick<WindowView, 'id' | 'categories'> = windows.find((w) => w.id === plan.windowId) ?? { id: plan.windowId, categories: [] };
    const ask = askOneAtATime(async () => {
      const res = await fetch(`${hubUrl}/api/windows/${window.id}/queue`).catch(() => undefined);
      await res?.arrayBuffer();
    });
    for (const name of HALL_BROADCASTS) {
      (socket.on as (e: string, f: (p: { ticket?: TicketView; window?: WindowView }) => void) => void)(name, (p) => {
        const before = window;
        if (p.window?.id === window.id) window = p.window;
        const categoriesChanged = JSON.stringify(before.categories) !== JSON.stringify(window.categories);
        const takenElsewhere =
          name === 'ticket:called' && p.ticket !== undefined && p.window?.id !== window.id && p.ticket.targetWindowId === undefined && window.categories.some((c) => c.categoryId === p.ticket!.categoryId);
        if (categoriesChanged || takenElsewhere || (p.ticket && mayCall(p.ticket, window))) void ask();
      });
    }
  }
}
