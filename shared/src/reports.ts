// Report shapes shared by the hub (which computes them) and the console (which shows them).
// Durations are milliseconds, in whole seconds (roll-ups keep durations to the second); shares are 0–1.
// Definitions: README, "Metric definitions".
import type { Outcome, PauseReason } from './domain.js';
import type { RatingLevel } from './ratings.js';
import { addDays } from './time.js';

/** Upper bounds (minutes) of the wait-distribution bars; the last bar is everything above. */
export const WAIT_BUCKETS_MIN = [5, 10, 15, 20, 30, 45, 60] as const;

export type Cell = string | number;

/**
 * Rankings of windows and staff by 满意率 count only those rated at least this many times in the period:
 * two ratings out of two are not a better window than 95 out of 100. The others are listed, unranked.
 */
export const RANKING_MIN_RATED = 5;

/** The number of days in a YYYY-MM month. */
function monthDays(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The period a report is compared with (环比): a period that starts on the 1st of a month is compared
 * with the same days as many months before (1–23 Nov with 1–23 Oct; a whole month or quarter with the
 * whole month or quarter before), any other with the days just before it, as many as it has (a day
 * with the day before, a week with the week before).
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fd === 1) {
    const months = ty * 12 + tm - (fy * 12 + fm) + 1;
    const shift = (y: number, m: number): [number, number] => {
      const index = y * 12 + (m - 1) - months;
      return [Math.floor(index / 12), (index % 12) + 1];
    };
    const [py, pm] = shift(fy, fm);
    const [qy, qm] = shift(ty, tm);
    const last = monthDays(qy, qm);
    const end = td === monthDays(ty, tm) ? last : Math.min(td, last);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return { from: `${py}-${pad(pm)}-01`, to: `${qy}-${pad(qm)}-${pad(end)}` };
  }
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

export interface DurationStats {
  /** Tickets with a value. */
  n: number;
  /** Milliseconds; 0 where n = 0. */
  mean: number;
  p50: number;
  p90: number;
  max: number;
  /** Share of values over the threshold (0–1). */
  overThreshold: number;
}

export interface TicketFigures {
  issued: number;
  finished: number;
  noShow: number;
  cancelled: number;
  open: number;
  transfers: number;
  holds: number;
  /** No-shows / tickets called at least once. */
  noShowRate: number;
  wait: DurationStats;
  totalWait: DurationStats;
  walk: DurationStats;
  service: DurationStats;
  stay: DurationStats;
  /** Tickets never called and still waiting (today: so far; a past day: until its last record), never a wait of 0. */
  uncalledWait: DurationStats;
  outcomes: Record<Outcome, number>;
  /** 即办 / finished. */
  doneShare: number;
}

export interface WindowFigures {
  openMs: number;
  servingMs: number;
  /** Serving time / open time (0–1). */
  utilisation: number;
  pauseMs: Record<PauseReason, number>;
}

/** 好差评 over finished visits. Rates are 0–1, or null where their base is empty. */
export interface RatingFigures {
  /** Finished visits. */
  visits: number;
  /** Visits rated with one of the five levels. */
  rated: number;
  /** 未评价: nobody rated in time. */
  unrated: number;
  levels: Record<RatingLevel, number>;
  /** rated / visits (一次一评 participation). */
  participation: number | null;
  /** (非常满意 + 满意) / rated. */
  satisfaction: number | null;
  /** All but 不满意 and 非常不满意, / rated. */
  goodRate: number | null;
}

/** One 事项's figures: 办件量, how many carried a 办件编号, and their ratings (visits = 办件量). */
export interface ItemFigures {
  finished: number;
  caseNumbers: number;
  ratings: RatingFigures;
}

