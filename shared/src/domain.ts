// Domain types shared by hub and screens. Names follow docs/design.md §3.
import type { z } from 'zod';
import type * as C from './config-schemas.js';
import type { AvailabilityState, Badge, Outcome, PauseReason, PriorityClass, TicketSource, TicketState, WindowKind, WindowStatus } from './lists.js';

export {
  AVAILABILITY_STATES,
  BADGES,
  OUTCOMES,
  PAUSE_REASONS,
  PRIORITY_CLASSES,
  TICKET_SOURCES,
  TICKET_STATES,
  WINDOW_KINDS,
  WINDOW_STATUSES,
  type AvailabilityState,
  type Badge,
  type Outcome,
  type PauseReason,
  type PriorityClass,
  type TicketSource,
  type TicketState,
  type WindowKind,
  type WindowStatus,
} from './lists.js';
export { CONSOLE_ROLES, DEVICE_ROLES, MANAGING_ROLES, SCREEN_ROLES, STAFF_ROLES, type DeviceRole, type ScreenRole, type StaffRole } from './roles.js';

/** 'HH:MM' in the hall's local time. */
export type ClockTime = string;
/** 'YYYY-MM-DD' service day in the hall's local time. */
export type ServiceDay = string;

// The configuration's types are those of the schemas config.json is checked against at start.
export type TimeRange = z.output<typeof C.timeRange>;
/** Opening periods per weekday, index 0 = Sunday … 6 = Saturday. */
export type WeekHours = z.output<typeof C.weekHours>;
export type HallSchedule = z.output<typeof C.hallSchedule>;
export type Zone = z.output<typeof C.zone>;
export type Hall = z.output<typeof C.hall>;
export type Category = z.output<typeof C.category>;
export type WindowCategory = z.output<typeof C.windowCategory>;
export type ServiceWindow = z.output<typeof C.serviceWindow>;
export type Staff = z.output<typeof C.staff>;
export type Device = z.output<typeof C.device>;
export type QueueRules = z.output<typeof C.queueRules>;
export type EvaluationSettings = z.output<typeof C.evaluationSettings>;
export type RetentionSettings = z.output<typeof C.retentionSettings>;
export type HallConfig = z.output<typeof C.hallConfig>;

export interface MaskedIdentity {
  kind: 'phone' | 'id';
  /** e.g. 138****5678 or 1101**********123X */
  masked: string;
  /**
   * Keyed hash of the full number (HMAC-SHA256 with the hall's secret key, base64url): the same
   * person's visits can be counted without keeping the number. Never shown on a screen.
   */
  hash?: string;
}

/** One stretch of a ticket's life; every state change closes one and opens the next. */
export interface Period {
  state: TicketState;
  categoryId: string;
  windowId?: string;
  staffId?: string;
  start: number;
  end?: number;
}

export interface Ticket {
  id: string;
  number: string;
  day: ServiceDay;
  categoryId: string;
  source: TicketSource;
  priority: PriorityClass;
  issuedAt: number;
  /** Original arrival; kept across transfers and returns. */
  arrivalAt: number;
  /** Position key in the queue (arrival, or the place a returning no-show was put). */
  queueAt: number;
  /** Appointment's booked time. */
  dueAt?: number;
  /** Set by a transfer to a named window, or by hold → resume. */
  targetWindowId?: string;
  identity?: MaskedIdentity;
  kioskId?: string;
  state: TicketState;
  windowId?: string;
  staffId?: string;
  recalls: number;
  returns: number;
  transfers: number;
  outcome?: Outcome;
  outcomeNote?: string;
  /** 办件编号 of the business system, attached at 办结 or just after (CASE_NUMBER). */
  caseNumber?: string;
  /** 事项编码 of the service item handled (the hall's catalogue). */
  itemCode?: string;
  periods: Period[];
  /** The last print attempt of its slip; absent where no printer serves the kiosk. `jobId` names the slip (design.md §6). */
  print?: { ok: boolean; printerId: string; at: number; reason?: string; jobId?: string };
}

export interface WindowState {
  id: string;
  status: WindowStatus;
  pauseReason?: PauseReason;
  staffId?: string;
  currentTicketId?: string;
  /** Consecutive priority calls, for the anti-starvation rule. */
  priorityStreak: number;
  since: number;
  /** A tidal window switched to this queue, for the rest of the service day. */
  assignedCategoryId?: string;
}

// ---- Views sent to screens (no PIN hashes, identities masked) ----

export interface TicketView {
  id: string;
  number: string;
  categoryId: string;
  priority: PriorityClass;
  source: TicketSource;
  state: TicketState;
  issuedAt: number;
  windowId?: string;
  windowNumber?: number;
  /** While waiting after a transfer to one window: that window (it alone calls the ticket). */
  targetWindowId?: string;
  recalls: number;
  identity?: string;
  outcome?: Outcome;
  /** Whether the slip was printed; absent where no printer was involved. */
  printed?: boolean;
  /** People ahead in the queue while waiting. */
  ahead?: number;
  /** While called: recalls left before one more passes the ticket (过号). */
  recallsLeft?: number;
}

export interface StaffCard {
  id: string;
  number: string;
  name: string;
  department: string;
  title: string;
  photo?: string;
  badge?: Badge;
}

export interface WindowView {
  id: string;
  number: number;
  name: string;
  nameEn: string;
  kind: WindowKind;
  status: WindowStatus;
  pauseReason?: PauseReason;
  staff?: StaffCard;
  current?: TicketView;
  categories: WindowCategory[];
}

export interface QueueView {
  categoryId: string;
  prefix: string;
  name: string;
  nameEn: string;
  waiting: number;
  /** Estimated wait in minutes for a ticket taken now. */
  estimatedWaitMin: number;
  oldestWaitingSince?: number;
  /** Whether a walk-in ticket is issued now (engine/availability.ts). */
  availability?: Availability;
}

/** A category's availability for walk-ins, as the engine's issue guard decides it. */
export interface Availability {
  state: AvailabilityState;
  /** Minutes a ticket taken now would wait, never past closing; absent when nobody can say (no open window). */
  estimateMin?: number;
  /** When walk-in tickets are issued again (closedNow, fullToday). */
  nextOpening?: number;
}

export interface CallView {
  ticketNumber: string;
  windowId: string;
  windowNumber: number;
  windowName: string;
  categoryId: string;
  at: number;
  recall: number;
}

export interface HallSnapshot {
  seq: number;
  day: ServiceDay;
  at: number;
  hall: Pick<Hall, 'id' | 'name' | 'nameEn' | 'address' | 'timeZone'>;
  categories: Category[];
  windows: WindowView[];
  queues: QueueView[];
  /** Today's open tickets (waiting, called, serving, on hold). */
  tickets: TicketView[];
  /** Latest calls first. */
  recentCalls: CallView[];
  /** Whether walk-in ticketing is open right now, and when it opens next. */
  open: boolean;
  nextOpening?: number;
}
