// The one Socket.IO event map, imported by the hub and by every screen.
// Commands are imperative (client → hub, answered by an Ack); broadcasts are past tense (hub → clients).
import type { CallView, Device, Hall, HallSnapshot, QueueView, ServiceDay, StaffCard, TicketView, WindowView } from './domain.js';
import type { AckFn } from './errors.js';
import type { AdminBroadcasts, AdminCommands } from './admin.js';
import type { AppointmentBroadcasts, AppointmentCommands } from './appointments.js';
import type { KioskBroadcasts, KioskCommands } from './kiosk.js';
import type { LiveBroadcasts, LiveCommands } from './live.js';
import type { PrintResult, PrintingBroadcasts, PrintingCommands } from './printing.js';
import type { NoticeBroadcasts, NoticeCommands } from './notices.js';
import type { RatingBroadcasts, RatingCommands } from './ratings.js';
import type * as S from './schemas.js';
import type { WindowBroadcasts, WindowCase } from './window-queue.js';

export interface TicketIssued {
  ticket: TicketView;
  /** Minutes, from the live queue and recent service times. */
  estimatedWaitMin: number;
  /** Kiosk tickets: printed, or an e-ticket with its page address; absent for staff-issued tickets. */
  print?: PrintResult;
}

export interface WindowResult {
  window: WindowView;
  ticket?: TicketView;
}

export interface SignedIn {
  window: WindowView;
  staff: StaffCard;
}

/** Queue commands; the other domains' commands are in their own files and joined below. */
export interface QueueCommands {
  'ticket:issue': (p: S.IssueTicketInput, ack: AckFn<TicketIssued>) => void;
  'ticket:cancel': (p: S.CancelTicketInput, ack: AckFn<TicketView>) => void;
  'ticket:lookup': (p: S.LookupTicketInput, ack: AckFn<TicketView>) => void;
  'window:callNext': (p: S.CallNextInput, ack: AckFn<WindowResult>) => void;
  'window:callNumber': (p: S.CallNumberInput, ack: AckFn<WindowResult>) => void;
  'window:recall': (p: S.RecallInput, ack: AckFn<WindowResult>) => void;
  'window:start': (p: S.StartServiceInput, ack: AckFn<WindowResult>) => void;
  'window:finish': (p: S.FinishServiceInput, ack: AckFn<WindowResult>) => void;
  'window:noShow': (p: S.MarkNoShowInput, ack: AckFn<WindowResult>) => void;
  /** 办件编号 / 事项 for the last visit finished here; the answer's ticket is that visit. */
  'window:linkCase': (p: S.LinkCaseInput, ack: AckFn<WindowResult>) => void;
  'window:transfer': (p: S.TransferTicketInput, ack: AckFn<WindowResult>) => void;
  'window:hold': (p: S.HoldTicketInput, ack: AckFn<WindowResult>) => void;
  'window:resume': (p: S.ResumeTicketInput, ack: AckFn<WindowResult>) => void;
  'window:requeue': (p: S.RequeueTicketInput, ack: AckFn<WindowResult>) => void;
  'window:pause': (p: S.PauseWindowInput, ack: AckFn<WindowResult>) => void;
  'window:unpause': (p: S.UnpauseWindowInput, ack: AckFn<WindowResult>) => void;
  'staff:signIn': (p: S.SignInInput, ack: AckFn<SignedIn>) => void;
  'staff:signOut': (p: S.SignOutInput, ack: AckFn<WindowResult>) => void;
  /** Bad-rating cases concerning this window or the staff member signed in there. */
  'window:cases': (p: S.WindowCasesInput, ack: AckFn<WindowCase[]>) => void;
  /** The state this screen shows; asked for on connect, on reconnect and whenever a broadcast's seq shows a gap. */
  'sync:snapshot': (p: Record<string, never>, ack: AckFn<HallSnapshot>) => void;
}

/**
 * Every hall broadcast carries a sequence number: the next one a screen gets is always seq + 1.
 * Screens follow one of several streams, each numbered on its own, and get only what they show:
 * window staff and consoles every change (tickets too); boards and kiosks the calls, windows and
 * queues; a window's display and pad only that window.
 */
export interface Sequenced {
  seq: number;
  at: number;
}

export interface TicketChanged extends Sequenced {
  /** The ticket, for the screens that list tickets (window staff, consoles). */
  ticket?: TicketView;
  window?: WindowView;
  /** The queues this change altered (the others are as they were). */
  queues?: QueueView[];
}

