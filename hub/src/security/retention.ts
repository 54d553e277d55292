// Personal-data retention: day journals older than the hall's retention period are rewritten without
// citizens' numbers and names. What is purged: the masked phone/ID number and its keyed hash of every
// ticket (ticket.issued identity), rating (rating.recorded contact) and carried-over case (day.started
// cases[].rating.contact); a booking's masked name, masked phone, its keyed hash and its sealed number
// (appointment.booked, and the book carried in day.started), and where a notice went
// (appointment.notified to); a bad-rating case's sealed number for the follow-up (case.opened, and the
// cases carried in day.started). What stays: the kind ('phone' | 'id'), so a real-name visit or 实名差评
// still counts as one in rebuilt reports, and everything else of the record (ids, seq, times, slots).
import type { MaskedIdentity, ServiceDay } from '@yichuang/shared/domain';
import type { Case } from '@yichuang/shared/ratings';
import type { BookingTerms, EngineEvent } from '../engine/types.js';
import { dataFolder } from '../storage/data-folder.js';
import { DurableJSONFile } from '../storage/durable-json-file.js';
import type { Journal, JournalRecord } from '../storage/journal.js';

interface RetentionMark {
  /** Every day before this one has been purged already. */
  purgedBefore: ServiceDay;
}

const purged = (identity: MaskedIdentity): MaskedIdentity => ({ kind: identity.kind, masked: '' });
const needsPurge = (identity: MaskedIdentity | undefined): identity is MaskedIdentity =>
  identity !== undefined && (identity.masked !== '' || identity.hash !== undefined);

const caseNeedsPurge = (c: Case): boolean => needsPurge(c.rating.contact) || c.sealedContact !== undefined;
function purgedCase({ sealedContact: _sealed, ...c }: Case): Case {
  return c.rating.contact ? { ...c, rating: { ...c.rating, contact: purged(c.rating.contact) } } : c;
}

const bookingNeedsPurge = (b: BookingTerms): boolean => b.name !== '' || b.phone.masked !== '' || b.phone.key !== '' || b.contact !== undefined;
function purgedBooking<B extends BookingTerms>({ contact: _sealed, ...b }: B): Omit<B, 'contact'> {
  return { ...b, name: '', phone: { masked: '', key: '' } };
}

/** The record without personal data, or undefined when it holds none. */
export function withoutPersonalData(record: JournalRecord): JournalRecord | undefined {
  const event: EngineEvent = record.event;
  if (event.type === 'ticket.issued' && needsPurge(event.identity)) {
    return { ...record, event: { ...event, identity: purged(event.identity) } };
  }
  if (event.type === 'rating.recorded' && needsPurge(event.contact)) {
    return { ...record, event: { ...event, contact: purged(event.contact) } };
  }
  if (event.type === 'case.opened' && event.sealedContact !== undefined) {
    const { sealedContact: _sealed, ...rest } = event;
    return { ...record, event: rest };
  }
  if (event.type === 'appointment.booked' && bookingNeedsPurge(event.booking)) {
    return { ...record, event: { ...event, booking: purgedBooking(event.booking) } };
  }
  if (event.type === 'appointment.notified' && event.to !== '') {
    return { ...record, event: { ...event, to: '' } };
  }
  if (event.type === 'day.started') {
    const cases = event.cases?.some(caseNeedsPurge);
    const bookings = event.bookings?.some(bookingNeedsPurge);
    if (!cases && !bookings) return undefined;
    return {
      ...record,
      event: {
        ...event,
        ...(cases && { cases: event.cases!.map((c) => (caseNeedsPurge(c) ? purgedCase(c) : c)) }),
        ...(bookings && { bookings: event.bookings!.map((b) => (bookingNeedsPurge(b) ? purgedBooking(b) : b)) }),
      },
    };
  }
  return undefined;
}

export interface PurgeResult {
  days: ServiceDay[];
  records: number;
}

/**
 * Purges every journal day before `before` not purged yet. A mark file (<dataDir>/retention.json)
 * remembers how far it got, so each day file is rewritten once, not read again every night. A mark
 * that cannot be read (left empty by a crash) starts the purge over from the first day: days already
 * purged read through and are left alone, and the mark is written anew.
 */
export async function purgePersonalData(journal: Journal, dataDir: string, before: ServiceDay, log: (line: string) => void): Promise<PurgeResult> {
  const mark = new DurableJSONFile<RetentionMark>(dataFolder(dataDir).retention);
  const from = (await readMark(mark, log))?.purgedBefore ?? '';
  const all = await journal.days();
  // The newest day file may still be open for appends (a hall closed for weeks): it waits its turn.
  const newest = all.at(-1);
  const until = newest !== undefined && newest < before ? newest : before;
  const result: PurgeResult = { days: [], records: 0 };
  for (const day of all.filter((d) => d >= from && d < until)) {
    const changed = await journal.rewriteDay(day, withoutPersonalData);
    if (changed > 0) {
      result.days.push(day);
      result.records += changed;
    }
  }
  if (until > from) await mark.write({ purgedBefore: until });
  return result;
}

async function readMark(mark: DurableJSONFile<RetentionMark>, log: (line: string) => void): Promise<RetentionMark | null> {
  try {
    return await mark.read();
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    log(`${mark.file} 无法读取，从第一天起重新检查 / ${mark.file} unreadable; checking again from the first day`);
    return null;
  }
}
