// Socket handlers of the live domain: thin, each parses, checks permission (onCommand) and calls the service.
import * as S from '@yichuang/shared/live-schemas';
import { noInput } from '@yichuang/shared/schemas';
import { connectionActor, onCommand, onQuery, type CommandContext } from '../realtime/command.js';
import type { LiveService } from './live-service.js';

export interface LiveHandlerHooks {
  /** After board settings changed: tell the boards. */
  boardsChanged(): void;
  /** After anything on the live board changed: tell the consoles. */
  liveChanged(): void;
}

export function registerLiveHandlers(ctx: CommandContext, ready: Promise<LiveService>, hooks: LiveHandlerHooks): void {
  const { device } = ctx;
  const after = <T extends { ok: boolean }>(result: T, ...notify: (() => void)[]): T => {
    if (result.ok) for (const n of notify) n();
    return result;
  };
  onQuery(ctx, 'board:settings', noInput, async () => ({ ok: true, data: (await ready).boardView(device) }));
  onQuery(ctx, 'live:snapshot', noInput, async () => {
    const live = await ready;
    await live.check();
    return { ok: true, data: live.board() };
  });
  const actor = (): ReturnType<typeof connectionActor> => connectionActor(ctx);
  onCommand(ctx, 'live:acknowledge', S.acknowledgeAlert, async (p) => after(await (await ready).acknowledge(p.alertId, actor()), hooks.liveChanged));
  onCommand(ctx, 'live:acknowledgeAll', S.acknowledgeAll, async () => after(await (await ready).acknowledgeAll(actor()), hooks.liveChanged));
  onCommand(ctx, 'live:assignTidal', S.assignTidal, async (p, key) => after(await (await ready).tidal(p.windowId, p.categoryId, actor(), key), hooks.liveChanged));
  onCommand(ctx, 'live:restoreTidal', S.restoreTidal, async (p, key) => after(await (await ready).tidal(p.windowId, undefined, actor(), key), hooks.liveChanged));
  onCommand(ctx, 'live:updateSettings', S.updateLiveSettings, async (p) =>
    after(await (await ready).updateSettings(p, actor()), hooks.boardsChanged, hooks.liveChanged),
  );
  onCommand(ctx, 'live:setBoard', S.setBoard, async (p) => after(await (await ready).setBoard(p, actor()), hooks.boardsChanged, hooks.liveChanged));
}
