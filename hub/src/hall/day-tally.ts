// Today's figures the live board shows per category and window (the mean wait to a first call, visits
// handled, ratings), kept ticket by ticket as events come, with the queue index: the live refresh, at
// most once a second under load, walked the day's tickets and ratings for them each time (#19).
import type { Ticket } from '@yichuang/shared/domain';
import type { RatingsToday } from '@yichuang/shared/live';
import { isBadLevel, type Rating } from '@yichuang/shared/ratings';
import type { EngineState } from '../engine/index.js';
import { handledBy } from '../engine/state.js';

/** The waits to a first call in one category: their sum and how many. */
export interface WaitSum {
  totalMs: number;
  n: number;
}

/** What one ticket adds to the tallies now, so a change takes the old part off before adding the new. */
interface Part {
  waitCategory: string | undefined;
  waitMs: number;
  servedAt: string | undefined;
  rating: Rating | undefined;
}

export class DayTally {
  /** By the category of the first call: first call − issue (appointments: − max(issue, booked time)). */
  readonly waits = new Map<string, WaitSum>();
  /** Visits handled (办结) by window, by the one definition (engine/state.ts handledBy). */
  readonly served = new Map<string, number>();
  /** Ratings by window (未评价 is not a rating); windows nobody rated are absent. */
  readonly ratings = new Map<string, RatingsToday>();
  readonly #parts = new Map<string, Part>();

  clear(): void {
    this.waits.clear();
    this.served.clear();
    this.ratings.clear();
    this.#parts.clear();
  }

  /** Takes the ticket as it is now in `state` (after any event about it). */
  touch(state: EngineState, t: Ticket): void {
    let part = this.#parts.get(t.id);
    if (!part) this.#parts.set(t.id, (part = { waitCategory: undefined, waitMs: 0, servedAt: undefined, rating: undefined }));
    const call = t.periods.find((p) => p.state === 'called');
    const waitMs = call ? Math.max(0, call.start - (t.dueAt === undefined ? t.issuedAt : Math.max(t.issuedAt, t.dueAt))) : 0;
    if (call?.categoryId !== part.waitCategory || waitMs !== part.waitMs) {
      if (part.waitCategory !== undefined) this.#addWait(part.waitCategory, -part.waitMs, -1);
      if (call) this.#addWait(call.categoryId, waitMs, 1);
      part.waitCategory = call?.categoryId;
      part.waitMs = waitMs;
    }
    const servedAt = handledBy(t)?.windowId;
    if (servedAt !== part.servedAt) {
      if (part.servedAt !== undefined) add(this.served, part.servedAt, -1);
      if (servedAt !== undefined) add(this.served, servedAt, 1);
      part.servedAt = servedAt;
    }
    const rating = state.evaluation?.ratings[t.id];
    if (rating !== part.rating) {
      if (part.rating) this.#addRating(part.rating, -1);
      if (rating) this.#addRating(rating, 1);
      part.rating = rating;
    }
  }

  #addWait(categoryId: string, ms: number, n: number): void {
    const sum = this.waits.get(categoryId);
    if (!sum) this.waits.set(categoryId, { totalMs: ms, n });
    else if (sum.n + n === 0) this.waits.delete(categoryId);
    else {
      sum.totalMs += ms;
      sum.n += n;
    }
  }

  #addRating(r: Rating, n: number): void {
    if (r.level === 'unrated') return;
    let row = this.ratings.get(r.windowId);
    if (!row) this.ratings.set(r.windowId, (row = { rated: 0, satisfied: 0, bad: 0 }));
    row.rated += n;
    if (r.level === 'very-satisfied' || r.level === 'satisfied') row.satisfied += n;
    if (isBadLevel(r.level)) row.bad += n;
    if (row.rated === 0) this.ratings.delete(r.windowId);
  }
}

function add(counts: Map<string, number>, key: string, n: number): void {
  const count = (counts.get(key) ?? 0) + n;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}
