// Serving the citizen at the window: start, finish with an outcome, put on hold, transfer.
import { NEEDS_NOTE } from '@yichuang/shared/tickets';
import { accept, currentIn, fail, isBlank, isError, refuse, staffedWindow, windowDef, type CommandOf } from './guards.js';
import type { Ticket } from '@yichuang/shared/domain';
import type { DecideContext, Decision, EngineState } from './types.js';

export function decideStart(state: EngineState, c: CommandOf<'start'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = currentIn(w, 'called');
  if (isError(t)) return refuse(t);
  return accept({ type: 'ticket.started', at: now, ticketId: t.id, windowId: c.windowId, staffId: w.staffId });
}

export function decideFinish(state: EngineState, c: CommandOf<'finish'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = currentIn(w, 'serving');
  if (isError(t)) return refuse(t);
  if (NEEDS_NOTE.has(c.outcome) && isBlank(c.note)) return fail('NOTE_REQUIRED');
  return accept({
    type: 'ticket.finished',
    at: now,
    ticketId: t.id,
    windowId: c.windowId,
    staffId: w.staffId,
    outcome: c.outcome,
    ...(c.note !== undefined && { note: c.note }),
    ...(c.caseNumber !== undefined && { caseNumber: c.caseNumber }),
    ...(c.itemCode !== undefined && { itemCode: c.itemCode }),
  });
}

/**
 * The business system's 办件编号 (or the 事项) often comes a moment after 办结: it goes to the last
 * visit finished at this window by the person working it now, and to no other.
 */
export function decideLinkCase(state: EngineState, c: CommandOf<'linkCase'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const finishedAt = (t: Ticket): number => t.periods[t.periods.length - 1]?.start ?? 0;
  let last: Ticket | undefined;
  for (const t of Object.values(state.tickets)) {
    if (t.state === 'finished' && t.windowId === c.windowId && (!last || finishedAt(t) > finishedAt(last))) last = t;
  }
  if (!last || last.staffId !== w.staffId) return fail('NO_FINISHED_VISIT');
  return accept({
    type: 'ticket.caseLinked',
    at: now,
    ticketId: last.id,
    windowId: c.windowId,
    staffId: w.staffId,
    ...(c.caseNumber !== undefined && { caseNumber: c.caseNumber }),
    ...(c.itemCode !== undefined && { itemCode: c.itemCode }),
  });
}

/** The citizen steps away (to fetch a document): the window is free to call others meanwhile. */
export function decideHold(state: EngineState, c: CommandOf<'hold'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = currentIn(w, 'serving');
  if (isError(t)) return refuse(t);
  return accept({ type: 'ticket.held', at: now, ticketId: t.id, windowId: c.windowId, ...(c.note !== undefined && { note: c.note }) });
}

/**
 * Sends the ticket to another category's queue or to a named window. The number and the original
 * arrival stay, so the paper slip stays valid and the citizen does not lose their place. A transfer
 * to a window keeps the ticket's category (unless one is given as well): targeting decides who calls it.
 */
export function decideTransfer(state: EngineState, c: CommandOf<'transfer'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  const t = currentIn(w, 'called', 'serving');
  if (isError(t)) return refuse(t);
  if (isBlank(c.note)) return fail('NOTE_REQUIRED');
  if (c.toCategoryId === undefined && c.toWindowId === undefined) {
    return fail('BAD_REQUEST', { detail: 'toCategoryId / toWindowId' });
  }
  if (c.toCategoryId !== undefined && !config.categories.some((k) => k.id === c.toCategoryId)) {
    return fail('UNKNOWN_CATEGORY', { categoryId: c.toCategoryId });
  }
  if (c.toWindowId !== undefined) {
    const target = windowDef(config, c.toWindowId);
    if (isError(target)) return refuse(target);
  }
  return accept({
    type: 'ticket.transferred',
    at: now,
    ticketId: t.id,
    windowId: c.windowId,
    toCategoryId: c.toCategoryId ?? t.categoryId,
    ...(c.toWindowId !== undefined && { toWindowId: c.toWindowId }),
    note: c.note,
  });
}
