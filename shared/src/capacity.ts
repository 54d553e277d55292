// Staffing advice (排班建议): forecast arrivals per category and 30-minute slot, the windows an M/M/c
// model says they need, and how well the forecast did on the hall's own past (hub/src/capacity).

/** Minutes in one slot of the forecast. */
export const SLOT_MIN = 30;

/** What makes a day unlike an ordinary one of its weekday (working-day effects of the hall's calendar). */
export const DAY_EFFECTS = ['afterHoliday', 'makeup', 'monthEnd'] as const;
export type DayEffect = (typeof DAY_EFFECTS)[number];

export interface SlotAdvice {
  /** Start of the slot, 'HH:MM' by the hall's clock. */
  start: string;
  /** Expected arrivals in the slot, and an 80% prediction interval. */
  forecast: number;
  low: number;
  high: number;
  /** The category's measured mean service time (minutes), as the model used it. */
  serviceMin: number | null;
  /** Fewest windows meeting the target under M/M/c (Erlang C). */
  windowsNeeded: number;
  /** Windows planned for the category (shares of windows serving several categories, by weight). */
  windowsPlanned: number;
  shortfall: number;
  /** Mean wait to expect with the planned windows; null when they cannot keep up. */
  expectedWaitMin: number | null;
}

export interface CategoryAdvice {
  categoryId: string;
  prefix: string;
  name: string;
  nameEn: string;
  serviceMin: number | null;
  /** Service times' coefficient of variation (1 for exponential, as M/M/c assumes). */
  serviceCv: number | null;
  windowsPlanned: number;
  /** Some planned window serves other categories too: its share is an approximation. */
  sharedWindows: boolean;
  slots: SlotAdvice[];
  /** The model against the hall's own past days: their mean wait and what the model says for them. */
  check: { days: number; actualMeanWaitMin: number | null; modelMeanWaitMin: number | null } | null;
}

/** Mean absolute percentage errors of forecasts made, day by day, from the days before only. */
export interface Backtest {
  days: number;
  /** Hall arrivals per slot (slots with arrivals). */
  slotMape: number | null;
  /** Hall arrivals per day. */
  dayMape: number | null;
  /** What slotMape would be from chance alone (Poisson counts around a perfect forecast). */
  slotNoiseFloor: number | null;
  byCategory: Record<string, { slotMape: number | null; dayMape: number | null }>;
}

export interface CapacityAdvice {
  day: string;
  weekday: number;
  working: boolean;
  effects: DayEffect[];
  /** The past days the forecast is the mean of. */
  basis: string[];
  /** Ratio applied for the day's effects (1 without any). */
  factor: number;
  targetMin: number;
  share: number;
  categories: CategoryAdvice[];
  backtest: Backtest;
}

export interface CapacityQuery {
  day: string;
  /** Wait target in minutes (default 20) and the share of waits that must meet it (default 0.9). */
  target?: number;
  share?: number;
}

/** What the live board looks ahead with: per category, arrivals expected in the next minutes and the mean service time. */
export interface LookAhead {
  horizonMin: number;
  categories: Map<string, { arrivals: number; serviceMin: number | null }>;
}
