// Report shapes shared by the hub (which computes them) and the console (which shows them).
// Durations are milliseconds; shares are 0–1. Definitions: README, "Metric definitions".
import type { Outcome, PauseReason } from './domain.js';

/** Upper bounds (minutes) of the wait-distribution bars; the last bar is everything above. */
export const WAIT_BUCKETS_MIN = [5, 10, 15, 20, 30, 45, 60] as const;

export type Cell = string | number;

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
}

export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}
