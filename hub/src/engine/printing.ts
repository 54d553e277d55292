// The outcome of printing a ticket's slip. Printing happens after the ticket is committed, so a
// failure changes nothing in the queue: the ticket stays valid as an e-ticket, marked unprinted.
import { accept, refuse, type CommandOf } from './guards.js';
import type { DecideContext, Decision, EngineState } from './types.js';

export function decideRecordPrint(state: EngineState, c: CommandOf<'recordPrint'>, { now }: DecideContext): Decision {
  const t = state.tickets[c.ticketId];
  if (!t) return refuse({ code: 'UNKNOWN_TICKET', params: { number: c.ticketId.split('/').pop() ?? c.ticketId } });
  return accept({ type: 'ticket.printed', at: now, ticketId: t.id, printerId: c.printerId, ok: c.ok, reason: c.reason });
}
