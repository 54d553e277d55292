// Retention: journal days before the cut-off lose citizens' numbers (kind kept), once each.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingTerms, EngineEvent } from '../engine/types.js';
import { Journal } from '../storage/journal.js';
import { purgePersonalData, withoutPersonalData } from './retention.js';

const phone = { kind: 'phone' as const, masked: '138****5678', hash: 'h1' };
const issued = (at: number): EngineEvent => ({ type: 'ticket.issued', at, ticketId: `t${at}`, number: `A00${at}`, categoryId: 'general', source: 'kiosk', priority: 'normal', identity: phone });
const rated: EngineEvent = { type: 'rating.recorded', at: 5, ticketId: 't1', windowId: 'w1', staffId: 's1', channel: 'pad', level: 'dissatisfied', reasons: ['x'], contact: phone };

/** For runs that have nothing to report. */
const fail = (line: string): never => {
  throw new Error(`unexpected log: ${line}`);
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-retention-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withoutPersonalData', () => {
  it('keeps the kind of an identity or contact and drops its number and hash', () => {
    const record = { v: 1 as const, id: 'r', hall: 'h', seq: 1, day: '2025-01-01', at: 1, event: issued(1) };
    expect(withoutPersonalData(record)?.event).toMatchObject({ identity: { kind: 'phone', masked: '' } });
    expect(withoutPersonalData({ ...record, event: rated })?.event).toMatchObject({ contact: { kind: 'phone', masked: '' } });
    expect(withoutPersonalData(withoutPersonalData(record)!)).toBeUndefined();
    expect(withoutPersonalData({ ...record, event: { type: 'window.unpaused', at: 1, windowId: 'w1' } })).toBeUndefined();
  });
});

describe('withoutPersonalData, a case’s sealed number', () => {
  it('drops the number sealed for the follow-up from the opening and from the cases a day carries', () => {
    const record = (event: EngineEvent) => ({ v: 1 as const, id: 'r', hall: 'h', seq: 1, day: '2025-01-01', at: 1, event });
    const due = { verify: '2025-01-02', rectify: '2025-01-08', followUp: '2025-01-15' };
    const opened = withoutPersonalData(record({ type: 'case.opened', at: 1, caseId: '20250101-A001', ticketId: 't1', department: 'd', due, sealedContact: 'v1.sealed' }));
    expect(opened?.event).toEqual({ type: 'case.opened', at: 1, caseId: '20250101-A001', ticketId: 't1', department: 'd', due });
    const rating = { ticketId: 't1', ticketNumber: 'A001', categoryId: 'general', windowId: 'w1', staffId: 's1', channel: 'pad' as const, finishedAt: 1, at: 1, level: 'dissatisfied' as const, reasons: ['x'], contact: phone };
    const carried = withoutPersonalData(record({ type: 'day.started', at: 1, day: '2025-01-01', cases: [{ id: 'c', rating, department: 'd', openedAt: 1, due, reached: 'opened', steps: [], sealedContact: 'v1.sealed' }] }));
    expect(JSON.stringify(carried)).not.toMatch(/sealed|5678|"h1"/);
    expect(carried?.event).toMatchObject({ cases: [{ id: 'c', rating: { contact: { kind: 'phone', masked: '' } } }] });
  });
});

