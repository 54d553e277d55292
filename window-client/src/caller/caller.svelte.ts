// State of the staff caller: this device's window, what may be done now, and the commands in flight.
import type { CheckedIn } from '@yichuang/shared/appointments';
import type { Outcome, PauseReason, TicketView, WindowView } from '@yichuang/shared/domain';
import type { AppError } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import type { AckDataOf, ClientError, CommandInput, CommandName } from '@yichuang/shared/commands';
import type { Params, StringKey } from '@yichuang/shared/window-i18n';
import { rest } from '@yichuang/shared/rest';
import { askOneAtATime } from '@yichuang/shared/ask-one-at-a-time';
import { mustAskAgain, QUEUE_ASK_EVERY_MS, QUEUE_SHOWN, queueBasis, type QueueBasis, type WindowCase, type WindowQueueEntry } from '@yichuang/shared/window-queue';
import { untrack } from 'svelte';
import type { PrintResult } from '@yichuang/shared/printing';
import type { StaffFigures } from '@yichuang/shared/ratings';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

export type Action =
  | 'signIn'
  | 'callNext'
  | 'callNumber'
  | 'recall'
  | 'start'
  | 'finish'
  | 'noShow'
  | 'transfer'
  | 'hold'
  | 'resume'
  | 'requeue'
  | 'pause'
  | 'unpause'
  | 'signOut'
  | DeskAction;
/**
 * Counter services that add to the queue or mend a slip rather than work the current ticket: a ticket
 * for a walk-in who cannot use the kiosk, an appointment check-in, a reprint. Each has its dialog, no F-key.
 */
export type DeskAction = 'issue' | 'checkIn' | 'reprint' | 'linkCase';
export type ButtonAction = Exclude<Action, 'signIn' | DeskAction>;
/**
 * Actions that ask something first (an outcome, a reason, a number, a target), those confirmed first
 * (过号, 挂起, the recall that will pass the ticket, 签退), and the counter services.
 */
export type Dialog =
  | Extract<ButtonAction, 'finish' | 'pause' | 'signOut' | 'callNumber' | 'transfer' | 'resume' | 'requeue' | 'noShow' | 'hold' | 'recall'>
  | DeskAction
  | null;

/** What the last action did, said once it is done (过号, 转移, 挂起, 办结…): staff see it happened. */
/** What 办结 may also record: the business system's 办件编号 and the 事项 handled. */
export interface FinishDetails {
  caseNumber?: string;
  itemCode?: string;
}

export interface Notice {
  key: StringKey;
  params?: Params;
}

/** Shortcut key of each action, shown on its button: staff work with one hand on the keyboard. */
export const SHORTCUTS = {
  callNext: 'F1',
  recall: 'F2',
  start: 'F3',
  finish: 'F4',
  noShow: 'F5',
  pause: 'F6',
  unpause: 'F6',
  callNumber: 'F7',
  signOut: 'F8',
  transfer: 'F9',
  hold: 'F10',
  resume: 'F11',
  requeue: 'F12',
} as const satisfies Record<ButtonAction, string>;

/** An appointment's check-in code. */
export const BOOKING_CODE_LENGTH = 6;

export type TransferTarget = { toCategoryId: string } | { toWindowId: string };

interface Failed {
  action: Action;
  retry: () => Promise<boolean>;
}

/** A command's follow-ups once the hub said yes: take its answer, close the dialog, say what was done. */
interface Done<E extends CommandName> {
  apply?: (data: AckDataOf<E>) => void;
  closes?: boolean;
  notice?: (data: AckDataOf<E>) => Notice;
}

export class Caller {
  /** The command in flight; every action button is disabled meanwhile (no double call). */
  busy = $state<Action | null>(null);
  error = $state.raw<AppError | ClientError | null>(null);
  /** The last command got no answer: it can be sent again with the same cmdId. */
  failed = $state.raw<Failed | null>(null);
  dialog = $state<Dialog>(null);
  /** Today's figures of the staff member signed in here; null until fetched. */
  figures = $state.raw<StaffFigures | null>(null);
  /** The counter services' last answers, shown in their dialog until it is opened again. */
  issued = $state.raw<TicketIssued | null>(null);
  checkedIn = $state.raw<CheckedIn | null>(null);
  reprinted = $state.raw<{ number: string; result: PrintResult } | null>(null);
  /** This window's waiting tickets in the hub's call order (GET /api/windows/:id/queue); null until asked. */
  queue = $state.raw<WindowQueueEntry[] | null>(null);
  /** Bad-rating cases concerning this window or its staff member (差评工单). */
  cases = $state.raw<WindowCase[]>([]);
  notice = $state.raw<Notice | null>(null);
  /** The number of the visit this window finished last, to add its 办件编号 a moment later. */
  lastFinished = $state<string | null>(null);

