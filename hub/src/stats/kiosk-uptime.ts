// Kiosk and 24-hour terminal uptime of a service day, from the kiosk presence files
// (<dataDir>/presence/YYYY-MM-DD.jsonl). Online intervals are read by the kiosk domain's own
// functions (kiosk/uptime.ts), as for the console's kiosk page.
import type { HallConfig } from '@yichuang/shared/domain';
import { SELF_SERVICE_ZONE } from '@yichuang/shared/kiosk';
import { addDays, clockMinutes, periodsOn, startOfDay, zonedInstant } from '@yichuang/shared/time';
import { dataFolder } from '../storage/data-folder.js';
import { DayFiles } from '../storage/day-files.js';
import { onlineIntervals, onlineWithin, type Interval, type PresenceRecord } from '../kiosk/uptime.js';
import type { KioskFact } from './facts.js';

export interface UptimeSpan {
  /** Up to when: the day's end for a day that is over, now for today. */
  until: number;
  /**
   * Whether this hub is running now and was all along (today's figures, or the day it just closed):
   * an interval still open at the end of the records then runs to `until`; otherwise it ends at the
   * last record that showed the kiosk alive (the hub may have stopped or crashed).
   */
  live: boolean;
  /** The hall's first presence record: the time before it (before the hub first ran) is not due; none, nothing is. */
  since: number | undefined;
}

const kioskIds = (records: readonly PresenceRecord[]): string[] =>
  records.flatMap((r) => (r.t === 'day-start' ? r.online : 'device' in r ? [r.device] : []));

/**
 * Each kiosk's due and online time. A 24-hour terminal (a kiosk in the self-service zone) is due all
 * day, holidays too; a take-a-number kiosk during the hall's opening hours of the day. Online time
 * outside its due time does not count. Kiosks: the configured ones, and any other the records name
 * (one removed since). A kiosk paired later that day is due from its pairing.
 */
export function kioskFacts(records: readonly PresenceRecord[], day: string, config: HallConfig, span: UptimeSpan): KioskFact[] {
  if (span.since === undefined) return [];
  const { timeZone, schedule } = config.hall;
  const from = Math.max(startOfDay(day, timeZone), span.since);
  const to = Math.min(startOfDay(addDays(day, 1), timeZone), span.until);
  const hours: Interval[] = periodsOn(schedule.hours, day, schedule).map((p) => [zonedInstant(day, clockMinutes(p.start), timeZone), zonedInstant(day, clockMinutes(p.end), timeZone)]);
  const configured = config.devices.filter((d) => d.role === 'kiosk');
  const ids = [...new Set([...configured.map((d) => d.id), ...kioskIds(records)])].sort();
  return ids.flatMap((kiosk): KioskFact[] => {
    const device = configured.find((d) => d.id === kiosk);
    const start = Math.max(from, device?.pairedAt ?? 0);
    const allDay = device?.zone === SELF_SERVICE_ZONE;
    const due = (allDay ? [[start, to] as Interval] : hours)
      .map(([s, e]): Interval => [Math.max(s, start), Math.min(e, to)])
      .filter(([s, e]) => e > s);
    const dueMs = due.reduce((sum, [s, e]) => sum + e - s, 0);
    if (dueMs === 0) return [];
    const online = onlineIntervals(records, kiosk, span.live ? to : undefined);
    const upMs = due.reduce((sum, [s, e]) => sum + onlineWithin(online, s, e), 0);
    return [{ kiosk, allDay, dueMs, upMs }];
  });
}

/** Where a day's presence records come from. */
export interface PresenceSource {
  read(day: string): Promise<PresenceRecord[]>;
  /** The first presence record of the hall, if any. */
  since(): Promise<number | undefined>;
}

/** The kiosk domain's presence files, read only. */
export class PresenceFiles implements PresenceSource {
  private readonly files: DayFiles<PresenceRecord>;
  private first: number | undefined;

  constructor(dataDir: string, timeZone: () => string) {
    this.files = new DayFiles<PresenceRecord>(dataFolder(dataDir).presence, timeZone);
  }

  read(day: string): Promise<PresenceRecord[]> {
    return this.files.read(day);
  }

  async since(): Promise<number | undefined> {
    if (this.first !== undefined) return this.first;
    for (const day of await this.files.days()) {
      const at = (await this.read(day))[0]?.at;
      if (at !== undefined) return (this.first = at); // the first day's first record never changes
    }
    return undefined;
  }
}
