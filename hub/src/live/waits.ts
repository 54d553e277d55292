// Waits as the live board and its alerts see them, from each ticket's period log (README: metrics).
import type { Ticket } from '@yichuang/shared/domain';
import type { EngineState } from '../engine/index.js';
import { handledBy } from '../engine/state.js';

const MINUTE = 60_000;

export const minutesBetween = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / MINUTE));

// The day's tickets are walked with for…in: Object.values on the ticket map (a dictionary of some
// thousands) allocates ~0.1 KB a ticket each time, and the live refresh walks it several times (#19).

/** Start of the ticket's current period (for a waiting ticket: since when it waits now). */
export function currentPeriodStart(t: Ticket): number {
  return t.periods[t.periods.length - 1]?.start ?? t.issuedAt;
}

/** Each category's waiting ticket that has waited longest in its current wait, in one pass over the day (not one per category). */
export function longestWaiting(state: EngineState): Map<string, Ticket> {
  const longest = new Map<string, Ticket>();
  for (const id in state.tickets) {
    const t = state.tickets[id]!;
    if (t.state !== 'waiting') continue;
    const held = longest.get(t.categoryId);
    if (!held || currentPeriodStart(t) < currentPeriodStart(held)) longest.set(t.categoryId, t);
  }
  return longest;
}

/**
 * Mean wait (first call − issue; appointments: first call − max(issue, booked time)) of today's
 * tickets first called in each category, in minutes.
 */
export function averageWaits(state: EngineState): Map<string, number> {
  const sums = new Map<string, { total: number; n: number }>();
  for (const id in state.tickets) {
    const t = state.tickets[id]!;
    const call = t.periods.find((p) => p.state === 'called');
    if (!call) continue;
    const from = t.dueAt === undefined ? t.issuedAt : Math.max(t.issuedAt, t.dueAt);
    const s = sums.get(call.categoryId) ?? { total: 0, n: 0 };
    s.total += Math.max(0, call.start - from);
    s.n++;
    sums.set(call.categoryId, s);
  }
  return new Map([...sums].map(([categoryId, s]) => [categoryId, Math.round(s.total / s.n / MINUTE)]));
}

/** Visits handled (办结) at each window today, by the one definition (engine/state.ts handledBy). */
export function servedByWindow(state: EngineState): Map<string, number> {
  const served = new Map<string, number>();
  for (const id in state.tickets) {
    const t = state.tickets[id]!;
    const w = handledBy(t)?.windowId;
    if (w !== undefined) served.set(w, (served.get(w) ?? 0) + 1);
  }
  return served;
}
