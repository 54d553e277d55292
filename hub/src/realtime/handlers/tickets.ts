import type { TicketView } from '@yichuang/shared/domain';
import type { Ack } from '@yichuang/shared/errors';
import * as S from '@yichuang/shared/schemas';
import type { Ticketing } from '../../services/ticketing.js';
import { publicTicket, seesIdentities } from '../../services/views.js';
import { onCommand, type CommandContext } from '../command.js';

export function registerTicketHandlers(ctx: CommandContext, ticketing: Ticketing): void {
  // A ticket looked up or cancelled goes out as this device may see it; the issuing device's own
  // answer keeps the masked identity it was just given.
  const shown = (ack: Ack<TicketView>): Ack<TicketView> => (ack.ok && !seesIdentities(ctx.device) ? { ok: true, data: publicTicket(ack.data) } : ack);
  onCommand(ctx, 'ticket:issue', S.issueTicket, (p) => ticketing.issue(p, ctx.device));
  onCommand(ctx, 'ticket:cancel', S.cancelTicket, async (p) => shown(await ticketing.cancel(p, ctx.device, ctx.operator())));
  onCommand(ctx, 'ticket:lookup', S.lookupTicket, (p) => shown(ticketing.lookup(p.number)));
}
