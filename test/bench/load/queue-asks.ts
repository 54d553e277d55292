// What a window caller asks besides listening: its queue in call order (GET /api/windows/:id/queue),
// again whenever a hall broadcast can change it — a ticket of a category the window serves or one
// transferred to it, or a change at the window (window-client caller.orderKey) — one ask at a time,
// asks meanwhile answered by one more after it, at most one a second (caller.svelte.ts refreshQueue).
// One caller per window (a hall's window has one), so the hub's cost of a ticket includes the asks it
// causes, as in a hall.
import { HALL_BROADCASTS } from '@yichuang/shared/events';
import type { TicketView, WindowView } from '@yichuang/shared/domain';
import type { HubDevice } from './connect.js';

/** As the caller's QUEUE_ASK_EVERY_MS. */
const ASK_EVERY_MS = 1000;

interface Asker {
  windowId: string;
  categories: Set<string>;
  running: boolean;
  again: boolean;
}

/** Makes the first window client of each window ask for its queue as a caller does. */
export function askLikeCallers(hubUrl: string, devices: readonly HubDevice[], windows: readonly Pick<WindowView, 'id' | 'categories'>[]): void {
  const seen = new Set<string>();
  for (const { plan, socket } of devices) {
    if (plan.role !== 'window' || !plan.windowId || seen.has(plan.windowId)) continue;
    seen.add(plan.windowId);
    const window = windows.find((w) => w.id === plan.windowId);
    const asker: Asker = { windowId: plan.windowId, categories: new Set(window?.categories.map((c) => c.categoryId)), running: false, again: false };
    for (const name of HALL_BROADCASTS) {
      (socket.on as (e: string, f: (p: { ticket?: TicketView; window?: WindowView }) => void) => void)(name, (p) => {
        if (p.window?.id === asker.windowId) asker.categories = new Set(p.window.categories.map((c) => c.categoryId));
        const t = p.ticket;
        const mine = t !== undefined && (t.targetWindowId === undefined ? asker.categories.has(t.categoryId) : t.targetWindowId === asker.windowId);
        if (mine || p.window?.id === asker.windowId) void ask(hubUrl, asker);
      });
    }
  }
}

async function ask(hubUrl: string, a: Asker): Promise<void> {
  if (a.running) {
    a.again = true;
    return;
  }
  a.running = true;
  try {
    do {
      a.again = false;
      const asked = Date.now();
      const res = await fetch(`${hubUrl}/api/windows/${a.windowId}/queue`).catch(() => undefined);
      await res?.arrayBuffer();
      const wait = asked + ASK_EVERY_MS - Date.now();
      if (a.again && wait > 0) await new Promise((r) => setTimeout(r, wait));
    } while (a.again);
  } finally {
    a.running = false;
  }
}
