// Calling a citizen to a window: next in line, by number, again (重呼), or giving up (过号).
import { accept, currentIn, fail, isError, notServedHere, readyToCall, refuse, staffedWindow, ticketByNumber, wrongState, type CommandOf } from './guards.js';
import { pickNext } from './ordering.js';
import type { DecideContext, Decision, EngineState } from './types.js';

export function decideCallNext(state: EngineState, c: CommandOf<'callNext'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const notReady = readyToCall(w);
  if (notReady) return refuse(notReady);
  const pick = pickNext(state, c.windowId, config, now);
  if (!pick) return fail('QUEUE_EMPTY');
  return accept({
    type: 'ticket.called',
    at: now,
    ticketId: pick.ticket.id,
    windowId: c.windowId,
    staffId: w.staffId,
    by: 'next',
    priorityPick: pick.priorityPick,
  });
}

/**
 * Any waiting ticket the window may take, out of turn: the staff's judgement. Unlike call next, it
 * may take a ticket of its categories sent to another window by name (a colleague helping out).
 */
export function decideCallNumber(state: EngineState, c: CommandOf<'callNumber'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const notReady = readyToCall(w);
  if (notReady) return refuse(notReady);
  const t = ticketByNumber(state, c.number);
  if (isError(t)) return refuse(t);
  if (t.state !== 'waiting') return refuse(wrongState(t));
  const notHere = notServedHere(state, config, c, t);
  if (notHere) return refuse(notHere);
  return accept({ type: 'ticket.called', at: now, ticketId: t.id, windowId: c.windowId, staffId: w.staffId, by: 'number', priorityPick: false });
}

/** Recalls are capped: asking once more than the cap allows passes the ticket (过号). */
export function decideRecall(state: EngineState, c: CommandOf<'recall'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = currentIn(w, 'called');
  if (isError(t)) return refuse(t);
  if (t.recalls < config.rules.recallCap) {
    return accept({ type: 'ticket.recalled', at: now, ticketId: t.id, windowId: c.windowId, count: t.recalls + 1 });
  }
  return accept({ type: 'ticket.noShow', at: now, ticketId: t.id, windowId: c.windowId, reason: 'recall-cap' });
}

export function decideNoShow(state: EngineState, c: CommandOf<'noShow'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = currentIn(w, 'called');
  if (isError(t)) return refuse(t);
  return accept({ type: 'ticket.noShow', at: now, ticketId: t.id, windowId: c.windowId, reason: 'manual' });
}
