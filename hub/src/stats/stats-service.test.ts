// The stats service's roll-up store and memory: stale roll-ups are rebuilt, past days are kept in
// memory within a budget (oldest day out first), and a rebuild replaces what was kept. Months that are
// over are read from their packs, with the same report.
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, weekdayOf } from '@yichuang/shared/time';
import { local, makeConfig } from '../engine/test-fixtures.js';
import { Journal } from '../storage/journal.js';
import { LEVEL_CODE, RATING_LEVELS, type Case, type Rating } from '@yichuang/shared/ratings';
import type { TicketFact } from './facts.js';
import { caseFact } from './evaluation-figures.js';
import { PresenceFiles } from './kiosk-uptime.js';
import { PACK_VERSION, packMonth, unpackMonth } from './month-pack.js';
import { reportDay, reportDayBytes, ReportDayCache, reportRollupFrom, type ReportDay } from './report-day.js';
import { DEFAULT_THRESHOLD_MIN, dayMemos } from './report.js';
import { encodeRatings, encodeTickets, ROLLUP_VERSION, type DayRollup } from './rollup.js';
import { RollupStore } from './rollup-store.js';
import { StatsService } from './stats-service.js';

const config = makeConfig();

function rollupOf(day: string, tickets: number): DayRollup {
  const facts: TicketFact[] = Array.from({ length: tickets }, (_, i) => ({
    ...(i % 3 === 1 && { staff: `s${i % 5}` }),
    number: `A${i}`,
    category: 'general',
    source: 'kiosk',
    priority: 'normal',
    issued: 9 * 3600 + i,
    end: 'finished',
    called: true,
    transfers: 0,
    holds: 0,
    wait: 60_000 * i,
    window: 'w1',
  }));
  return { v: ROLLUP_VERSION, hall: 'hall-1', day, seq: 1, weekday: weekdayOf(day), tickets: encodeTickets(facts), windows: [], ratings: encodeRatings([], 0), cases: [], appointments: [], kiosks: [] };
}

/** A day as a month pack gives it back: its memos worked out. */
const withMemos = (d: ReportDay): ReportDay => (dayMemos(d), d);

const by = { deviceId: 'console-1', name: '林雪梅' };
/** A bad rating's case, opened on `day`. */
function caseOn(day: string, n = 1): Case {
  return {
    id: `${day.replaceAll('-', '')}-A00${n}`,
    rating: { ticketId: `${day}/A00${n}`, ticketNumber: `A00${n}`, categoryId: 'general', windowId: 'w1', staffId: 's1', channel: 'pad', finishedAt: 0, at: local(`${day} 10:00`), level: 'dissatisfied', code: 2, reasons: ['服务态度'] },
    department: 'hall',
    openedAt: local(`${day} 10:00`),
    due: { verify: addDays(day, 1), rectify: addDays(day, 7), followUp: addDays(day, 14) },
    reached: 'opened',
    steps: [],
  };
}
const verifiedOn = (c: Case, day: string): Case => ({ ...c, reached: 'verify', verdict: 'confirmed', steps: [{ step: 'verify', at: local(`${day} 09:00`), by, text: '属实' }] });

/** `n` ratings over a few windows, staff members and levels (and 未评价). */
function ratingsOf(day: string, n: number): Rating[] {
  const levels = [...RATING_LEVELS, 'unrated'] as const;
  return Array.from({ length: n }, (_, i) => {
    const level = levels[(i * 7 + n) % levels.length]!;
    const at = local(`${day} 10:00`) + i * 60_000;
    return { ticketId: `${day}/A${i}`, ticketNumber: `A${i}`, categoryId: 'general', windowId: `w${1 + (i % 3)}`, staffId: `s${i % 4}`, channel: 'pad', finishedAt: at - 30_000, at, level, ...(level !== 'unrated' && { code: LEVEL_CODE[level] }), reasons: [] };
  });
}

let dir: string;
let journal: Journal;
let rollups: RollupStore;
let stats: StatsService;

