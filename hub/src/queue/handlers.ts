// Socket commands of the queue: thin, each parsed (onCommand) and handed to a service. Who may send
// which is in realtime/permissions/queue.ts; payloads are parsed with shared/schemas.ts.
import type { TicketView } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import * as S from '@yichuang/shared/schemas';
import { publicTicket, seesIdentities, type Views } from '../hall/views.js';
import { streamOf } from '../realtime/broadcaster.js';
import { connectionActor, onCommand, onQuery, type CommandContext } from '../realtime/command.js';
import { encodedOnce } from '../realtime/encoded-once.js';
import type { Publisher } from '../realtime/publisher.js';
import type { Ticketing } from './ticketing.js';
import type { WindowService } from './window-service.js';

export interface QueueServices {
  ticketing: Ticketing;
  windows: WindowService;
  views: Views;
  publisher: Publisher;
}

export function registerQueueHandlers(ctx: CommandContext, { ticketing, windows, views, publisher }: QueueServices): void {
  const { device } = ctx;
  // A ticket looked up or cancelled goes out as this device may see it; the issuing device's own
  // answer keeps the masked identity it was just given.
  const shown = (ack: Ack<TicketView>): Ack<TicketView> => (ack.ok && !seesIdentities(device) ? { ok: true, data: publicTicket(ack.data) } : ack);

  onQuery(ctx, 'sync:snapshot', S.noInput, () => {
    const stream = streamOf(device);
    // One snapshot object for every screen asking at the same seq: encoded once for all of them.
    return stream ? { ok: true, data: encodedOnce(views.snapshot(stream, publisher.seqOf(stream))) } : { ok: false, error: appError('FORBIDDEN') };
  });
  onQuery(ctx, 'ticket:lookup', S.lookupTicket, (p) => shown(ticketing.lookup(p.number)));
  onCommand(ctx, 'ticket:issue', S.issueTicket, (p, key) => ticketing.issue(p, device, key));
  onCommand(ctx, 'ticket:cancel', S.cancelTicket, async (p, key) => shown(await ticketing.cancel(p, device, ctx.operator(), key, connectionActor(ctx))));

  onCommand(ctx, 'staff:signIn', S.signIn, (p, key) => windows.signIn(p, device, key));
  onCommand(ctx, 'staff:signOut', S.signOut, (p, key) => windows.run({ type: 'signOut', windowId: p.windowId }, device, key));

  onCommand(ctx, 'window:callNext', S.callNext, (p, key) => windows.run({ type: 'callNext', windowId: p.windowId }, device, key));
  onCommand(ctx, 'window:callNumber', S.callNumber, (p, key) => windows.byNumber({ type: 'callNumber', windowId: p.windowId, number: p.number }, device, ctx.operator(), key));
  onCommand(ctx, 'window:recall', S.recall, (p, key) => windows.run({ type: 'recall', windowId: p.windowId }, device, key));
  onCommand(ctx, 'window:start', S.startService, (p, key) => windows.run({ type: 'start', windowId: p.windowId }, device, key));
  onCommand(ctx, 'window:linkCase', S.linkCase, (p, key) => windows.run({ type: 'linkCase', windowId: p.windowId, caseNumber: p.caseNumber, itemCode: p.itemCode }, device, key));
  onCommand(ctx, 'window:finish', S.finishService, (p, key) => windows.run({ type: 'finish', windowId: p.windowId, outcome: p.outcome, note: p.note, caseNumber: p.caseNumber, itemCode: p.itemCode }, device, key));
  onCommand(ctx, 'window:noShow', S.markNoShow, (p, key) => windows.run({ type: 'noShow', windowId: p.windowId }, device, key));
  onCommand(ctx, 'window:transfer', S.transferTicket, (p, key) =>
    windows.run({ type: 'transfer', windowId: p.windowId, toCategoryId: p.toCategoryId, toWindowId: p.toWindowId, note: p.note }, device, key),
  );
  onCommand(ctx, 'window:hold', S.holdTicket, (p, key) => windows.run({ type: 'hold', windowId: p.windowId, note: p.note }, device, key));
  onCommand(ctx, 'window:resume', S.resumeTicket, (p, key) => windows.run({ type: 'resume', windowId: p.windowId, number: p.number }, device, key));
  onCommand(ctx, 'window:requeue', S.requeueTicket, (p, key) => windows.byNumber({ type: 'requeue', windowId: p.windowId, number: p.number }, device, ctx.operator(), key));
  onCommand(ctx, 'window:pause', S.pauseWindow, (p, key) => windows.run({ type: 'pause', windowId: p.windowId, reason: p.reason, note: p.note }, device, key));
  onQuery(ctx, 'window:cases', S.windowCases, (p) => ({ ok: true, data: views.windowCases(p.windowId) }));
  onCommand(ctx, 'window:unpause', S.unpauseWindow, (p, key) => windows.run({ type: 'unpause', windowId: p.windowId }, device, key));
}
