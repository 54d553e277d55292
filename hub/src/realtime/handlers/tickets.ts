import * as S from '@yichuang/shared/schemas';
import type { Ticketing } from '../../services/ticketing.js';
import { onCommand, type CommandContext } from '../command.js';

export function registerTicketHandlers(ctx: CommandContext, ticketing: Ticketing): void {
  onCommand(ctx, 'ticket:issue', S.issueTicket, (p) => ticketing.issue(p, ctx.device));
  onCommand(ctx, 'ticket:cancel', S.cancelTicket, (p) => ticketing.cancel(p, ctx.device, ctx.operator()));
  onCommand(ctx, 'ticket:lookup', S.lookupTicket, (p) => ticketing.lookup(p.number));
}