const openStats = (): Promise<StatsService> =>
  StatsService.open({ journal, rollups, presence: new PresenceFiles(dir, () => config.hall.timeZone), config: () => config, clock: () => local('2026-11-24 10:00'), log: () => {} });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-stats-'));
  journal = await Journal.open(dir, 'hall-1');
  rollups = await RollupStore.open(dir);
  stats = await openStats();
});
afterEach(async () => {
  await stats.close();
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('stats service', () => {
  it('rebuilds a roll-up of an older version from its journal, and stores the new one', async () => {
    const file = path.join(dir, 'rollups', '2026-11-20.json');
    await writeFile(file, JSON.stringify({ v: 2, hall: 'hall-1', day: '2026-11-20', seq: 9, tickets: [{ number: 'A001' }], windows: [], ratings: [], cases: [] }));
    const report = await stats.report('2026-11-20', '2026-11-20', 30 * 60_000);
    expect(report.total.issued).toBe(0); // the (empty) journal is the truth
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ v: ROLLUP_VERSION, day: '2026-11-20', tickets: { length: 0 } });
  });

  it('rebuilds a past day whose roll-up was saved while the day was still going (a shutdown before midnight)', async () => {
    await rollups.write({ ...rollupOf('2026-11-20', 7), partial: true });
    expect((await stats.report('2026-11-20', '2026-11-20', 30 * 60_000)).total.issued).toBe(0); // from the (empty) journal
    expect((await rollups.read('2026-11-20'))?.partial).toBeUndefined();
  });

  it('keeps past days in memory: a roll-up changed on disk is not read again until rebuilt', async () => {
    await rollups.write(rollupOf('2026-11-20', 5));
    await rollups.write(rollupOf('2026-11-21', 3));
    expect((await stats.report('2026-11-20', '2026-11-21', 30 * 60_000)).total.issued).toBe(8);
    expect(stats.cacheSize().days).toBe(2);

    await rollups.write(rollupOf('2026-11-20', 50));
    expect((await stats.report('2026-11-20', '2026-11-21', 30 * 60_000)).total.issued).toBe(8);
    await stats.rebuild('2026-11-20'); // from the (empty) journal: stored, and what was kept is dropped
    expect((await stats.report('2026-11-20', '2026-11-21', 30 * 60_000)).total.issued).toBe(3);
    // Today is live, never kept.
    await stats.report('2026-11-24', '2026-11-24', 30 * 60_000);
    expect(stats.cacheSize().days).toBe(2);
  });

  it('judges each bad-rating case by its latest version, before and after the days are kept in memory', async () => {
    const opened = caseOn('2026-11-20');
    const verified = verifiedOn(opened, '2026-11-21');
    // The case rides in both days' roll-ups (the engine carries open cases from day to day).
    await rollups.write({ ...rollupOf('2026-11-20', 1), cases: [caseFact(opened, config.hall.timeZone)] });
    await rollups.write({ ...rollupOf('2026-11-21', 1), cases: [caseFact(verified, config.hall.timeZone)] });
    for (let i = 0; i < 2; i++) {
      expect((await stats.report('2026-11-20', '2026-11-20', 30 * 60_000)).cases).toMatchObject({ cases: 1, verification: 1 });
      expect((await stats.report('2026-11-20', '2026-11-21', 30 * 60_000)).cases).toMatchObject({ cases: 1, verification: 1 });
      expect((await stats.report('2026-11-21', '2026-11-21', 30 * 60_000)).cases).toMatchObject({ cases: 0 }); // rated before the period
    }
  });

  it('holds past days within its budget, dropping the oldest service day first', () => {
    const one = reportDay(reportRollupFrom(rollupOf('2026-11-01', 100)));
    const cache = new ReportDayCache(0);
    cache.set(one);
    expect(cache.size).toEqual({ days: 0, bytes: 0 });

    const days = ['2026-11-03', '2026-11-01', '2026-11-04', '2026-11-02'].map((d) => reportDay(reportRollupFrom(rollupOf(d, 100))));
    const roomFor3 = new ReportDayCache(3 * reportDayBytes(days[0]!) + 10);
    for (const d of days) roomFor3.set(d);
    expect(roomFor3.size.days).toBe(3);
    expect(roomFor3.get('2026-11-01')).toBeUndefined();
    expect(roomFor3.get('2026-11-02')?.tickets.length).toBe(100);
    expect(roomFor3.get('2026-11-04')).toBeDefined();
  });
});

