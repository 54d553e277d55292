import type { TicketFact, WindowFact } from './facts.js';

/** One service day's facts, as stored in <dataDir>/rollups/YYYY-MM-DD.json. */
export interface DayRollup {
  v: 1;
  hall: string;
  day: string;
  /** Journal sequence number of the last event included. */
  seq: number;
  tickets: TicketFact[];
  windows: WindowFact[];
}
