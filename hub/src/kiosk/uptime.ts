// Kiosk presence records (<dataDir>/presence/YYYY-MM-DD.jsonl) and the online time they prove.
// Pure: the figures of the console and of later statistics come from the same function.
import type { KioskMode } from '@yichuang/shared/kiosk';

export type PresenceRecord = { v: 1; at: number } & (
  | { t: 'hub-start' | 'hub-stop' | 'day-end' }
  | { t: 'online' | 'offline'; device: string }
  /** Heartbeats received from an online kiosk since the previous summary. */
  | { t: 'beats'; device: string; n: number; mode?: KioskMode; assisted?: boolean }
  /** Written first in a day's file: the kiosks online as the day began. */
  | { t: 'day-start'; online: string[] }
);

export type Interval = [start: number, end: number];

/**
 * The intervals a kiosk was online. An interval still open when the hub restarted (a crash: no
 * hub-stop) ends at the last record that showed the kiosk alive; one open at the end of the records
 * ends at `openUntil` (now, for a kiosk online now) or else at that last record.
 */
export function onlineIntervals(records: readonly PresenceRecord[], device: string, openUntil?: number): Interval[] {
  const out: Interval[] = [];
  let since: number | undefined;
  let lastSeen = 0;
  const close = (end: number): void => {
    if (since !== undefined && end > since) out.push([since, end]);
    since = undefined;
  };
  for (const r of records) {
    switch (r.t) {
      case 'hub-start':
        close(lastSeen);
        break;
      case 'hub-stop':
      case 'day-end':
        close(r.at);
        break;
      case 'day-start':
        if (r.online.includes(device)) since ??= r.at;
        break;
      case 'online':
        if (r.device === device) since ??= r.at;
        break;
      case 'offline':
        if (r.device === device) close(r.at);
        break;
      case 'beats':
        break;
    }
    if (since !== undefined) lastSeen = r.at;
  }
  close(openUntil ?? lastSeen);
  return out;
}

/** Online time within [from, to). */
export function onlineWithin(intervals: readonly Interval[], from: number, to: number): number {
  return intervals.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, to) - Math.max(s, from)), 0);
}
