// Waits as the live board and its alerts see them, from each ticket's period log (README: metrics).
import type { Ticket } from '@yichuang/shared/domain';

export const MINUTE = 60_000;

export const minutesBetween = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / MINUTE));

/** Start of the ticket's current period (for a waiting ticket: since when it waits now). */
export function currentPeriodStart(t: Ticket): number {
  return t.periods[t.periods.length - 1]?.start ?? t.issuedAt;
}