  private readonly hall: Hall;

  constructor(hall: Hall) {
    this.hall = hall;
  }

  readonly windowId = $derived.by(() => this.hall.welcome?.device.windowId);
  readonly isWindowDevice = $derived.by(() => {
    const d = this.hall.welcome?.device;
    return !d || (d.role === 'window' && Boolean(d.windowId));
  });
  readonly window = $derived.by<WindowView | undefined>(() =>
    this.hall.snapshot?.windows.find((w) => w.id === this.windowId),
  );
  readonly signedIn = $derived.by(() => Boolean(this.window && this.window.status !== 'closed' && this.window.staff));
  readonly paused = $derived.by(() => this.window?.status === 'paused');
  readonly current = $derived.by<TicketView | undefined>(() => this.window?.current);

  /**
   * Waiting tickets this window may call, in the order its calls-next take them: the head of the hub's
   * own order (engine callOrder, its first QUEUE_SHOWN), less any ticket the hall's broadcasts say is no
   * longer waiting.
   */
  readonly waiting = $derived.by<TicketView[]>(() => {
    const s = this.hall.snapshot;
    if (!s || !this.queue) return [];
    const waiting: Record<string, TicketView> = Object.fromEntries(s.tickets.filter((t) => t.state === 'waiting').map((t) => [t.number, t]));
    return this.queue.flatMap((e) => waiting[e.number] ?? []);
  });

  /** How many wait for this window: its list shows the first QUEUE_SHOWN of them. */
  readonly waitingCount = $derived.by(() => this.queueBasis?.callable.size ?? this.waiting.length);

  /** What this window's call order is worked out from, as the hall's broadcasts show it (queueBasis). */
  readonly queueBasis = $derived.by<QueueBasis | undefined>(() => {
    const s = this.hall.snapshot;
    const w = this.window;
    return s && w && this.signedIn ? queueBasis(s.tickets, w) : undefined;
  });
  /** The basis of the queue list shown: asked for, or kept after this window's own call-next (mustAskAgain). */
  private shownBasis: QueueBasis | undefined;
  /** The head of the list shown when this device last sent call-next: if the hub called it, the rest keep their order. */
  private nextFrom: string | undefined;

  /** Asks for the queue list again when the hall's broadcasts can have changed its order (mustAskAgain), not on every change in the hall. */
  followQueue(): void {
    const after = this.queueBasis;
    untrack(() => {
      const before = this.shownBasis;
      this.shownBasis = after;
      if (!after) return;
      const head = this.queue?.find((e) => before?.callable.has(e.number))?.number;
      const calledNext = this.current !== undefined && this.current.number === this.nextFrom ? this.nextFrom : undefined;
      if (calledNext) this.nextFrom = undefined; // once: a later call of the same number (requeued) is not this one
      if (mustAskAgain(before, after, { head, calledNext })) void this.refreshQueue();
    });
  }

  /** Open cases (差评工单 not yet closed). */
  readonly openCases = $derived.by(() => this.cases.filter((c) => c.next !== null));

  /** The called ticket's next recall passes it (过号): staff are told before. */
  readonly lastRecall = $derived.by(() => this.current?.state === 'called' && this.current.recallsLeft === 0);

  /** Tickets put on hold at this window (the citizen stepped away), to resume. */
  readonly held = $derived.by<TicketView[]>(() =>
    (this.hall.snapshot?.tickets ?? []).filter((t) => t.state === 'on-hold' && t.windowId === this.windowId),
  );

  /** Open tickets whose slip failed (they live on as e-tickets until reprinted). */
  readonly unprintedOpen = $derived.by(() => (this.hall.snapshot?.tickets ?? []).filter((t) => t.printed === false).length);

  /** Which actions make sense now; the hub still has the last word. */
  readonly can = $derived.by<Record<ButtonAction | DeskAction, boolean>>(() => {
    const online = this.hall.status === 'live' || this.hall.status === 'syncing';
    const idle = online && this.busy === null && this.signedIn;
    const state = this.current?.state;
    const free = idle && !this.paused && !this.current;
    return {
      callNext: free,
      callNumber: free,
      recall: idle && !this.paused && state === 'called',
      start: idle && !this.paused && state === 'called',
      finish: idle && state === 'serving',
      noShow: idle && state === 'called',
      transfer: idle && (state === 'called' || state === 'serving'),
      hold: idle && state === 'serving',
      resume: idle && this.held.length > 0,
      requeue: idle,
      pause: idle && !this.paused,
      unpause: idle && this.paused,
      signOut: idle,
      // A paused window still serves the counter: staff are at their desk.
      issue: idle,
      checkIn: idle,
      reprint: idle,
      linkCase: idle && this.lastFinished !== null,
    };
  });

