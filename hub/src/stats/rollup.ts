import type { Case, Rating } from '@yichuang/shared/ratings';
import type { TicketFact, WindowFact } from './facts.js';

/** One service day's facts, as stored in <dataDir>/rollups/YYYY-MM-DD.json. */
/** Bumped when the shape changes: a stored roll-up of another version is rebuilt from its journal. */
export const ROLLUP_VERSION = 2;

export interface DayRollup {
  v: typeof ROLLUP_VERSION;
  hall: string;
  day: string;
  /** Journal sequence number of the last event included. */
  seq: number;
  tickets: TicketFact[];
  windows: WindowFact[];
  /** The day's ratings and 未评价 records, with the national fields. */
  ratings: Rating[];
  /** Bad-rating cases as they stood at the end of the day (open ones, and recently closed). */
  cases: Case[];
}
