// The day's figures the checks and the live board both read, made once per refresh from the queue
// index: the waiting tickets (not the whole day) and the tallies it keeps as records come (#19).
import type { Ticket } from '@yichuang/shared/domain';
import type { RatingsToday } from '@yichuang/shared/live';
import type { QueueIndex } from '../hall/queue-index.js';
import { currentPeriodStart, MINUTE } from './waits.js';

export interface DayFigures {
  /** Each category's waiting ticket that has waited longest in its current wait. */
  longest: ReadonlyMap<string, Ticket>;
  /** Categories someone waits in for the queue (not sent to one window by name). */
  queued: ReadonlySet<string>;
  /** Waiting tickets sent to (or held for) a window by name. */
  sentToWindow: readonly Ticket[];
  /** Mean wait to the first call of today's tickets called in each category, in minutes. */
  averageWaitMin: ReadonlyMap<string, number>;
  /** Visits handled (办结) at each window today. */
  served: ReadonlyMap<string, number>;
  /** Today's ratings per window; windows nobody rated are absent. */
  ratings: ReadonlyMap<string, Readonly<RatingsToday>>;
}

export function dayFigures(index: QueueIndex): DayFigures {
  const longest = new Map<string, Ticket>();
  const queued = new Set<string>();
  const sentToWindow: Ticket[] = [];
  // forEach, not for…of over entries: no entry arrays made for each of the waiting tickets.
  index.waitingByCategory.forEach((waiting) =>
    waiting.forEach((t) => {
      if (t.targetWindowId === undefined) queued.add(t.categoryId);
      else sentToWindow.push(t);
      const held = longest.get(t.categoryId);
      if (!held || waitsLonger(t, held)) longest.set(t.categoryId, t);
    }),
  );
  const { waits, served, ratings } = index.tally;
  const averageWaitMin = new Map<string, number>();
  waits.forEach((s, categoryId) => averageWaitMin.set(categoryId, Math.round(s.totalMs / s.n / MINUTE)));
  // Copies: the tallies change with the next records, a board already made must not.
  const ratingsNow = new Map<string, RatingsToday>();
  ratings.forEach((row, windowId) => ratingsNow.set(windowId, { ...row }));
  return { longest, queued, sentToWindow, averageWaitMin, served: new Map(served), ratings: ratingsNow };
}

/** Longer in its current wait; on a tie, the one issued first (the day's order, as the board always showed it). */
function waitsLonger(t: Ticket, than: Ticket): boolean {
  const a = currentPeriodStart(t);
  const b = currentPeriodStart(than);
  return a < b || (a === b && (t.issuedAt < than.issuedAt || (t.issuedAt === than.issuedAt && t.id < than.id)));
}
