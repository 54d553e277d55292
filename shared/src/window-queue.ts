// A window's queue as its caller lists it and `GET /api/windows/:id/queue` answers: the waiting tickets
// in the order that window's calls-next would take them (the engine's own order, hub/src/engine/ordering.ts).
// Open to the LAN like /api/windows, so no personal data: no masked identity, no ticket id.
import type { PriorityClass, ServiceDay, TicketView, WindowCategory, WindowView } from './domain.js';
import type { CaseStep, Rating } from './ratings.js';

export interface WindowQueueEntry {
  number: string;
  categoryId: string;
  priority: PriorityClass;
  issuedAt: number;
  /** Sent to this window by name, or resumed here: called before the rest. */
  targeted: boolean;
}

/** A waiting ticket the window may call (the engine's call order and its callers alike): one sent to it, or one of a category it serves sent to no window. */
export const mayCall = (t: Pick<TicketView, 'state' | 'categoryId' | 'targetWindowId'>, w: { id: string; categories: readonly Pick<WindowCategory, 'categoryId'>[] }): boolean =>
  t.state === 'waiting' && (t.targetWindowId === undefined ? w.categories.some((c) => c.categoryId === t.categoryId) : t.targetWindowId === w.id);

/** What a window's call order was worked out from, as its caller sees the hall: the tickets it may call (by number, with their priority) and its categories. */
export interface QueueBasis {
  callable: ReadonlyMap<string, PriorityClass>;
  categories: string;
}

export const queueBasis = (tickets: readonly TicketView[], w: Pick<WindowView, 'id' | 'categories'>): QueueBasis => ({
  callable: new Map(tickets.filter((t) => mayCall(t, w)).map((t) => [t.number, t.priority])),
  categories: JSON.stringify(w.categories),
});

/**
 * Whether a window's call order must be asked for again, or stands as the last one less the tickets
 * that left it: asked when a ticket it may call came or changed, its categories changed, or a ticket
 * left other than as the head of its order (`head`) taken by this window's own call-next (`calledNext`).
 * After that call the rest keep their order — the order already played the priority-burst streak
 * forward through a call-next — while a call by number (the streak stands still) or another window
 * taking one of them can reorder the rest.
 */
export function mustAskAgain(before: QueueBasis | undefined, after: QueueBasis, own: { head?: string; calledNext?: string }): boolean {
  if (!before || before.categories !== after.categories) return true;
  for (const [number, priority] of after.callable) if (before.callable.get(number) !== priority) return true;
  for (const number of before.callable.keys()) if (!after.callable.has(number) && !(number === own.head && number === own.calledNext)) return true;
  return false;
}

/** A caller asks for its queue at most this often while the hall's changes keep coming (ask-one-at-a-time.ts). */
export const QUEUE_ASK_EVERY_MS = 1000;

/**
 * How much of its call order a caller asks for and lists: more than a caller's list shows without
 * scrolling far. The whole order of a window with thousands waiting cost the hub ~3–6 ms an ask to
 * order and send, and callers ask as tickets come; the count comes from the hall's broadcasts.
 */
export const QUEUE_SHOWN = 50;

/**
 * A bad-rating case (差评工单) concerning a window or the staff member signed in there, as that window's
 * caller shows it: which visit, how far the case has come and whether it is late; no citizen's data
 * (no contact, no reasons or words), which stay with managers.
 */
export interface WindowCase {
  id: string;
  ticketNumber: string;
  level: Rating['level'];
  openedAt: number;
  /** The step done last; 'opened' before verification. */
  reached: 'opened' | CaseStep;
  /** The step to do next; null once closed. */
  next: CaseStep | null;
  /** The last day for the next step, if it has a deadline. */
  dueBy?: ServiceDay;
  overdue: boolean;
}

/** Unsequenced notices to a window's own devices. */
export interface WindowBroadcasts {
  /** A bad-rating case concerning this window or its staff member opened or moved on: ask 'window:cases'. */
  'window:casesChanged': (e: { windowId: string }) => void;
}
