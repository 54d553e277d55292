// The outcome of printing a ticket's slip. Printing happens after the ticket is committed, so a
// failure changes nothing in the queue: the ticket stays valid as an e-ticket, marked unprinted.
// A print agent's outcome that arrives late (it could not report it at the time) settles only the
// slip it is about: once another slip of the ticket has been tried, that one's outcome stands.
import { accept, refuse, type CommandOf } from './guards.js';
import type { DecideContext, Decision, EngineState } from './types.js';

export function decideRecordPrint(state: EngineState, c: CommandOf<'recordPrint'>, { now }: DecideContext): Decision {
  const t = state.tickets[c.ticketId];
  if (!t) return refuse({ code: 'UNKNOWN_TICKET', params: { number: c.ticketId.split('/').pop() ?? c.ticketId } });
  if (c.late && t.print && t.print.jobId !== c.jobId) return accept();
  return accept({
    type: 'ticket.printed',
    at: now,
    ticketId: t.id,
    printerId: c.printerId,
    ok: c.ok,
    reason: c.reason,
    ...(c.jobId !== undefined && { jobId: c.jobId }),
    ...(c.late && { late: true }),
  });
}