export interface TicketCalled extends TicketChanged {
  call: CallView;
  window: WindowView;
}

export interface WindowChanged extends Sequenced {
  window: WindowView;
  /** The queues it altered (a window opening changes its queues' expected waits). */
  queues?: QueueView[];
}

/** Queues that changed while no call or window change went out (boards and kiosks get these gathered). */
export interface QueuesChanged extends Sequenced {
  queues: QueueView[];
}

export interface DayStarted extends Sequenced {
  day: ServiceDay;
}

export interface QueueBroadcasts {
  'ticket:issued': (e: TicketChanged) => void;
  'ticket:called': (e: TicketCalled) => void;
  'ticket:recalled': (e: TicketCalled) => void;
  'ticket:started': (e: TicketChanged) => void;
  'ticket:finished': (e: TicketChanged) => void;
  'ticket:noShow': (e: TicketChanged) => void;
  'ticket:transferred': (e: TicketChanged) => void;
  'ticket:held': (e: TicketChanged) => void;
  'ticket:resumed': (e: TicketChanged) => void;
  'ticket:requeued': (e: TicketChanged) => void;
  'ticket:cancelled': (e: TicketChanged) => void;
  /** A ticket's slip was printed, or printing failed (it then lives on as an e-ticket). */
  'ticket:printed': (e: TicketChanged) => void;
  'window:changed': (e: WindowChanged) => void;
  'queues:changed': (e: QueuesChanged) => void;
  'day:started': (e: DayStarted) => void;
  /** Window staff and consoles: ticket changes that show no call and no window, gathered (GatheredBroadcasts). */
  'hall:gathered': (e: GatheredBroadcasts) => void;
  /** Sent once after the handshake: who the hub thinks this device is. */
  'device:welcome': (d: DeviceWelcome) => void;
}

/** The one event map: every domain's commands and broadcasts. */
export interface ClientToServerEvents
  extends QueueCommands,
    PrintingCommands,
    RatingCommands,
    LiveCommands,
    AppointmentCommands,
    KioskCommands,
    AdminCommands,
    NoticeCommands {}
export interface ServerToClientEvents
  extends QueueBroadcasts,
    WindowBroadcasts,
    PrintingBroadcasts,
    RatingBroadcasts,
    LiveBroadcasts,
    AppointmentBroadcasts,
    KioskBroadcasts,
    AdminBroadcasts,
    NoticeBroadcasts {}

/** Queue broadcasts to the whole hall, numbered by seq. */
export type HallBroadcast = Exclude<keyof QueueBroadcasts, 'device:welcome' | 'hall:gathered'>;

/** Broadcasts that carry a changed ticket. Every hall broadcast is listed (HALL_BROADCASTS), so a client can listen to all; window staff and consoles get some of them inside 'hall:gathered' too. */
export const TICKET_BROADCASTS = [
  'ticket:issued',
  'ticket:called',
  'ticket:recalled',
  'ticket:started',
  'ticket:finished',
  'ticket:noShow',
  'ticket:transferred',
  'ticket:held',
  'ticket:resumed',
  'ticket:requeued',
  'ticket:cancelled',
  'ticket:printed',
] as const satisfies readonly HallBroadcast[];

export const HALL_BROADCASTS = [...TICKET_BROADCASTS, 'window:changed', 'queues:changed', 'day:started'] as const satisfies readonly HallBroadcast[];

/** A ticket broadcast as it would have gone alone. */
export interface GatheredBroadcast {
  name: (typeof TICKET_BROADCASTS)[number];
  event: TicketChanged;
}

/**
 * The staff stream's ticket changes that show no call and no window (a ticket issued, its slip
 * printed, a ticket cancelled at the kiosk), sent together a moment after the first and then at most
 * once a second, as boards get their queues: one message a second to every window client instead of
 * one per ticket. Each keeps its own seq, in order; a call or a window change sends those gathered
 * before it first.
 */
export interface GatheredBroadcasts {
  broadcasts: GatheredBroadcast[];
}

export interface DeviceWelcome {
  device: Pick<Device, 'id' | 'name' | 'role' | 'windowId' | 'zone' | 'demo'>;
  /** The hall's name, for a screen that shows it before any hall data (a console's sign-in form). */
  hall: Pick<Hall, 'name' | 'nameEn'>;
  hubVersion: string;
}

/** Handshake auth payload. */
export interface HandshakeAuth {
  token: string;
}

// Socket.IO's per-socket data kept by the hub.
export interface SocketData {
  deviceId: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}
