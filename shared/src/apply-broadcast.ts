// How a hall broadcast changes a snapshot: the reducer every screen's copy of the hall runs.
import type { HallSnapshot, WindowView } from './domain.js';
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

/** Applies one in-order hall broadcast to a snapshot; returns a new snapshot (the old one is untouched). */
export function applyBroadcast(s: HallSnapshot, e: HallEvent): HallSnapshot {
  const next: HallSnapshot = { ...s, seq: e.seq };
  if ('day' in e) return next; // day:started: the caller resyncs
  if (!('ticket' in e)) {
    next.windows = replaceWindow(s.windows, e.window);
    return next;
  }
  const others = s.tickets.filter((t) => t.id !== e.ticket.id);
  if (OPEN_TICKET_STATES.has(e.ticket.state)) {
    const i = s.tickets.findIndex((t) => t.id === e.ticket.id);
    if (i >= 0) {
      next.tickets = s.tickets.slice();
      next.tickets[i] = e.ticket;
    } else next.tickets = [...others, e.ticket];
  } else next.tickets = others;
  next.queues = e.queues;
  if (e.window) next.windows = replaceWindow(s.windows, e.window);
  // ticket:called and ticket:recalled carry the call.
  if ('call' in e) next.recentCalls = [e.call, ...s.recentCalls].slice(0, RECENT_CALLS_CAP);
  return next;
}
