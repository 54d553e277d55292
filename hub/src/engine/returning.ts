// Tickets coming back into the queue, or leaving it: resume after hold, a no-show's return, cancel.
import type { HallConfig, Ticket } from '@yichuang/shared/domain';
import { accept, isError, notServedHere, refuse, staffedWindow, ticketByNumber, wrongState, type CommandOf } from './guards.js';
import { categoryQueue } from './ordering.js';
import type { DecideContext, Decision, EngineState } from './types.js';

/** Back from hold: queued at the window that held it, ahead of everyone (see ordering key 1). */
export function decideResume(state: EngineState, c: CommandOf<'resume'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = ticketByNumber(state, c.number);
  if (isError(t)) return refuse(t);
  if (t.state !== 'on-hold' || t.windowId !== c.windowId) return refuse(wrongState(t));
  return accept({ type: 'ticket.resumed', at: now, ticketId: t.id, windowId: c.windowId });
}

/**
 * A no-show who turns up again is queued behind rules.noShowRequeuePlaces waiting tickets: by the
 * window that passed it, or one serving its category.
 */
export function decideRequeue(state: EngineState, c: CommandOf<'requeue'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = ticketByNumber(state, c.number);
  if (isError(t)) return refuse(t);
  if (t.state !== 'no-show') return refuse(wrongState(t));
  const notHere = notServedHere(state, config, c, t);
  if (notHere) return refuse(notHere);
  return accept({ type: 'ticket.requeued', at: now, ticketId: t.id, windowId: c.windowId, queueAt: returnPlace(state, t, config, now) });
}

/**
 * queueAt just after the K-th waiting ticket of the category (K = places, or the last one if fewer
 * wait); now if nobody waits. 1 ms later than that ticket, because on equal queueAt the returning
 * ticket's lower number would put it in front. With places ≤ 0 it gets its old place back.
 */
function returnPlace(state: EngineState, t: Ticket, config: HallConfig, now: number): number {
  const queue = categoryQueue(state, t.categoryId, config, now);
  if (queue.length === 0) return now;
  const kth = queue[Math.min(config.rules.noShowRequeuePlaces, queue.length) - 1];
  return kth ? kth.queueAt + 1 : t.queueAt;
}

/** A ticket nobody is dealing with (waiting, on hold, passed), cancelled by a window it belongs to or a manager. */
export function decideCancel(state: EngineState, c: CommandOf<'cancel'>, { now, config }: DecideContext): Decision {
  const t = ticketByNumber(state, c.number);
  if (isError(t)) return refuse(t);
  if (t.state !== 'waiting' && t.state !== 'on-hold' && t.state !== 'no-show') return refuse(wrongState(t));
  const notHere = notServedHere(state, config, c, t);
  if (notHere) return refuse(notHere);
  return accept({ type: 'ticket.cancelled', at: now, ticketId: t.id, ...(c.note !== undefined && { note: c.note }) });
}
