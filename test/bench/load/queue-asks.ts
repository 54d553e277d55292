// What a window caller asks besides listening: its queue in call order (GET /api/windows/:id/queue),
// again whenever a hall broadcast can change it — a ticket the window may call came or changed, another
// window took one it could call, its categories changed (window-client caller.followQueue, shared
// window-queue.ts mustAskAgain; not after its own calls) — one ask at a time and at most one a second, as
// the caller does (askOneAtATime), for the head of the order it lists (QUEUE_SHOWN). One caller per
// window (a hall's window has one), so the hub's cost of a ticket includes the asks it causes, as in a hall.
import { HALL_BROADCASTS, type GatheredBroadcasts } from '@yichuang/shared/events';
import type { PriorityClass, TicketView, WindowView } from '@yichuang/shared/domain';
import { askOneAtATime } from '@yichuang/shared/ask-one-at-a-time';
import { mayCall, mustAskAgain, QUEUE_ASK_EVERY_MS, QUEUE_SHOWN, type WindowQueueEntry } from '@yichuang/shared/window-queue';
import type { HubDevice } from './connect.js';

type CallerWindow = Pick<WindowView, 'id' | 'categories'> & Partial<Pick<WindowView, 'current'>>;

/**
 * Makes the first window client of each window ask for its queue as a caller does. A broadcast brings
 * one ticket, so the caller's rule is applied to that ticket alone (the whole hall's tickets compared on
 * every broadcast would load the bench's own process); the bench's windows only call next.
 */
export function askLikeCallers(hubUrl: string, devices: readonly HubDevice[], windows: readonly Pick<WindowView, 'id' | 'categories'>[]): void {
  const seen = new Set<string>();
  for (const { plan, socket } of devices) {
    if (plan.role !== 'window' || !plan.windowId || seen.has(plan.windowId)) continue;
    seen.add(plan.windowId);
    let window: CallerWindow = windows.find((w) => w.id === plan.windowId) ?? { id: plan.windowId, categories: [] };
    /** Every ticket seen, and the priority of those the window may call. */
    const tickets = new Map<string, TicketView>();
    const callable = new Map<string, PriorityClass>();
    /** The numbers of the last answer (the head of the call order, as a caller lists it). */
    let order: string[] = [];
    const ask = askOneAtATime(async () => {
      const res = await fetch(`${hubUrl}/api/windows/${window.id}/queue?limit=${QUEUE_SHOWN}`).catch(() => undefined);
      const answer = (await res?.json().catch(() => undefined)) as { data?: WindowQueueEntry[] } | undefined;
      order = answer?.data?.map((e) => e.number) ?? [];
    }, QUEUE_ASK_EVERY_MS);
    const basis = (number: string, priority: PriorityClass | undefined, categories: string) => ({ callable: new Map(priority === undefined ? [] : [[number, priority]]), categories });
    const heard = (p: { ticket?: TicketView; window?: WindowView }): void => {
      const categories = JSON.stringify(window.categories);
      if (p.window?.id === window.id) window = p.window;
      if (JSON.stringify(window.categories) !== categories) {
        callable.clear();
        for (const t of tickets.values()) if (mayCall(t, window)) callable.set(t.number, t.priority);
        void ask();
      }
      if (!p.ticket) return;
      const t = p.ticket;
      tickets.set(t.number, t);
      const before = callable.get(t.number);
      if (mayCall(t, window)) callable.set(t.number, t.priority);
      else callable.delete(t.number);
      const head = order.find((n) => (n === t.number ? before !== undefined : callable.has(n)));
      const calledNext = window.current?.number === t.number ? t.number : undefined;
      const same = JSON.stringify(window.categories);
      if (mustAskAgain(basis(t.number, before, same), basis(t.number, callable.get(t.number), same), { head, calledNext })) void ask();
    };
    const on = socket.on as (e: string, f: (p: never) => void) => void;
    for (const name of HALL_BROADCASTS) on(name, heard);
    on('hall:gathered', (g: GatheredBroadcasts) => {
      for (const b of g.broadcasts) heard(b.event);
    });
  }
}
