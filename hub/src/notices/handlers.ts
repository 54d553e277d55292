// Socket commands of the notices domain: thin, each parsed, checked and answered by onCommand.
import * as S from '@yichuang/shared/notices-schemas';
import { connectionActor, onCommandOnce, onQuery, type CommandContext } from '../realtime/command.js';
import type { NoticeService } from './notice-service.js';

export function registerNoticeHandlers(ctx: CommandContext, notices: NoticeService, changed: () => void): void {
  const telling = async <T extends { ok: boolean }>(result: Promise<T>): Promise<T> => {
    const done = await result;
    if (done.ok) changed();
    return done;
  };
  onQuery(ctx, 'notice:list', S.noticeList, () => ({ ok: true, data: notices.list() }));
  onQuery(ctx, 'notice:showing', S.noticeShowing, (p) => ({ ok: true, data: notices.showing(p.windowId) }));
  onCommandOnce(ctx, 'notice:post', S.noticePost, (p) => telling(notices.post(p, connectionActor(ctx))));
  onCommandOnce(ctx, 'notice:withdraw', S.noticeWithdraw, (p) => telling(notices.withdraw(p.noticeId, connectionActor(ctx))));
}
