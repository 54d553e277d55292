// State of the staff caller: this device's window, what may be done now, and the commands in flight.
import type { CheckedIn } from '@yichuang/shared/appointments';
import type { Outcome, PauseReason, TicketView, WindowView } from '@yichuang/shared/domain';
import type { AppError } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import type { AckDataOf, ClientError, CommandInput, CommandName } from '@yichuang/shared/commands';
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
export type DeskAction = 'issue' | 'checkIn' | 'reprint';
export type ButtonAction = Exclude<Action, 'signIn' | DeskAction>;
/** Actions that ask something first (an outcome, a reason, a number, a target), and the counter services. */
export type Dialog = Extract<ButtonAction, 'finish' | 'pause' | 'signOut' | 'callNumber' | 'transfer' | 'resume' | 'requeue'> | DeskAction | null;

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

  /** Waiting tickets this window may call: its categories, or sent to it by name. */
  readonly waiting = $derived.by<TicketView[]>(() => {
    const w = this.window;
    const s = this.hall.snapshot;
    if (!w || !s) return [];
    const serves = (categoryId: string): boolean => w.categories.some((c) => c.categoryId === categoryId);
    return s.tickets
      .filter((t) => t.state === 'waiting' && (serves(t.categoryId) || t.windowId === w.id))
      .sort((a, b) => a.issuedAt - b.issuedAt);
  });

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
    };
  });

  signIn = (staffNumber: string, pin: string): Promise<boolean> =>
    this.run('signIn', 'staff:signIn', { windowId: this.requireWindow(), staffNumber, pin });

  callNext = (): Promise<boolean> => this.run('callNext', 'window:callNext', { windowId: this.requireWindow() });
  recall = (): Promise<boolean> => this.run('recall', 'window:recall', { windowId: this.requireWindow() });
  start = (): Promise<boolean> => this.run('start', 'window:start', { windowId: this.requireWindow() });
  noShow = (): Promise<boolean> => this.run('noShow', 'window:noShow', { windowId: this.requireWindow() });
  hold = (): Promise<boolean> => this.run('hold', 'window:hold', { windowId: this.requireWindow() });
  unpause = (): Promise<boolean> => this.run('unpause', 'window:unpause', { windowId: this.requireWindow() });

  callNumber = (number: string): Promise<boolean> =>
    this.closing(this.run('callNumber', 'window:callNumber', { windowId: this.requireWindow(), number }));
  resume = (number: string): Promise<boolean> =>
    this.closing(this.run('resume', 'window:resume', { windowId: this.requireWindow(), number }));
  requeue = (number: string): Promise<boolean> =>
    this.closing(this.run('requeue', 'window:requeue', { windowId: this.requireWindow(), number }));

  transfer = (target: TransferTarget, note: string): Promise<boolean> =>
    this.closing(this.run('transfer', 'window:transfer', { windowId: this.requireWindow(), ...target, note: note.trim() }));

  finish = (outcome: Outcome, note: string): Promise<boolean> => {
    const trimmed = note.trim();
    return this.closing(this.run('finish', 'window:finish', { windowId: this.requireWindow(), outcome, ...(trimmed ? { note: trimmed } : {}) }));
  };

  pause = (reason: PauseReason, note: string): Promise<boolean> => {
    const trimmed = note.trim();
    return this.closing(this.run('pause', 'window:pause', { windowId: this.requireWindow(), reason, ...(trimmed ? { note: trimmed } : {}) }));
  };

  signOut = (): Promise<boolean> => this.closing(this.run('signOut', 'staff:signOut', { windowId: this.requireWindow() }));

  /** A ticket for a walk-in who cannot use the kiosk; the hub records it as staff-issued. */
  issue = (categoryId: string, priority: 'normal' | 'green'): Promise<boolean> =>
    this.run('issue', 'ticket:issue', { categoryId, priority }, (data) => (this.issued = data));

  /** `acceptNormal`: the citizen came too late and agreed to a standard ticket. */
  checkIn = (code: string, acceptNormal = false): Promise<boolean> =>
    this.run('checkIn', 'appointment:checkIn', { code, ...(acceptNormal && { acceptNormal }) }, (data) => (this.checkedIn = data));

  /** The same number again, on its own kiosk's printer unless another is chosen. */
  reprint = (number: string, printerId?: string): Promise<boolean> =>
    this.run('reprint', 'ticket:reprint', { number, ...(printerId && { printerId }) }, (result) => (this.reprinted = { number, result }));

  /** Asks the hub for today's figures; a failure keeps the last ones on screen. */
  refreshFigures = async (): Promise<void> => {
    const sync = this.hall.sync;
    const windowId = this.windowId;
    if (!sync || !windowId || !this.signedIn) return;
    const answer = await sync.command('window:figures', { windowId });
    if (answer.ok) this.figures = answer.data;
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
        this.error = null;
        this.dialog = action;
        return;
      default:
        void this[action]();
    }
  };

  private async closing(done: Promise<boolean>): Promise<boolean> {
    const ok = await done;
    if (ok) this.dialog = null;
    return ok;
  }

  private requireWindow(): string {
    const id = this.windowId;
    if (!id) throw new Error('no window');
    return id;
  }

  /** Sends a command unless one is in flight; `apply` takes the hub's answer when it says yes. */
  private async run<E extends CommandName>(action: Action, event: E, input: CommandInput<E>, apply?: (data: AckDataOf<E>) => void): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync || this.busy !== null) return false;
    this.busy = action;
    this.error = null;
    this.failed = null;
    try {
      const answer = await sync.command(event, input);
      if (answer.ok) {
        apply?.(answer.data);
        return true;
      }
      this.error = answer.error;
      if (answer.error.code === 'TIMEOUT') this.failed = { action, retry: () => this.run(action, event, input, apply) };
      return false;
    } finally {
      this.busy = null;
    }
  }
}