  signIn = (staffNumber: string, pin: string): Promise<boolean> =>
    this.run('signIn', 'staff:signIn', { windowId: this.requireWindow(), staffNumber, pin });

  callNext = (): Promise<boolean> => {
    this.nextFrom = this.waiting[0]?.number;
    return this.run('callNext', 'window:callNext', { windowId: this.requireWindow() });
  };
  recall = (): Promise<boolean> => {
    const number = this.current?.number ?? '';
    return this.run('recall', 'window:recall', { windowId: this.requireWindow() }, {
      closes: true,
      // Past the cap the hub passes the ticket: say which happened.
      notice: (r) => (r.ticket?.state === 'no-show' ? { key: 'window.noShowDone', params: { number } } : { key: 'window.recalled', params: { number } }),
    });
  };
  start = (): Promise<boolean> => this.run('start', 'window:start', { windowId: this.requireWindow() });
  noShow = (): Promise<boolean> => {
    const number = this.current?.number ?? '';
    return this.run('noShow', 'window:noShow', { windowId: this.requireWindow() }, { closes: true, notice: () => ({ key: 'window.noShowDone', params: { number } }) });
  };
  hold = (): Promise<boolean> => {
    const number = this.current?.number ?? '';
    return this.run('hold', 'window:hold', { windowId: this.requireWindow() }, { closes: true, notice: () => ({ key: 'window.heldDone', params: { number } }) });
  };
  unpause = (): Promise<boolean> => this.run('unpause', 'window:unpause', { windowId: this.requireWindow() });

  callNumber = (number: string): Promise<boolean> => this.run('callNumber', 'window:callNumber', { windowId: this.requireWindow(), number }, { closes: true });
  resume = (number: string): Promise<boolean> =>
    this.run('resume', 'window:resume', { windowId: this.requireWindow(), number }, { closes: true, notice: () => ({ key: 'window.resumedDone', params: { number } }) });
  requeue = (number: string): Promise<boolean> =>
    this.run('requeue', 'window:requeue', { windowId: this.requireWindow(), number }, { closes: true, notice: () => ({ key: 'window.requeuedDone', params: { number } }) });

  /** `to`: the service's or the window's name as the dialog showed it, for the message after. */
  transfer = (target: TransferTarget, note: string, to: string): Promise<boolean> => {
    const number = this.current?.number ?? '';
    return this.run('transfer', 'window:transfer', { windowId: this.requireWindow(), ...target, note: note.trim() }, {
      closes: true,
      notice: () => ({ key: 'window.transferredDone', params: { number, to } }),
    });
  };

  /** `said`: the outcome's name as the dialog showed it. */
  finish = (outcome: Outcome, note: string, said: string, details: FinishDetails = {}): Promise<boolean> => {
    const trimmed = note.trim();
    const number = this.current?.number ?? '';
    const { caseNumber, itemCode } = details;
    const payload = { windowId: this.requireWindow(), outcome, ...(trimmed && { note: trimmed }), ...(caseNumber && { caseNumber }), ...(itemCode && { itemCode }) };
    return this.run('finish', 'window:finish', payload, {
      apply: () => (this.lastFinished = number),
      closes: true,
      notice: () => ({ key: 'window.finishedDone', params: { number, outcome: said } }),
    });
  };

  /** 办件编号 / 事项 for the visit just finished here (the hub finds it: the last one this person finished). */
  linkCase = ({ caseNumber, itemCode }: FinishDetails): Promise<boolean> => {
    const payload = { windowId: this.requireWindow(), ...(caseNumber && { caseNumber }), ...(itemCode && { itemCode }) };
    return this.run('linkCase', 'window:linkCase', payload, {
      closes: true,
      notice: (r) => ({ key: 'window.caseLinkedDone', params: { number: r.ticket?.number ?? this.lastFinished ?? '' } }),
    });
  };

  pause = (reason: PauseReason, note: string): Promise<boolean> => {
    const trimmed = note.trim();
    return this.run('pause', 'window:pause', { windowId: this.requireWindow(), reason, ...(trimmed ? { note: trimmed } : {}) }, { closes: true });
  };

  signOut = (): Promise<boolean> => this.run('signOut', 'staff:signOut', { windowId: this.requireWindow() }, { closes: true });

