// Notices on window-top displays (issue 23): a manager writes a short notice on the console for one
// window or for all ("本窗口 14:00 起暂停办理"), with an end time; the window's display shows it until it
// ends or is withdrawn. Types, commands and broadcasts of this domain; they join the one event map.
import type { AckFn } from './errors.js';
import type * as S from './notices-schemas.js';

/** Who posted or withdrew a notice: the console and the person signed in there. */
export interface NoticeActor {
  deviceId: string;
  staffId?: string;
  name: string;
}

export interface WindowNotice {
  id: string;
  /** The window it is for; null: every window's display. */
  windowId: string | null;
  text: string;
  postedAt: number;
  postedBy: NoticeActor;
  /** It shows until then (the hub's clock), unless withdrawn first. */
  endsAt: number;
  withdrawnAt?: number;
  withdrawnBy?: NoticeActor;
}

/** A notice as a console lists it: whether it shows now, by the hub's clock. */
export interface ListedNotice extends WindowNotice {
  showing: boolean;
}

/** Shown now: posted, not withdrawn, not yet ended. */
export const isShowing = (n: WindowNotice, now: number): boolean => n.withdrawnAt === undefined && now < n.endsAt;

export interface NoticeCommands {
  /** A console: the notices showing now and those ended or withdrawn recently, newest first. */
  'notice:list': (p: S.NoticeListInput, ack: AckFn<ListedNotice[]>) => void;
  'notice:post': (p: S.NoticePostInput, ack: AckFn<WindowNotice>) => void;
  'notice:withdraw': (p: S.NoticeWithdrawInput, ack: AckFn<WindowNotice>) => void;
  /** A window-top display: the notices showing now at its window (its own and the hall's). */
  'notice:showing': (p: S.NoticeShowingInput, ack: AckFn<WindowNotice[]>) => void;
}

export interface NoticeBroadcasts {
  /** A notice was posted, withdrawn or ended: displays and consoles ask again. */
  'notice:changed': (e: { at: number }) => void;
}
