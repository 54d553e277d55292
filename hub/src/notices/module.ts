// The notices domain: short notices a manager posts to window-top displays, for one window or all,
// until their end time or until withdrawn. Displays and consoles are told of every change, and when a
// notice ends by itself (checked every second by the hub's clock, so a clock that jumps is coped with).
import type { HallCore } from '../hall/core.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Domain } from '../realtime/socket-server.js';
import type { AuditLog } from '../security/audit-log.js';
import { registerNoticeHandlers } from './handlers.js';
import { NoticeService } from './notice-service.js';

export interface NoticesDeps extends HallCore {
  broadcaster: Broadcaster;
  audit: AuditLog;
  dataDir: string;
}

export async function createNoticesModule(deps: NoticesDeps, everyMs = 1000): Promise<Domain> {
  const notices = await NoticeService.open(deps);
  const changed = (): void => {
    deps.broadcaster.toRoles('display', 'console').emit('notice:changed', { at: deps.clock() });
  };
  let checked = deps.clock();
  const timer = setInterval(() => {
    const now = deps.clock();
    if (notices.endedBetween(checked, now)) changed();
    checked = now;
  }, everyMs);
  timer.unref();
  return {
    register: (ctx) => registerNoticeHandlers(ctx, notices, changed),
    async close() {
      clearInterval(timer);
      await notices.settled();
    },
  };
}
