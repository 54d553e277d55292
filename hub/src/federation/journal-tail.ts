// The hall's journal records after a given seq, for the forwarder: the newest come from memory (the
// hall hands each batch over once it is durable), older ones from the day files, so a busy day is
// not read from disk again for every batch, and a hall catching up after a week reads each day once.
import type { ServiceDay } from '@yichuang/shared/domain';
import type { Journal, JournalRecord } from '../storage/journal.js';

/** Records kept in memory; older ones are read from the day files when needed. */
const LIVE_MAX = 20_000;

export class JournalTail {
  readonly #journal: Journal;
  /** The latest records appended, in seq order and without gaps. */
  #live: JournalRecord[] = [];
  /** The last day read from disk, while it still has records to send. */
  #read: { day: ServiceDay; records: JournalRecord[] } | undefined;

  constructor(journal: Journal) {
    this.#journal = journal;
  }

  /** Called with each durable batch, in order. */
  push(records: readonly JournalRecord[]): void {
    this.#live.push(...records);
    if (this.#live.length > LIVE_MAX) this.#live.splice(0, this.#live.length - LIVE_MAX);
  }

  get lastSeq(): number {
    return this.#journal.lastSeq;
  }

  /** The journal's record `seq`, which is in `day`'s file, if it has one. */
  async at(seq: number, day: ServiceDay): Promise<JournalRecord | undefined> {
    if (seq > this.#journal.lastSeq) return undefined;
    return (await this.#journal.readDay(day)).find((r) => r.seq === seq);
  }

  /** Up to `limit` records after `seq`, in order; `day`: the day of record `seq`, where to start looking. */
  async after(seq: number, day: ServiceDay | undefined, limit: number): Promise<JournalRecord[]> {
    const live = this.#live;
    const drop = live.findIndex((r) => r.seq > seq);
    live.splice(0, drop === -1 ? live.length : drop);
    if (live[0]?.seq === seq + 1) return live.slice(0, limit);
    if (this.#journal.lastSeq <= seq) return [];
    const cached = this.#read?.records.filter((r) => r.seq > seq);
    if (cached?.[0]?.seq === seq + 1) return cached.slice(0, limit);
    for (const d of await this.#journal.days()) {
      if (day !== undefined && d < day) continue;
      const records = await this.#journal.readDay(d);
      const rest = records.filter((r) => r.seq > seq);
      if (rest.length > 0) {
        this.#read = { day: d, records: rest };
        return rest.slice(0, limit);
      }
    }
    this.#read = undefined;
    return [];
  }
}