describe('withoutPersonalData, bookings', () => {
  const terms: BookingTerms = {
    id: 'b1', code: '123456', categoryId: 'tax', day: '2025-01-02', slotStart: 10, slotEnd: 20, checkInFrom: 5, checkInUntil: 15,
    name: '张*', phone: { masked: '139****0000', key: 'k1' }, contact: 'v1.sealed', by: 'citizen', bookedAt: 1,
  };
  const record = (event: EngineEvent) => ({ v: 1 as const, id: 'r', hall: 'h', seq: 1, day: '2025-01-01', at: 1, event });

  it('drops a booking’s name, phone, hash and sealed number, and where its notices went', () => {
    const booked = withoutPersonalData(record({ type: 'appointment.booked', at: 1, booking: terms }))!.event;
    expect(booked).toEqual({ type: 'appointment.booked', at: 1, booking: { ...terms, name: '', phone: { masked: '', key: '' }, contact: undefined } });
    expect(JSON.stringify(booked)).not.toMatch(/张|0000|k1|sealed/);
    const notified = withoutPersonalData(record({ type: 'appointment.notified', at: 1, bookingId: 'b1', kind: 'confirmed', channel: 'sms', to: '139****0000', text: '【大厅】已预约', ok: true }));
    expect(notified?.event).toMatchObject({ to: '', text: '【大厅】已预约' });
  });

  it('drops them from the book a day carries over too, keeping its cases’ kinds', () => {
    const started = record({ type: 'day.started', at: 1, day: '2025-01-01', bookings: [{ ...terms, status: 'booked', notices: [] }] });
    const purged = withoutPersonalData(started)!;
    expect(JSON.stringify(purged)).not.toMatch(/张|0000|k1|sealed/);
    expect(purged.event).toMatchObject({ bookings: [{ id: 'b1', code: '123456', status: 'booked', name: '' }] });
    expect(withoutPersonalData(purged)).toBeUndefined();
  });
});

describe('purgePersonalData', () => {
  it('rewrites each past day once, keeps seqs and ids, and leaves newer days alone', async () => {
    const journal = await Journal.open(dir, 'h');
    for (const day of ['2025-01-01', '2025-01-02', '2025-03-01']) {
      await journal.append([{ day, at: 1, event: issued(1) }, { day, at: 5, event: rated }]);
    }
    const before = await journal.readDay('2025-01-01');
    expect(await purgePersonalData(journal, dir, '2025-02-01', fail)).toEqual({ days: ['2025-01-01', '2025-01-02'], records: 4 });
    const after = await journal.readDay('2025-01-01');
    expect(after.map((r) => [r.seq, r.id])).toEqual(before.map((r) => [r.seq, r.id]));
    expect(JSON.stringify(after)).not.toMatch(/5678|"h1"/);
    expect(await readFile(path.join(dir, 'journal', '2025-03-01.jsonl'), 'utf8')).toContain('138****5678');
    expect(JSON.parse(await readFile(path.join(dir, 'retention.json'), 'utf8'))).toEqual({ purgedBefore: '2025-02-01' });
    // Run again: nothing left to do, and the days already done are not read again.
    expect(await purgePersonalData(journal, dir, '2025-02-01', fail)).toEqual({ days: [], records: 0 });
    await journal.close();
  });

  it('starts over from the first day when its mark file is empty or torn, and writes a good one', async () => {
    const journal = await Journal.open(dir, 'h');
    for (const day of ['2025-01-01', '2025-03-01']) await journal.append([{ day, at: 1, event: issued(1) }]);
    await writeFile(path.join(dir, 'retention.json'), '');
    const logs: string[] = [];
    expect(await purgePersonalData(journal, dir, '2025-02-01', (l) => logs.push(l))).toEqual({ days: ['2025-01-01'], records: 1 });
    expect(logs.join('\n')).toMatch(/retention\.json.*无法读取[\s\S]*unreadable/);
    expect(JSON.parse(await readFile(path.join(dir, 'retention.json'), 'utf8'))).toEqual({ purgedBefore: '2025-02-01' });
    await journal.close();
  });

  it('waits with the newest day, which may still be written to', async () => {
    const journal = await Journal.open(dir, 'h');
    await journal.append([{ day: '2025-01-01', at: 1, event: issued(1) }]);
    expect(await purgePersonalData(journal, dir, '2025-06-01', fail)).toEqual({ days: [], records: 0 });
    await expect(journal.rewriteDay('2025-01-01', () => undefined)).rejects.toThrow(/still being written/);
    await journal.close();
  });
});
