// Domain types shared by hub and screens. Names follow ../DESIGN.md §3.
import type { Badge, DeviceRole, Outcome, PauseReason, PriorityClass, StaffRole, TicketSource, TicketState, WindowKind, WindowStatus } from './lists.js';

export {
  BADGES,
  CONSOLE_ROLES,
  DEVICE_ROLES,
  MANAGING_ROLES,
  OUTCOMES,
  PAUSE_REASONS,
  PRIORITY_CLASSES,
  SCREEN_ROLES,
  STAFF_ROLES,
  TICKET_SOURCES,
  TICKET_STATES,
  WINDOW_KINDS,
  WINDOW_STATUSES,
  type Badge,
  type DeviceRole,
  type Outcome,
  type PauseReason,
  type PriorityClass,
  type ScreenRole,
  type StaffRole,
  type TicketSource,
  type TicketState,
  type WindowKind,
  type WindowStatus,
} from './lists.js';

/** 'HH:MM' in the hall's local time. */
export type ClockTime = string;
/** 'YYYY-MM-DD' service day in the hall's local time. */
export type ServiceDay = string;

export interface TimeRange {
  start: ClockTime;
  end: ClockTime;
}

/** Opening periods per weekday, index 0 = Sunday … 6 = Saturday. */
export type WeekHours = [TimeRange[], TimeRange[], TimeRange[], TimeRange[], TimeRange[], TimeRange[], TimeRange[]];

export interface HallSchedule {
  /** Walk-in service hours of the hall. */
  hours: WeekHours;
  /** Closed days (法定节假日), 'YYYY-MM-DD'. */
  holidays: ServiceDay[];
  /** Make-up working days (调休上班): served with Monday's hours. */
  makeupWorkdays: ServiceDay[];
}

export interface Zone {
  id: string;
  name: string;
  nameEn: string;
  /** A zone with its own hours, e.g. the 24-hour self-service area. */
  hours: WeekHours;
}

export interface Hall {
  id: string;
  name: string;
  nameEn: string;
  address: string;
  timeZone: string;
  schedule: HallSchedule;
  zones: Zone[];
}

export interface Category {
  id: string;
  /** Prefix letter(s) of its ticket numbers, e.g. 'A' → A023. */
  prefix: string;
  name: string;
  nameEn: string;
  department: string;
  /** Overrides the hall's walk-in hours. */
  hours?: WeekHours;
  /** Periods outside walk-in hours served by appointment only (周末不打烊). */
  appointmentHours?: WeekHours;
  allowWalkIn: boolean;
  allowAppointment: boolean;
  /** 老年人/残疾人/孕妇/军人 green channel. */
  allowPriority: boolean;
  /** Walk-in tickets per service day; absent = no cap. */
  dailyCap?: number;
  /** At most `max` tickets issued within each `minutes`-long slot of the day. */
  slotQuota?: { minutes: number; max: number };
}

export interface WindowCategory {
  categoryId: string;
  /** Higher weight = this window prefers that category's tickets. */
  weight: number;
}

export interface ServiceWindow {
  id: string;
  number: number;
  name: string;
  nameEn: string;
  kind: WindowKind;
  department: string;
  categories: WindowCategory[];
  zone?: string;
}

export interface Staff {
  id: string;
  /** 工号, shown on the staff card. */
  number: string;
  name: string;
  department: string;
  title: string;
  photo?: string;
  badge?: Badge;
  /** The window PIN, hashed: argon2id ('$argon2id$…'); a legacy scrypt hash is replaced at the next sign-in. */
  pinHash: string;
  /** Console password (argon2id), for accounts with a console role; absent = no console sign-in. */
  passwordHash?: string;
  roles: StaffRole[];
}

export interface Device {
  id: string;
  name: string;
  role: DeviceRole;
  /** Window the device belongs to (window client, pad, window-top display). */
  windowId?: string;
  /** Zone of a board or kiosk (e.g. the 24-hour zone). */
  zone?: string;
  /** The kiosk a print agent prints for. */
  kioskId?: string;
  /**
   * SHA-256 of the bearer token given at pairing ('sha256:' + base64url); the token itself is kept
   * only by the device. Demo devices have well-known tokens ('demo-' + id), stored hashed too.
   */
  tokenHash: string;
  /** Pre-paired demo device with a public token: to be revoked before the hall goes live. */
  demo: boolean;
  /** When a manager approved its pairing (absent for demo devices). */
  pairedAt?: number;
}

export interface QueueRules {
  /** After this many consecutive priority calls at a window, one normal ticket is called. */
  priorityBurst: number;
  /** Recalls allowed before the ticket is marked no-show (过号). */
  recallCap: number;
  /** A returning no-show is queued after this many waiting tickets. */
  noShowRequeuePlaces: number;
  /** Appointment tickets count as due from this many minutes before the booked time. */
  appointmentEarlyMinutes: number;
}

/** 好差评: what the pad asks, and how bad ratings are followed up. */
export interface EvaluationSettings {
  /** Reasons offered for 不满意 / 非常不满意. */
  badReasons: string[];
  /** A pad that gets no rating within this time records 未评价. */
  padTimeoutSeconds: number;
  /** Case deadlines in working days from the rating (hall calendar: holidays, make-up workdays). */
  caseDeadlines: { verifyDays: number; rectifyDays: number; followUpDays: number };
}

/** How long personal data is kept (数据保留期限). */
export interface RetentionSettings {
  /** Masked identities and their keyed hashes are purged from day journals older than this. */
  personalDataDays: number;
}

export interface HallConfig {
  schemaVersion: number;
  hall: Hall;
  categories: Category[];
  windows: ServiceWindow[];
  staff: Staff[];
  devices: Device[];
  rules: QueueRules;
  evaluation: EvaluationSettings;
  retention: RetentionSettings;
}

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
  periods: Period[];
  /** The last print attempt of its slip; absent where no printer serves the kiosk. */
  print?: { ok: boolean; printerId: string; at: number; reason?: string };
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
  recalls: number;
  identity?: string;
  outcome?: Outcome;
  /** Whether the slip was printed; absent where no printer was involved. */
  printed?: boolean;
  /** People ahead in the queue while waiting. */
  ahead?: number;
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
