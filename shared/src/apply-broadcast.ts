// How a hall broadcast changes a snapshot: the reducer every screen's copy of the hall runs.
import type { HallSnapshot, QueueView, TicketView, WindowView } from './domain.js';
import type { HallBroadcast, ServerToClientEvents } from './events.js';
import { OPEN_TICKET_STATES, RECENT_CALLS_CAP } from './tickets.js';

/** The payload of any hall broadcast (each carries the hub's seq). */
export type HallEvent = Parameters<ServerToClientEvents[HallBroadcast]>[0];

function replaceWindow(windows: WindowView[], window: WindowView): WindowView[] {
  let found = false;
  const next = windows.map((w) => {
    if (w.id !== window.id) return w;
    found = true;
    return window;
  });
  return found ? next : [...windows, window];
}

/** The queues with the changed ones replaced (a category new since the snapshot joins at the end). */
function mergeQueues(queues: QueueView[], changed: readonly QueueView[]): QueueView[] {
  const byId = new Map(changed.map((q) => [q.categoryId, q]));
  const merged = queues.map((q) => byId.get(q.categoryId) ?? q);
  const known = new Set(queues.map((q) => q.categoryId));
  return [...merged, ...changed.filter((q) => !known.has(q.categoryId))];
}

function replaceTicket(tickets: TicketView[], ticket: TicketView): TicketView[] {
  if (!OPEN_TICKET_STATES.has(ticket.state)) return tickets.filter((t) => t.id !== ticket.id);
  const i = tickets.findIndex((t) => t.id === ticket.id);
  if (i < 0) return [...tickets, ticket];
  const next = tickets.slice();
  next[i] = ticket;
  return next;
}

/**
 * Applies one in-order hall broadcast to a snapshot; returns a new snapshot (the old one is
 * untouched). A broadcast carries only what changed for this screen's stream.
 */
export function applyBroadcast(s: HallSnapshot, e: HallEvent): HallSnapshot {
  const next: HallSnapshot = { ...s, seq: e.seq };
  if ('day' in e) return next; // day:started: the caller resyncs
  if (e.queues) next.queues = mergeQueues(s.queues, e.queues);
  if ('window' in e && e.window) next.windows = replaceWindow(s.windows, e.window);
  if ('ticket' in e && e.ticket) next.tickets = replaceTicket(s.tickets, e.ticket);
  // ticket:called and ticket:recalled carry the call.
  if ('call' in e) next.recentCalls = [e.call, ...s.recentCalls].slice(0, RECENT_CALLS_CAP);
  return next;
}