describe('month packs', () => {
  const DAYS = ['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-11-02'];
  // Two bad-rating cases riding from day to day, one across the month's end, one opened and verified in October.
  const septemberCase = caseOn('2026-09-29');
  const octoberCase = caseOn('2026-10-08', 2);
  const casesOn: Record<string, Case[]> = {
    '2026-09-29': [septemberCase],
    '2026-09-30': [septemberCase],
    '2026-10-08': [verifiedOn(septemberCase, '2026-10-08'), octoberCase],
    '2026-10-09': [verifiedOn(octoberCase, '2026-10-09')],
    '2026-11-02': [verifiedOn(octoberCase, '2026-10-09')],
  };
  const writeDays = async (): Promise<void> => {
    for (const [i, day] of DAYS.entries()) {
      await rollups.write({
        ...rollupOf(day, 40 + 30 * i),
        ratings: encodeRatings(ratingsOf(day, 10 + 5 * i), local(`${day} 00:00`)),
        cases: casesOn[day]!.map((c) => caseFact(c, config.hall.timeZone)),
        appointments: [{ day, category: 'general', booked: i, changed: 0, cancelled: 0, checkedIn: 1, late: 0, afterNoShow: 0, noShow: i % 2 }],
        // 事项 recorded at 办结 for a few of the day's tickets, some of them rated (ratingsOf rates A0, A1…).
        items: { 'ITEM-1': { tickets: ['A0', 'A1', 'A30'], caseNumbers: 1 }, ...(i % 2 === 0 && { 'ITEM-2': { tickets: ['A2'], caseNumbers: 0 } }) },
      });
    }
  };
  const RANGES = [['2026-09-01', '2026-11-23'], ['2026-09-30', '2026-10-08'], ['2026-10-09', '2026-10-31'], ['2026-10-08', '2026-10-08']] as const;

  it('reads the months that are over from their packs after a start: the same report, none of their day roll-ups read', async () => {
    await writeDays();
    const fromDays = [];
    for (const [from, to] of RANGES) fromDays.push(await stats.report(from, to, 10 * 60_000));
    expect(fromDays[0]!.ratings.levels.satisfied).toBeGreaterThan(0);
    expect(fromDays[0]!.cases).toMatchObject({ cases: 2, verification: 1 });
    expect(fromDays[0]!.byItem?.['ITEM-1']).toMatchObject({ finished: 15, caseNumbers: 5, ratings: { visits: 15 } });
    expect(fromDays[0]!.byItem?.['ITEM-1']?.ratings.rated).toBeGreaterThan(0);
    expect(fromDays[0]!.byItem?.['ITEM-2']).toMatchObject({ finished: 3, caseNumbers: 0 });
    await stats.packClosedMonths();
    expect(await rollups.packs()).toEqual(['2026-09', '2026-10']); // November is this month: not packed

    const restarted = await openStats();
    const dayReads = vi.spyOn(rollups, 'readForReport');
    const wholeReads = vi.spyOn(rollups, 'read');
    const fromPacks = await restarted.report(...RANGES[0], 10 * 60_000);
    expect(fromPacks).toEqual(fromDays[0]);
    expect(dayReads.mock.calls.map(([day]) => day)).toEqual(['2026-11-02']);
    expect(wholeReads).not.toHaveBeenCalled(); // the 事项 figures too come from the packs
    expect(restarted.cacheSize().days).toBe(5); // read once, then from memory as before
    await restarted.close();
    // Each period alone, first after a start (from the packs) and again (from memory).
    for (const [i, [from, to]] of RANGES.entries()) {
      const fresh = await openStats();
      for (let run = 0; run < 2; run++) expect(await fresh.report(from, to, 10 * 60_000)).toEqual(fromDays[i]);
      await fresh.close();
    }
    // At the default threshold the packs' own day figures are used: the same as worked out from the days.
    const byDefault = DEFAULT_THRESHOLD_MIN * 60_000;
    const fromDayFiles = await stats.report(...RANGES[0], byDefault);
    const fresh = await openStats();
    expect(await fresh.report(...RANGES[0], byDefault)).toEqual(fromDayFiles);
    await fresh.close();
  });

  it("packs the days ready for a report: ratings counted per window and staff member, each case's latest version of the month only", async () => {
    await writeDays();
    await stats.packClosedMonths();
    const october = await rollups.readPack('2026-10');
    expect(october?.map((d) => d.cases.map((c) => c.id))).toEqual([[septemberCase.id], [octoberCase.id]]); // October 8th's version of the October case is superseded on the 9th
    const day = october![0]!;
    expect(day.ratings.byWindow).toBeInstanceOf(Int32Array);
    const fromRollup = withMemos(reportDay((await rollups.readForReport(day.day))!));
    expect({ ...reportDay(day), cases: [] }).toEqual({ ...fromRollup, cases: [] });
    expect(fromRollup.cases.map((c) => c.id)).toEqual([septemberCase.id, octoberCase.id]);
  });

  it('ignores a pack of another version and makes it again', async () => {
    await writeDays();
    await stats.packClosedMonths();
    const months = path.join(dir, 'rollups', 'months');
    const [current] = (await readdir(months)).filter((f) => f.startsWith('2026-09'));
    // A version 1 pack (YYYY-MM.pack) and a pack of a later layout left by another hub version.
    await rename(path.join(months, current!), path.join(months, '2026-09.pack'));
    await rename(path.join(months, (await readdir(months)).find((f) => f.startsWith('2026-10'))!), path.join(months, '2026-10.v999.pack'));
    const restarted = await openStats();
    const dayReads = vi.spyOn(rollups, 'readForReport');
    expect((await restarted.report('2026-09-01', '2026-10-31', 10 * 60_000)).total.issued).toBe(40 + 70 + 100 + 130);
    expect(dayReads.mock.calls.map(([d]) => d)).toEqual(DAYS); // from the day roll-ups (and November's, for the cases)
    expect(await rollups.packs()).toEqual([]); // and the stale packs are gone
    await restarted.packClosedMonths();
    expect((await readdir(months)).sort()).toEqual([current, current!.replace('2026-09', '2026-10')]);
    expect((await rollups.readPack('2026-09'))?.map((d) => d.day)).toEqual(['2026-09-29', '2026-09-30']);
    await restarted.close();
  });

  it('drops the pack of a month one of whose days is rebuilt, and does not use a pack of another version', async () => {
    await writeDays();
    await stats.packClosedMonths();
    await stats.rebuild('2026-09-30'); // from the (empty) journal
    expect(await rollups.packs()).toEqual(['2026-10']);
    await stats.packClosedMonths();
    expect(await rollups.packs()).toEqual(['2026-09', '2026-10']);
    const packed = await rollups.readPack('2026-09');
    expect(packed?.map((d) => [d.day, d.tickets.length])).toEqual([['2026-09-29', 40], ['2026-09-30', 0]]);

    const file = path.join(dir, 'rollups', 'months', `2026-10.v${PACK_VERSION}.pack`);
    const bytes = await readFile(file);
    const header = bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4)).replace(`"v":${PACK_VERSION}`, '"v":0');
    await writeFile(file, Buffer.concat([bytes.subarray(0, 8), Buffer.from(header), bytes.subarray(8 + header.length)]));
    expect(await rollups.readPack('2026-10')).toBeNull();
    const restarted = await openStats();
    expect((await restarted.report('2026-10-01', '2026-10-31', 10 * 60_000)).total.issued).toBe(100 + 130); // from the day roll-ups
    await restarted.close();
  });

  it("serves a day's ticket table (the capacity forecast reads a year of them after a start) from its month's pack, without reading its roll-up", async () => {
    await writeDays();
    await stats.packClosedMonths();
    const restarted = await openStats();
    const reads = [vi.spyOn(rollups, 'read'), vi.spyOn(rollups, 'readForReport')];
    for (const day of DAYS) {
      const { number: _number, ...table } = (await rollups.read(day))!.tickets;
      reads.forEach((r) => r.mockClear());
      expect(await restarted.ticketsOf(day)).toEqual(table);
      expect(reads.flatMap((r) => r.mock.calls.map(([d]) => d))).toEqual(day === '2026-11-02' ? [day] : []);
    }
    await restarted.close();
  });

  it('gives back each day as a report reads it, also from bytes that do not start on an aligned address', () => {
    const days = DAYS.slice(0, 2).map((d, i) => reportRollupFrom(rollupOf(d, 10 + i)));
    const bytes = packMonth('2026-09', days);
    const unaligned = Buffer.alloc(bytes.length + 3).subarray(3);
    bytes.copy(unaligned);
    for (const b of [bytes, unaligned]) {
      const unpacked = unpackMonth(b);
      expect(unpacked?.month).toBe('2026-09');
      expect(unpacked?.days.map(reportDay)).toEqual(days.map((d) => withMemos(reportDay(d))));
    }
  });
});
