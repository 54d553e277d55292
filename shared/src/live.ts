// Managers' live board, alerts, tidal windows, and the settings of the hall's boards (issue 5):
// types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { z } from 'zod';
import type { PauseReason, TicketState, WindowCategory, WindowKind, WindowStatus, WindowView } from './domain.js';
import type { AckFn } from './errors.js';
import type * as S from './live-schemas.js';

export type AlertKind =
  | 'long-wait'
  | 'paused-too-long'
  | 'bad-rating'
  | 'help-request'
  | 'printer'
  | 'device-offline'
  /** People wait in a queue that no open window serves. */
  | 'no-open-window'
  /** A window shown as serving whose caller is revoked or gone. */
  | 'window-unattended'
  /** A ticket sent to a window by name waits while that window is closed. */
  | 'sent-to-closed'
  /** No kiosk (or no board) of the hall is online. */
  | 'none-online'
  /** The holiday calendar ends within 60 days (or has ended): case deadlines need the next year. */
  | 'calendar-ending';

/** An alert raised by any domain (on the hub's bus as 'alert:raise'); the live board shows and tracks it. */
export interface AlertInput {
  kind: AlertKind;
  /** Alerts with the same key are one alert (raised again, it is refreshed, not duplicated). */
  key: string;
  message: string;
  messageEn: string;
  windowId?: string;
  deviceId?: string;
  ticketNumber?: string;
}

/** Who acknowledged an alert, and when. `name` is absent in alerts kept from before names were. */
export interface Acknowledgement {
  at: number;
  deviceId: string;
  staffId?: string;
  name?: string;
}

export interface Alert extends AlertInput {
  id: string;
  /** When this occurrence was first raised. */
  raisedAt: number;
  /** When it was last raised again (refreshed). */
  lastAt: number;
  /** How often it was raised since it was first raised or reopened. */
  count: number;
  /** A manager has seen it; raising it again reopens it. */
  acknowledged?: Acknowledgement;
  /** The hub's own checks found the condition over (the wait came down, the device is back). */
  resolvedAt?: number;
}

/** How calls are voiced on the boards. */
export type VoiceSettings = z.output<typeof S.voiceSettings>;
/** What one board shows: empty lists mean everything. */
export type BoardProfile = z.output<typeof S.boardProfile>;
/** Thresholds of the hub's own checks. */
export type AlertThresholds = z.output<typeof S.alertThresholds>;

export interface LiveSettings {
  /** Scrolling notice on the hall boards; empty = none. */
  notice: string;
  voice: VoiceSettings;
  thresholds: AlertThresholds;
  /** Per board device id; a board not listed shows everything and voices. */
  boards: Record<string, BoardProfile>;
}

/** What a board needs beside the hall snapshot; the filter is resolved to ids by the hub. */
export interface BoardView {
  notice: string;
  voice: VoiceSettings & { enabled: boolean };
  /** Categories to show; null = all. */
  categories: string[] | null;
  /** Windows whose calls to show; null = all. */
  windows: string[] | null;
}

export interface CategoryLive {
  categoryId: string;
  prefix: string;
  name: string;
  nameEn: string;
  waiting: number;
  estimatedWaitMin: number;
  /** The ticket that has waited longest, and for how long (minutes). */
  longest?: { ticketNumber: string; waitMin: number };
  /** Mean wait (first call − issue) of today's called tickets; null before the first call. */
  averageWaitMin: number | null;
}

export interface RatingsToday {
  rated: number;
  /** 非常满意 + 满意 */
  satisfied: number;
  /** 不满意 + 非常不满意 */
  bad: number;
}

export interface WindowLive {
  windowId: string;
  number: number;
  name: string;
  nameEn: string;
  kind: WindowKind;
  categories: WindowCategory[];
  /** A tidal window switched for the day: what it serves normally (恢复 puts it back). */
  normalCategories?: WindowCategory[];
  status: WindowStatus;
  pauseReason?: PauseReason;
  /** Minutes in the current status (open, paused or closed). */
  statusMin: number;
  staffName?: string;
  current?: { ticketNumber: string; state: TicketState; minutes: number };
  /** Visits served at this window today (service periods that ended here). */
  servedToday: number;
  /** Absent until the hall records ratings. */
  ratingsToday?: RatingsToday;
}

export interface TidalSuggestion {
  categoryId: string;
  prefix: string;
  name: string;
  nameEn: string;
  estimatedWaitMin: number;
  /** The tidal window to switch to that queue. */
  windowId: string;
  windowNumber: number;
  /** Looking ahead (the hall's forecast): arrivals expected in the next horizonMin minutes, and the wait then. */
  ahead?: { horizonMin: number; arrivals: number; projectedWaitMin: number };
}

/** A hall board and what it is set to show. */
export interface BoardDevice {
  deviceId: string;
  name: string;
  zone?: string;
  profile: BoardProfile;
}

export interface LiveBoard {
  at: number;
  categories: CategoryLive[];
  windows: WindowLive[];
  /** Open alerts first, then today's acknowledged and resolved ones; newest first within each. */
  alerts: Alert[];
  suggestions: TidalSuggestion[];
  settings: LiveSettings;
  boards: BoardDevice[];
  /** The hall's zones, for the boards' filters. */
  zones: { id: string; name: string; nameEn: string }[];
}

export interface LiveCommands {
  /** A board's settings (notice, voice, filter); asked on connect and reconnect. */
  'board:settings': (p: Record<string, never>, ack: AckFn<BoardView>) => void;
  /** The managers' live board; asked on connect and reconnect, then pushed as 'live:updated'. */
  'live:snapshot': (p: Record<string, never>, ack: AckFn<LiveBoard>) => void;
  'live:acknowledge': (p: S.AcknowledgeAlertInput, ack: AckFn<Alert>) => void;
  /** Acknowledges every open alert; answers those it acknowledged. */
  'live:acknowledgeAll': (p: S.AcknowledgeAllInput, ack: AckFn<Alert[]>) => void;
  /** Switches a tidal window someone is signed in at to one queue (it then calls that queue first). */
  'live:assignTidal': (p: S.AssignTidalInput, ack: AckFn<WindowView>) => void;
  /** Puts a switched tidal window back to its configured categories. */
  'live:restoreTidal': (p: S.RestoreTidalInput, ack: AckFn<WindowView>) => void;
  'live:updateSettings': (p: S.UpdateLiveSettingsInput, ack: AckFn<LiveSettings>) => void;
  'live:setBoard': (p: S.SetBoardInput, ack: AckFn<LiveSettings>) => void;
}

export interface LiveBroadcasts {
  /** To one board, when its settings change. */
  'board:settingsChanged': (v: BoardView) => void;
  /** To consoles: the live board, on every change and every few seconds. */
  'live:updated': (b: LiveBoard) => void;
}


/**
 * A queue long enough for a tidal window: the one rule the hub's suggestions and the console's
 * summary both use, on the same figures (the queue rows' expected wait).
 */
export const isLongQueue = (q: { waiting: number; estimatedWaitMin: number }, thresholdMin: number): boolean =>
  q.waiting > 0 && q.estimatedWaitMin >= thresholdMin;

/** The default voice of a call (docs/design.md §7). */
export const DEFAULT_VOICE: VoiceSettings = { template: '请 {number} 号 到 {window} 号窗口 办理', repeat: 2 };