/** 差评工单 opened in the period, each in its latest known state. Rates are 0–1, or null without cases. */
export interface CaseFigures {
  cases: number;
  open: number;
  /** Verified (核实) / cases closed or verified or past their verification deadline. */
  verification: number | null;
  /** Confirmed cases rectified by their deadline / confirmed cases closed or past it (不属实 needs no rectification). */
  rectificationOnTime: number | null;
  /** Followed up (回访) / cases closed or past their follow-up deadline. */
  followUp: number | null;
  /** 实名差评 (with a contact): confirmed ones rectified on time / confirmed ones closed or past the deadline. */
  realNameRectificationOnTime: number | null;
  /** Some deadline passed with its step not done. */
  overdue: number;
}

/**
 * 预约. Bookings made, changed and cancelled count on the day they were made; check-ins and no-shows
 * on the day booked for (a no-show may be marked a day later, after a hub outage).
 */
export interface AppointmentFigures {
  booked: number;
  changed: number;
  cancelled: number;
  /** Bookings for the period's days checked in, late ones included. */
  checkedIn: number;
  /** Checked in after the check-in window (a normal ticket), those who came after being marked no-show included. */
  late: number;
  /** Checked in after being marked no-show (counted in checkedIn and late, not in noShow). */
  afterNoShow: number;
  /** Bookings for the period's days marked no-show that never checked in. */
  noShow: number;
  /** noShow / (checkedIn + noShow), null when no booking came due. */
  noShowRate: number | null;
}

/** Kiosks' online time within the time they were due to be up. */
export interface UptimeFigures {
  /** Kiosks with any due time. */
  kiosks: number;
  dueMs: number;
  upMs: number;
  /** upMs / dueMs, null when nothing was due. */
  uptime: number | null;
}

export interface KioskUptime extends UptimeFigures {
  /** A 24-hour terminal (due all day), else a take-a-number kiosk (due in the hall's opening hours). */
  allDay: boolean;
}

/**
 * "一窗"分类受理率: intake handled at comprehensive windows (综合窗口, by the windows' kind now) / all
 * intake; intake = finished visits but 咨询 (enquiries), counted at the window that finished them.
 */
export interface OneWindowFigures {
  intake: number;
  atComprehensive: number;
  /** null without intake. */
  rate: number | null;
}

export interface Report {
  from: string;
  to: string;
  /** Days with any data. */
  days: string[];
  thresholdMs: number;
  total: TicketFigures;
  windowTotal: WindowFigures;
  byDay: Record<string, TicketFigures>;
  byCategory: Record<string, TicketFigures>;
  bySource: Record<string, TicketFigures>;
  byPriority: Record<string, TicketFigures>;
  byWindow: Record<string, TicketFigures & { time: WindowFigures }>;
  byStaff: Record<string, TicketFigures>;
  /** Tickets issued per local hour (0–23). */
  issuedByHour: number[];
  /** Arrivals per weekday (0 = Sunday) × hour. */
  arrivalsHeat: number[][];
  /** Waits per bucket of WAIT_BUCKETS_MIN, plus one for longer waits. */
  waitDistribution: number[];
  ratings: RatingFigures;
  ratingsByWindow: Record<string, RatingFigures>;
  ratingsByStaff: Record<string, RatingFigures>;
  /** By 事项编码, for visits whose 事项 was recorded at 办结 (the /api/reports answer has it). */
  byItem?: Record<string, ItemFigures>;
  cases: CaseFigures;
  oneWindow: OneWindowFigures;
  appointments: AppointmentFigures;
  appointmentsByCategory: Record<string, AppointmentFigures>;
  appointmentsByDay: Record<string, AppointmentFigures>;
  uptime: {
    /** Take-a-number kiosks. */
    kiosks: UptimeFigures;
    /** 24-hour self-service terminals (7×24). */
    terminals24: UptimeFigures;
    byKiosk: Record<string, KioskUptime>;
  };
}

/** The period a report covers (both days included), and the wait counted as long. */
export interface ReportQuery {
  from: string;
  to: string;
  thresholdMin?: number;
}

/** A report's tables, as its exports (XLSX, CSV) have them. */
export interface ReportTables {
  from: string;
  to: string;
  tables: Table[];
}

export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}
