// Issues a ticket by an engine command (a check-in) and answers like Ticketing.issue does.
// Until Ticketing gains issueWith (which also prints the kiosk's slip), check-in tickets are e-tickets.
import { appError } from '@yichuang/shared/errors';
import type { HallService } from '../services/hall-service.js';
import { cmdKey, estimatedWait } from '../services/ticketing.js';
import type { Views } from '../services/views.js';
import type { IssueWith } from './check-in-desk.js';

export function issueWithoutSlip(hall: HallService, views: Views): IssueWith {
  return async (command, device, cmdId) => {
    const result = await hall.execute(command, { deviceId: device.id }, cmdKey(device, cmdId));
    if (!result.ok) return result;
    const issued = result.data.find((r) => r.event.type === 'ticket.issued')?.event;
    const ticket = issued?.type === 'ticket.issued' ? views.ticketById(issued.ticketId) : undefined;
    if (!ticket) return { ok: false, error: appError('INTERNAL') };
    return { ok: true, data: { ticket, estimatedWaitMin: estimatedWait(views, ticket) } };
  };
}
