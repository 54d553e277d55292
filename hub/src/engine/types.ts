// The queue engine's contract: decide(state, command, ctx) → events; evolve(state, event) → state.
// Pure: no I/O, no clock, no randomness. Time and configuration come in through ctx.
import type {
  HallConfig,
  MaskedIdentity,
  Outcome,
  PauseReason,
  PriorityClass,
  ServiceDay,
  Ticket,
  TicketSource,
  WindowState,
} from '@yichuang/shared/domain';
import type { BookedBy, BookingCore, BookingRules, BookingStatus, NoticeKind } from '@yichuang/shared/appointments';
import type { ErrorCode, ErrorParams } from '@yichuang/shared/errors';
import type { Case, CaseActor, DeadlineStep, FollowUpResult, Rating, RatingChannel, RatingLevel, Verdict } from '@yichuang/shared/ratings';

export interface EngineState {
  /** Service day the state belongs to; null before the first event. */
  day: ServiceDay | null;
  /** Today's tickets by id (`${day}/${number}`). */
  tickets: Record<string, Ticket>;
  /** Ticket number → id, for today. */
  byNumber: Record<string, string>;
  /** Category id → last sequence number issued today. */
  counters: Record<string, number>;
  windows: Record<string, WindowState>;
  /** Latest calls, newest first, at most 50. */
  calls: CallRecord[];
  /** 好差评; absent until the day's first finished visit or a case carried over from an earlier day. */
  evaluation?: EvaluationState;
  /** 预约; absent until the first booking, or bookings carried over from an earlier day. */
  appointments?: AppointmentBook;
}

/**
 * The appointment book: today's bookings and every later day's. A new day starts with the bookings
 * of that day and after (plus earlier ones still to be marked no-show), carried in its day.started
 * event, so each day's journal rebuilds the book on its own.
 */
export interface AppointmentBook {
  /** Booking id → booking. A Map: a busy book holds thousands, and every booking scans them. */
  bookings: Map<string, Booking>;
  /** Today's notices, newest first, at most 100. */
  notices: NoticeRecord[];
}

/** What a booking was made with; the event journals these, evolve adds the rest. */
export interface BookingTerms extends BookingCore {
  id: string;
  /** Masked (张*三): the full name is never stored. */
  name: string;
  /** Masked number for display, and a keyed hash for the per-person limits. */
  phone: { masked: string; key: string };
  /** The number sealed (encrypted) for the notice sender; absent when notices cannot reach it. */
  contact?: string;
}

export interface Booking extends BookingTerms {
  status: BookingStatus;
  ticketId?: string;
  /** Notices sent (or given up on) for the booking's current terms. */
  notices: NoticeKind[];
}

export interface NoticeRecord {
  at: number;
  bookingId: string;
  code: string;
  kind: NoticeKind;
  channel: string;
  to: string;
  text: string;
  ok: boolean;
  reason?: string;
}

export interface EvaluationState {
  /** Window id → the visit just finished there, which that window's pad may rate. */
  pads: Record<string, PadPrompt>;
  /** Ticket id → today's rating of that visit, or its 未评价. */
  ratings: Record<string, Rating>;
  /** Case id → bad-rating case. Open cases (and recently closed ones) carry over into the next day. */
  cases: Record<string, Case>;
}

export interface PadPrompt {
  ticketId: string;
  staffId: string;
  finishedAt: number;
  /** The level (and reasons so far) the citizen chose while still giving details: kept if time runs out. */
  chosen?: { level: RatingLevel; reasons: string[]; at: number };
}

export interface CallRecord {
  ticketId: string;
  windowId: string;
  at: number;
  recall: number;
}

export interface DecideContext {
  now: number;
  config: HallConfig;
  /**
   * A category's load in the state decided on, from an index its keeper updates event by event; the
   * state is scanned without it. Never used for a command that starts a new day (decide.ts).
   */
  load?: (categoryId: string) => QueueLoad;
}

/** A category's queue: how many wait, and the service times (ms) of its finished visits in issue order. */
export interface QueueLoad {
  waiting: number;
  servedMs: readonly number[];
  /** Today's walk-in tickets first issued in the category, if the caller keeps them (caps and slot quotas count them). */
  walkIns?: readonly Ticket[];
}

/**
 * Commands that act on a ticket by its number are held to the window's own tickets (guards.ts,
 * notServedHere) unless a manager or an admin at the console sends them: the service layer sets
 * `override` for those, never from a payload, never for a window device.
 */
interface Override {
  override?: boolean;
}

