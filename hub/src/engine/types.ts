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
}

export type Command =
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
  | { type: 'callNumber'; windowId: string; number: string }
  | { type: 'recall'; windowId: string }
  | { type: 'start'; windowId: string }
  | { type: 'finish'; windowId: string; outcome: Outcome; note?: string }
  | { type: 'noShow'; windowId: string }
  | { type: 'transfer'; windowId: string; toCategoryId?: string; toWindowId?: string; note: string }
  | { type: 'hold'; windowId: string; note?: string }
  | { type: 'resume'; windowId: string; number: string }
  | { type: 'requeue'; windowId: string; number: string }
  | { type: 'cancel'; number: string; note?: string }
  | { type: 'pause'; windowId: string; reason: PauseReason; note?: string }
  | { type: 'unpause'; windowId: string }
  | { type: 'signIn'; windowId: string; staffId: string }
  | { type: 'signOut'; windowId: string }
  | { type: 'recordPrint'; ticketId: string; printerId: string; ok: boolean; reason?: string }
  | { type: 'rate'; windowId: string; ticketId: string; level: RatingLevel; reasons: string[]; text?: string; contact?: MaskedIdentity }
  /** The hub's pad timer: the visit is 未评价 once its time is up. */
  | { type: 'expireRating'; windowId: string; ticketId: string }
  | { type: 'verifyCase'; caseId: string; verdict: Verdict; notes: string; by: CaseActor }
  | { type: 'rectifyCase'; caseId: string; measures: string; by: CaseActor }
  | { type: 'followUpCase'; caseId: string; result: FollowUpResult; notes: string; by: CaseActor }
  | { type: 'closeCase'; caseId: string; notes?: string; by: CaseActor };

export type CommandType = Command['type'];

type E<T extends string, P> = { type: T; at: number } & P;

export type EngineEvent =
  /** `cases`: the cases carried over, so each day's journal rebuilds its state on its own. */
  | E<'day.started', { day: ServiceDay; cases?: Case[] }>
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
  | E<'ticket.finished', { ticketId: string; windowId: string; staffId: string; outcome: Outcome; note?: string }>
  | E<'ticket.noShow', { ticketId: string; windowId: string; reason: 'manual' | 'recall-cap' }>
  | E<'ticket.requeued', { ticketId: string; windowId: string; queueAt: number }>
  | E<'ticket.transferred', { ticketId: string; windowId: string; toCategoryId: string; toWindowId?: string; note: string }>
  | E<'ticket.held', { ticketId: string; windowId: string; note?: string }>
  | E<'ticket.resumed', { ticketId: string; windowId: string }>
  | E<'ticket.cancelled', { ticketId: string; note?: string }>
  | E<'window.paused', { windowId: string; reason: PauseReason; note?: string }>
  | E<'window.unpaused', { windowId: string }>
  | E<'staff.signedIn', { windowId: string; staffId: string }>
  | E<'staff.signedOut', { windowId: string; staffId: string }>
  | E<'ticket.printed', { ticketId: string; printerId: string; ok: boolean; reason?: string }>
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
  /** 未评价: the pad's time ran out, or the window finished its next visit first. */
  | E<'rating.expired', { ticketId: string; windowId: string; staffId: string; reason: 'timeout' | 'superseded' }>
  | E<'case.opened', { caseId: string; ticketId: string; department: string; due: Record<DeadlineStep, ServiceDay> }>
  | E<'case.verified', { caseId: string; verdict: Verdict; notes: string; by: CaseActor }>
  | E<'case.rectified', { caseId: string; measures: string; by: CaseActor }>
  | E<'case.followedUp', { caseId: string; result: FollowUpResult; notes: string; by: CaseActor }>
  | E<'case.closed', { caseId: string; notes?: string; by: CaseActor }>;

export type EventType = EngineEvent['type'];
export type EventOf<T extends EventType> = Extract<EngineEvent, { type: T }>;

export interface DomainError {
  code: ErrorCode;
  params?: ErrorParams;
}

export type Decision = { ok: true; events: EngineEvent[] } | { ok: false; error: DomainError };
