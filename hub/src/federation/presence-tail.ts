// The hall's kiosk presence records (not in the journal; the district needs them for kiosk and
// 24-hour uptime), as the forwarder sends them: each record is its day file's line number n (from 1,
// counting the records a reader sees), so the district can resume after the last line it holds.
import type { ServiceDay } from '@yichuang/shared/domain';
import type { DayFiles, Dated } from '../storage/day-files.js';

export interface PresenceLine {
  day: ServiceDay;
  line: number;
  at: number;
  record: string;
}

export class PresenceTail {
  constructor(private readonly files: DayFiles<Dated>) {}

  /** Up to `limit` lines after line `line` of `day` (undefined: from the first day), in order. */
  async after(day: ServiceDay | undefined, line: number, limit: number): Promise<PresenceLine[]> {
    for (const d of await this.files.days()) {
      if (day !== undefined && d < day) continue;
      const from = d === day ? line : 0;
      const records = await this.files.read(d);
      if (records.length > from) {
        return records.slice(from, from + limit).map((r, i) => ({ day: d, line: from + i + 1, at: r.at, record: JSON.stringify(r) }));
      }
    }
    return [];
  }
}