export type Command =
  /** The hub's clock passed midnight: the day starts now, not at its first ticket (decide.ts starts any day). */
  | { type: 'startDay' }
  | {
      type: 'issue';
      categoryId: string;
      priority: PriorityClass;
      source: TicketSource;
      identity?: MaskedIdentity;
      kioskId?: string;
      /** Booked time of an appointment. */
      dueAt?: number;
    }
  | { type: 'callNext'; windowId: string }
  | ({ type: 'callNumber'; windowId: string; number: string } & Override)
  | { type: 'recall'; windowId: string }
  | { type: 'start'; windowId: string }
  | { type: 'finish'; windowId: string; outcome: Outcome; note?: string; caseNumber?: string; itemCode?: string }
  /** 办件编号 and/or 事项 for the last visit finished at the window, given a moment after 办结. */
  | { type: 'linkCase'; windowId: string; caseNumber?: string; itemCode?: string }
  | { type: 'noShow'; windowId: string }
  | { type: 'transfer'; windowId: string; toCategoryId?: string; toWindowId?: string; note: string }
  | { type: 'hold'; windowId: string; note?: string }
  | { type: 'resume'; windowId: string; number: string }
  | ({ type: 'requeue'; windowId: string; number: string } & Override)
  /** `windowId`: the window that asks (absent at the console, where only `override` cancels). */
  | ({ type: 'cancel'; number: string; note?: string; windowId?: string } & Override)
  | { type: 'pause'; windowId: string; reason: PauseReason; note?: string }
  | { type: 'unpause'; windowId: string }
  /** A manager switches a tidal window to one queue for the rest of the day (tidal.ts). */
  | { type: 'assignTidal'; windowId: string; categoryId: string }
  /** A manager puts a switched tidal window back to its configured categories (tidal.ts). */
  | { type: 'restoreTidal'; windowId: string }
  | { type: 'signIn'; windowId: string; staffId: string }
  | { type: 'signOut'; windowId: string }
  /** The hub signs out a window whose caller was revoked (staffing.ts says what becomes of its ticket). */
  | { type: 'releaseWindow'; windowId: string; note: string }
  /**
   * What became of a slip (print job `jobId`, design.md §6). `late`: an outcome the print agent could not
   * report at the time, settled when it reconnects; it counts only while that slip is the ticket's last.
   */
  | { type: 'recordPrint'; ticketId: string; printerId: string; ok: boolean; reason?: string; jobId?: string; late?: boolean }
  | { type: 'rate'; windowId: string; ticketId: string; level: RatingLevel; reasons: string[]; text?: string; contact?: MaskedIdentity; sealedContact?: string }
  /** A rating given later by the visit's number, at a kiosk or on the phone page. */
  | { type: 'rateVisit'; number: string; channel: Exclude<RatingChannel, 'pad'>; level: RatingLevel; reasons: string[]; text?: string; contact?: MaskedIdentity; sealedContact?: string }
  /** A pad's citizen chose a level (and reasons so far): kept, with more time to finish the details. */
  | { type: 'chooseLevel'; windowId: string; ticketId: string; level: RatingLevel; reasons: string[] }
  /** The hub's pad timer: the visit is 未评价 once its time is up (or rated at the level chosen). */
  | { type: 'expireRating'; windowId: string; ticketId: string }
  | { type: 'verifyCase'; caseId: string; verdict: Verdict; notes: string; by: CaseActor }
  | { type: 'rectifyCase'; caseId: string; measures: string; by: CaseActor }
  | { type: 'followUpCase'; caseId: string; result: FollowUpResult; notes: string; by: CaseActor }
  | { type: 'closeCase'; caseId: string; notes?: string; by: CaseActor }
  /** Id and code are made by the hub (random); the rules are the category's from appointments.json. */
  | {
      type: 'book';
      bookingId: string;
      code: string;
      categoryId: string;
      slotStart: number;
      name: string;
      phone: { masked: string; key: string };
      contact?: string;
      by: BookedBy;
      rules: BookingRules;
    }
  /** `phoneTail` proves a citizen's claim to the code; staff leave it out. */
  | { type: 'changeBooking'; code: string; phoneTail?: string; slotStart: number; rules: BookingRules }
  | { type: 'cancelBooking'; code: string; phoneTail?: string; by: BookedBy }
  | { type: 'checkIn'; code: string; acceptNormal: boolean; kioskId?: string }
  /** The hub's timer: bookings whose check-in window closed and whose slot ended become no-shows. */
  | { type: 'markNoShows' }
  | { type: 'recordNotice'; bookingId: string; kind: NoticeKind; channel: string; to: string; text: string; ok: boolean; reason?: string };

export type CommandType = Command['type'];

type E<T extends string, P> = { type: T; at: number } & P;

