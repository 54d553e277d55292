import * as S from '@yichuang/shared/schemas';
import type { WindowDesk } from '../../services/window-desk.js';
import { onCommand, type CommandContext } from '../command.js';

export function registerWindowHandlers(ctx: CommandContext, desk: WindowDesk): void {
  const { device } = ctx;
  onCommand(ctx, 'window:callNext', S.callNext, (p) => desk.run({ type: 'callNext', windowId: p.windowId }, device, p.cmdId));
  onCommand(ctx, 'window:callNumber', S.callNumber, (p) =>
    desk.byNumber({ type: 'callNumber', windowId: p.windowId, number: p.number }, device, p.cmdId, ctx.operator()),
  );
  onCommand(ctx, 'window:recall', S.recall, (p) => desk.run({ type: 'recall', windowId: p.windowId }, device, p.cmdId));
  onCommand(ctx, 'window:start', S.startService, (p) => desk.run({ type: 'start', windowId: p.windowId }, device, p.cmdId));
  onCommand(ctx, 'window:finish', S.finishService, (p) =>
    desk.run({ type: 'finish', windowId: p.windowId, outcome: p.outcome, note: p.note }, device, p.cmdId),
  );
  onCommand(ctx, 'window:noShow', S.markNoShow, (p) => desk.run({ type: 'noShow', windowId: p.windowId }, device, p.cmdId));
  onCommand(ctx, 'window:transfer', S.transferTicket, (p) =>
    desk.run(
      { type: 'transfer', windowId: p.windowId, toCategoryId: p.toCategoryId, toWindowId: p.toWindowId, note: p.note },
      device,
      p.cmdId,
    ),
  );
  onCommand(ctx, 'window:hold', S.holdTicket, (p) => desk.run({ type: 'hold', windowId: p.windowId, note: p.note }, device, p.cmdId));
  onCommand(ctx, 'window:resume', S.resumeTicket, (p) =>
    desk.run({ type: 'resume', windowId: p.windowId, number: p.number }, device, p.cmdId),
  );
  onCommand(ctx, 'window:requeue', S.requeueTicket, (p) =>
    desk.byNumber({ type: 'requeue', windowId: p.windowId, number: p.number }, device, p.cmdId, ctx.operator()),
  );
  onCommand(ctx, 'window:pause', S.pauseWindow, (p) =>
    desk.run({ type: 'pause', windowId: p.windowId, reason: p.reason, note: p.note }, device, p.cmdId),
  );
  onCommand(ctx, 'window:unpause', S.unpauseWindow, (p) => desk.run({ type: 'unpause', windowId: p.windowId }, device, p.cmdId));
}