  /** A ticket for a walk-in who cannot use the kiosk; the hub records it as staff-issued. */
  issue = (categoryId: string, priority: 'normal' | 'green'): Promise<boolean> =>
    this.run('issue', 'ticket:issue', { categoryId, priority }, { apply: (data) => (this.issued = data) });

  /** `acceptNormal`: the citizen came too late and agreed to a standard ticket. */
  checkIn = (code: string, acceptNormal = false): Promise<boolean> =>
    this.run('checkIn', 'appointment:checkIn', { code, ...(acceptNormal && { acceptNormal }) }, { apply: (data) => (this.checkedIn = data) });

  /** The same number again, on its own kiosk's printer unless another is chosen. */
  reprint = (number: string, printerId?: string): Promise<boolean> =>
    this.run('reprint', 'ticket:reprint', { number, ...(printerId && { printerId }) }, { apply: (result) => (this.reprinted = { number, result }) });

  /** Asks the hub for today's figures; a failure keeps the last ones on screen. */
  refreshFigures = async (): Promise<void> => {
    const sync = this.hall.sync;
    const windowId = this.windowId;
    if (!sync || !windowId || !this.signedIn) return;
    const answer = await sync.command('window:figures', { windowId });
    if (answer.ok) this.figures = answer.data;
  };

  /** Asks the hub for this window's queue in call order, one ask at a time and at most one a second (askOneAtATime). */
  refreshQueue = askOneAtATime(async () => {
    const windowId = this.windowId;
    if (!windowId) return;
    const ack = await rest('get', '/windows/:id/queue', { params: { id: windowId }, query: { limit: QUEUE_SHOWN } }).catch(() => undefined);
    if (ack?.ok) this.queue = ack.data;
  }, QUEUE_ASK_EVERY_MS);

  /** Asks the hub for the bad-rating cases concerning this window; a failure keeps the last ones. */
  refreshCases = async (): Promise<void> => {
    const sync = this.hall.sync;
    const windowId = this.windowId;
    if (!sync || !windowId) return;
    const answer = await sync.command('window:cases', { windowId });
    if (answer.ok) this.cases = answer.data;
  };

  /** Sends the unanswered command again; HallSync gives it the same cmdId. */
  retry = async (): Promise<void> => {
    const f = this.failed;
    if (f && this.busy === null) await f.retry();
  };

  dismissError = (): void => {
    this.error = null;
    this.failed = null;
  };

  /** Opens a counter service's dialog afresh. */
  openDesk = (action: DeskAction): void => {
    if (!this.can[action]) return;
    this.error = null;
    this.failed = null;
    this.issued = null;
    this.checkedIn = null;
    this.reprinted = null;
    this.dialog = action;
  };

  /** Closes a counter service's dialog; its last refusal goes with it (it was about what was typed there). */
  closeDesk = (): void => {
    this.dialog = null;
    this.dismissError();
  };

  /** A keyboard shortcut or a button: opens a dialog or sends the command, if it may be done now. */
  trigger = (action: ButtonAction): void => {
    if (!this.can[action]) return;
    switch (action) {
      case 'finish':
      case 'pause':
      case 'signOut':
      case 'callNumber':
      case 'transfer':
      case 'resume':
      case 'requeue':
      case 'noShow':
      case 'hold':
        this.error = null;
        this.dialog = action;
        return;
      case 'recall':
        // The recall that will pass the ticket is confirmed first; the others go at once.
        if (this.lastRecall) {
          this.error = null;
          this.dialog = 'recall';
        } else void this.recall();
        return;
      default:
        void this[action]();
    }
  };

  private requireWindow(): string {
    const id = this.windowId;
    if (!id) throw new Error('no window');
    return id;
  }

  /**
   * Sends a command unless one is in flight; `done` says what follows the hub's yes. Unanswered
   * (TIMEOUT), it can be sent again as it was (`retry`, also after a reconnect): HallSync gives it
   * the same cmdId, so the hub answers with what it did the first time, and that is what is shown.
   */
  private async run<E extends CommandName>(action: Action, event: E, input: CommandInput<E>, done: Done<E> = {}): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync || this.busy !== null) return false;
    this.busy = action;
    this.error = null;
    this.failed = null;
    this.notice = null;
    try {
      const answer = await sync.command(event, input);
      if (answer.ok) {
        done.apply?.(answer.data);
        if (done.closes) this.dialog = null;
        if (done.notice) this.notice = done.notice(answer.data);
        return true;
      }
      this.error = answer.error;
      if (answer.error.code === 'TIMEOUT') this.failed = { action, retry: () => this.run(action, event, input, done) };
      return false;
    } finally {
      this.busy = null;
    }
  }
}