export type EngineEvent =
  /** `cases`, `bookings`: what carries over, so each day's journal rebuilds its state on its own. */
  | E<'day.started', { day: ServiceDay; cases?: Case[]; bookings?: Booking[] }>
  | E<
      'ticket.issued',
      {
        ticketId: string;
        number: string;
        categoryId: string;
        source: TicketSource;
        priority: PriorityClass;
        identity?: MaskedIdentity;
        kioskId?: string;
        dueAt?: number;
      }
    >
  | E<'ticket.called', { ticketId: string; windowId: string; staffId: string; by: 'next' | 'number'; priorityPick: boolean }>
  | E<'ticket.recalled', { ticketId: string; windowId: string; count: number }>
  | E<'ticket.started', { ticketId: string; windowId: string; staffId: string }>
  | E<'ticket.finished', { ticketId: string; windowId: string; staffId: string; outcome: Outcome; note?: string; caseNumber?: string; itemCode?: string }>
  | E<'ticket.noShow', { ticketId: string; windowId: string; reason: 'manual' | 'recall-cap' }>
  | E<'ticket.requeued', { ticketId: string; windowId: string; queueAt: number }>
  | E<'ticket.transferred', { ticketId: string; windowId: string; toCategoryId: string; toWindowId?: string; note: string }>
  | E<'ticket.caseLinked', { ticketId: string; windowId: string; staffId: string; caseNumber?: string; itemCode?: string }>
  | E<'ticket.held', { ticketId: string; windowId: string; note?: string }>
  | E<'ticket.resumed', { ticketId: string; windowId: string }>
  | E<'ticket.cancelled', { ticketId: string; note?: string }>
  | E<'window.paused', { windowId: string; reason: PauseReason; note?: string }>
  | E<'window.unpaused', { windowId: string }>
  | E<'window.assigned', { windowId: string; categoryId: string }>
  | E<'window.restored', { windowId: string }>
  | E<'staff.signedIn', { windowId: string; staffId: string }>
  | E<'staff.signedOut', { windowId: string; staffId: string }>
  | E<'ticket.printed', { ticketId: string; printerId: string; ok: boolean; reason?: string; jobId?: string; late?: boolean }>
  | E<
      'rating.recorded',
      {
        ticketId: string;
        windowId: string;
        staffId: string;
        channel: RatingChannel;
        level: RatingLevel;
        reasons: string[];
        text?: string;
        contact?: MaskedIdentity;
      }
    >
  | E<'rating.levelChosen', { ticketId: string; windowId: string; level: RatingLevel; reasons: string[] }>
  /** 未评价: the pad's time ran out, or the window finished its next visit first. */
  | E<'rating.expired', { ticketId: string; windowId: string; staffId: string; reason: 'timeout' | 'superseded' }>
  /** `sealedContact`: the citizen's phone sealed by the hub for the 回访, when they gave one. */
  | E<'case.opened', { caseId: string; ticketId: string; department: string; due: Record<DeadlineStep, ServiceDay>; sealedContact?: string }>
  | E<'case.verified', { caseId: string; verdict: Verdict; notes: string; by: CaseActor }>
  | E<'case.rectified', { caseId: string; measures: string; by: CaseActor }>
  | E<'case.followedUp', { caseId: string; result: FollowUpResult; notes: string; by: CaseActor }>
  | E<'case.closed', { caseId: string; notes?: string; by: CaseActor }>
  // Appointment events carry category, booked day and slot, so statistics can count them from the
  // journal alone (the booked day may differ from the journal day the event is in).
  | E<'appointment.booked', { booking: BookingTerms }>
  | E<
      'appointment.changed',
      {
        bookingId: string;
        categoryId: string;
        fromDay: ServiceDay;
        fromSlotStart: number;
        day: ServiceDay;
        slotStart: number;
        slotEnd: number;
        checkInFrom: number;
        checkInUntil: number;
      }
    >
  | E<'appointment.cancelled', { bookingId: string; categoryId: string; day: ServiceDay; slotStart: number; by: BookedBy }>
  /** `late`: after the check-in window, given a normal ticket; `afterNoShow`: it had been marked a no-show. */
  | E<
      'appointment.checkedIn',
      { bookingId: string; categoryId: string; day: ServiceDay; slotStart: number; ticketId: string; late: boolean; afterNoShow?: true }
    >
  | E<'appointment.noShow', { bookingId: string; categoryId: string; day: ServiceDay; slotStart: number }>
  | E<'appointment.notified', Omit<NoticeRecord, 'at' | 'code'>>;

export type EventType = EngineEvent['type'];
export type EventOf<T extends EventType> = Extract<EngineEvent, { type: T }>;

export interface DomainError {
  code: ErrorCode;
  params?: ErrorParams;
}

export type Decision = { ok: true; events: EngineEvent[] } | { ok: false; error: DomainError };
