import * as S from '@yichuang/shared/schemas';
import type { WindowDesk } from '../../services/window-desk.js';
import { onCommand, type CommandContext } from '../command.js';

export function registerStaffHandlers(ctx: CommandContext, desk: WindowDesk): void {
  onCommand(ctx, 'staff:signIn', S.signIn, (p) => desk.signIn(p, ctx.device));
  onCommand(ctx, 'staff:signOut', S.signOut, (p) => desk.run({ type: 'signOut', windowId: p.windowId }, ctx.device, p.cmdId));
}
