// Notices on window-top displays, kept in <dataDir>/notices.json: each post and withdrawal is written
// durably and to the audit log before it is acknowledged. A notice ends by itself at its end time (the
// hub's clock); ended and withdrawn ones stay listed for a week, then are dropped.
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '@yichuang/shared/admin';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import { isShowing, type ListedNotice, type NoticeActor, type WindowNotice } from '@yichuang/shared/notices';
import type * as S from '@yichuang/shared/notices-schemas';
import type { z } from 'zod';
import type { AuditLog } from '../security/audit-log.js';
import { dataFolder } from '../storage/data-folder.js';
import { SmallStore, type Versioned } from '../storage/small-store.js';

interface NoticesFile extends Versioned {
  notices: WindowNotice[];
}

const KEEP_ENDED_MS = 7 * 24 * 3600_000;

export interface NoticeDeps {
  dataDir: string;
  config: () => HallConfig;
  audit: AuditLog;
  clock: () => number;
  log: (line: string) => void;
}

export class NoticeService {
  private constructor(
    private readonly deps: NoticeDeps,
    private readonly store: SmallStore<NoticesFile>,
  ) {}

  static async open(deps: NoticeDeps): Promise<NoticeService> {
    const store = await SmallStore.open<NoticesFile>(dataFolder(deps.dataDir).notices, () => ({ schemaVersion: 1, notices: [] }), deps.log);
    return new NoticeService(deps, store);
  }

  /** Showing ones first, then the rest; newest first within each. */
  list(): ListedNotice[] {
    const now = this.deps.clock();
    const all = [...this.store.data.notices].sort((a, b) => b.postedAt - a.postedAt).map((n) => ({ ...n, showing: isShowing(n, now) }));
    return [...all.filter((n) => n.showing), ...all.filter((n) => !n.showing)];
  }

  /** What window `windowId`'s display shows now: its own notices and the hall's, newest first. */
  showing(windowId: string): WindowNotice[] {
    const now = this.deps.clock();
    return this.store.data.notices
      .filter((n) => isShowing(n, now) && (n.windowId === null || n.windowId === windowId))
      .sort((a, b) => b.postedAt - a.postedAt);
  }

  async post(input: z.output<typeof S.noticePost>, actor: ConsoleActor): Promise<Ack<WindowNotice>> {
    const now = this.deps.clock();
    if (input.windowId !== null && !this.deps.config().windows.some((w) => w.id === input.windowId))
      return { ok: false, error: appError('UNKNOWN_WINDOW', { windowId: input.windowId }) };
    if (input.endsAt <= now) return { ok: false, error: appError('NOTICE_END_PASSED') };
    const notice: WindowNotice = { id: randomUUID(), windowId: input.windowId, text: input.text, postedAt: now, postedBy: by(actor), endsAt: input.endsAt };
    await this.store.update((d) => {
      d.notices = [...d.notices.filter((n) => isShowing(n, now) || (n.withdrawnAt ?? n.endsAt) > now - KEEP_ENDED_MS), notice];
    });
    await this.deps.audit.append({ actor, action: 'notice.post', target: notice.id, after: notice });
    return { ok: true, data: notice };
  }

  async withdraw(noticeId: string, actor: ConsoleActor): Promise<Ack<WindowNotice>> {
    const now = this.deps.clock();
    const before = this.store.data.notices.find((n) => n.id === noticeId);
    if (!before) return { ok: false, error: appError('UNKNOWN_NOTICE', { noticeId }) };
    if (!isShowing(before, now)) return { ok: false, error: appError('NOTICE_ENDED') };
    const after: WindowNotice = { ...before, withdrawnAt: now, withdrawnBy: by(actor) };
    await this.store.update((d) => {
      d.notices = d.notices.map((n) => (n.id === noticeId ? after : n));
    });
    await this.deps.audit.append({ actor, action: 'notice.withdraw', target: noticeId, before, after });
    return { ok: true, data: after };
  }

  /** Whether a notice ended (by its end time) after `since` and by `now`: the displays are to be told. */
  endedBetween(since: number, now: number): boolean {
    return this.store.data.notices.some((n) => n.withdrawnAt === undefined && n.endsAt > since && n.endsAt <= now);
  }

  settled(): Promise<void> {
    return this.store.settled();
  }
}

/** The console and the person signed in there, as the audit log takes them. */
export type ConsoleActor = AuditActor & { deviceId: string };

const by = ({ deviceId, staffId, name }: ConsoleActor): NoticeActor => ({ deviceId, ...(staffId && { staffId }), name });
