// A scripted day through the real engine on a virtual clock, every figure worked out by hand
// (minutes in the comments), then compared with what the roll-up and report compute: tickets,
// ratings and cases; kiosk uptime from a presence file; appointments over the days around it.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '@yichuang/shared/domain';
import { SELF_SERVICE_ZONE } from '@yichuang/shared/kiosk';
import type { Report } from '@yichuang/shared/reports';
import { addDays, serviceDay, startOfDay } from '@yichuang/shared/time';
import { defaultSettings } from '../appointments/settings.js';
import { decide, evolve, initialState, type Command } from '../engine/index.js';
import { local, makeConfig, MINUTE } from '../engine/test-fixtures.js';
import type { PresenceRecord } from '../kiosk/uptime.js';
import type { JournalRecord } from '../storage/journal.js';
import { DayAccumulator } from './day-accumulator.js';
import { kioskFacts, PresenceFiles } from './kiosk-uptime.js';
import { buildReport } from './report.js';
import { decodeTickets, type DayRollup } from './rollup.js';
import { reportTables } from './tables.js';

const DAY = '2026-11-23';
const config = makeConfig();

/** Runs the script ('HH:MM' on DAY, or 'YYYY-MM-DD HH:MM') through decide/evolve: the journal records it would have written. */
function journalOf(script: Array<[string, Command]>): JournalRecord[] {
  let state = initialState();
  const records: JournalRecord[] = [];
  for (const [clock, command] of script) {
    const now = local(clock.includes(' ') ? clock : `${DAY} ${clock}`);
    const decision = decide(state, command, { now, config });
    if (!decision.ok) throw new Error(`${clock} ${command.type}: ${JSON.stringify(decision.error)}`);
    for (const event of decision.events) {
      state = evolve(state, event);
      records.push({ v: 1, id: `r${records.length}`, hall: 'hall-1', seq: records.length + 1, day: serviceDay(now, config.hall.timeZone), at: now, event });
    }
  }
  return records;
}

/** The roll-up of one day of the records. */
function rollupOf(records: readonly JournalRecord[], day: string, kiosks: DayRollup['kiosks'] = []): DayRollup {
  const acc = new DayAccumulator(day);
  for (const r of records) acc.apply(r);
  return acc.rollup(config.hall.timeZone, { kiosks });
}

const issue = (categoryId: string, priority: 'normal' | 'green' = 'normal'): Command => ({ type: 'issue', categoryId, priority, source: 'kiosk' });
const at = (windowId: string, type: 'callNext' | 'recall' | 'start' | 'signOut'): Command => ({ type, windowId });

const MANAGER = { deviceId: 'console-1', name: '林雪梅' };

const SCRIPT: Array<[string, Command]> = [
  ['09:00', { type: 'signIn', windowId: 'w1', staffId: 's1' }],
  ['09:00', { type: 'signIn', windowId: 'w2', staffId: 's2' }],
  ['09:00', issue('general')], // A001
  ['09:02', issue('general')], // A002
  ['09:04', issue('social')], // C001
  ['09:05', issue('general', 'green')], // A003, green channel
  ['09:10', at('w1', 'callNext')], // A003 first (priority): wait 5
  ['09:11', at('w1', 'start')], // walk 1
  ['09:12', at('w2', 'callNext')], // C001 (w2 prefers social): wait 8
  ['09:13', at('w2', 'start')], // walk 1
  ['09:20', { type: 'finish', windowId: 'w1', outcome: 'done' }], // A003 service 9, stay 15
  ['09:20', { type: 'rate', windowId: 'w1', ticketId: `${DAY}/A003`, level: 'very-satisfied', reasons: [] }],
  ['09:21', at('w1', 'callNext')], // A001: wait 21
  ['09:21', at('w1', 'recall')],
  ['09:22', at('w1', 'recall')],
  ['09:23', at('w1', 'recall')], // recall cap 2 → no-show, no service time at all
  ['09:24', at('w1', 'callNext')], // A002: wait 22
  ['09:25', at('w1', 'start')], // walk 1
  ['09:30', { type: 'hold', windowId: 'w1', note: '补复印件' }], // served 5 so far
  ['09:30', { type: 'finish', windowId: 'w2', outcome: 'accepted' }], // C001 service 17, stay 26
  // 不满意 with a (masked) phone: a real-name bad rating, which opens a case.
  ['09:30', { type: 'rate', windowId: 'w2', ticketId: `${DAY}/C001`, level: 'dissatisfied', reasons: ['服务态度'], contact: { kind: 'phone', masked: '138****5678' } }],
  ['09:31', { type: 'pause', windowId: 'w1', reason: 'meal' }],
  ['09:41', { type: 'unpause', windowId: 'w1' }], // meal pause 10
  ['09:42', { type: 'resume', windowId: 'w1', number: 'A002' }],
  ['09:42', at('w1', 'callNext')], // A002 again (held at w1 → first)
  ['09:43', at('w1', 'start')],
  ['09:44', issue('general')], // A004
  ['09:50', { type: 'finish', windowId: 'w1', outcome: 'incomplete', note: '缺身份证复印件' }], // A002 service 5+7=12, stay 48
  ['09:51', { type: 'expireRating', windowId: 'w1', ticketId: `${DAY}/A002` }], // nobody rated A002: 未评价
  ['09:51', at('w2', 'callNext')], // A004: wait 7
  ['09:52', at('w2', 'start')], // walk 1
  ['09:53', { type: 'transfer', windowId: 'w2', toCategoryId: 'social', note: '属社保业务' }], // served 1, waits again
  ['09:54', at('w2', 'callNext')], // A004 (social now): waited 1 more
  ['09:55', at('w2', 'start')],
  ['10:05', { type: 'finish', windowId: 'w2', outcome: 'done' }], // A004 service 1+10=11, stay 21
  ['10:05', { type: 'rate', windowId: 'w2', ticketId: `${DAY}/A004`, level: 'satisfied', reasons: [] }],
  ['10:06', issue('social')], // C002
  ['10:07', { type: 'cancel', windowId: 'w2', number: 'C002' }], // waited 1
  ['10:08', { type: 'verifyCase', caseId: '20261123-C001', verdict: 'confirmed', notes: '调看录像属实', by: MANAGER }],
  ['10:09', { type: 'rectifyCase', caseId: '20261123-C001', measures: '窗口人员培训', by: MANAGER }],
  ['10:09', { type: 'followUpCase', caseId: '20261123-C001', result: 'satisfied', notes: '电话回访', by: MANAGER }],
  ['10:09', { type: 'closeCase', caseId: '20261123-C001', by: MANAGER }],
  ['10:10', at('w1', 'signOut')],
  ['10:10', at('w2', 'signOut')],
];

const min = (n: number): number => n * MINUTE;

describe('a scripted day, figure by figure', () => {
  const rollup = rollupOf(journalOf(SCRIPT), DAY);
  const report = buildReport([rollup], { from: DAY, to: DAY }, min(20), { later: [], today: DAY });
  const { total } = report;

  it('counts tickets by how they ended', () => {
    expect(total).toMatchObject({ issued: 6, finished: 4, noShow: 1, cancelled: 1, open: 0, transfers: 1, holds: 1 });
    expect(total.noShowRate).toBe(1 / 5); // 5 tickets were ever called
    expect(total.outcomes).toEqual({ done: 2, accepted: 1, enquiry: 0, refused: 0, incomplete: 1 });
    expect(total.doneShare).toBe(0.5);
  });

  it('computes waits (first call − issue) with nearest-rank percentiles and the share over 20 minutes', () => {
    // Waits: A003 5, A004 7, C001 8, A001 21, A002 22.
    expect(total.wait).toEqual({ n: 5, mean: min(63 / 5), p50: min(8), p90: min(22), max: min(22), overThreshold: 2 / 5 });
    // Total waits add later waiting periods: A004 7+1; A002 0 after its hold. C002, cancelled before
    // anyone called it, has no wait at all (waits count only called tickets, #20).
    expect(total.totalWait).toMatchObject({ n: 5, mean: min((5 + 8 + 21 + 22 + 8) / 5), max: min(22) });
    expect(decodeTickets(rollup.tickets).find((t) => t.number === 'C002')?.totalWait).toBeUndefined();
  });

  it('computes walk, service (holds excluded) and stay; a no-show has no service time, not zero', () => {
    expect(total.walk).toMatchObject({ n: 4, mean: min(1), max: min(1) });
    // Services: A003 9, A004 11, A002 12, C001 17.
    expect(total.service).toEqual({ n: 4, mean: min(12.25), p50: min(11), p90: min(17), max: min(17), overThreshold: 0 });
    // Stays: A003 15, A004 21, C001 26, A002 48.
    expect(total.stay).toEqual({ n: 4, mean: min(27.5), p50: min(21), p90: min(48), max: min(48), overThreshold: 3 / 4 });
    const a001 = decodeTickets(rollup.tickets).find((t) => t.number === 'A001');
    expect(a001).toMatchObject({ end: 'no-show', wait: min(21), window: 'w1' });
    expect(a001?.service).toBeUndefined();
  });

  it('splits by category (of issue), window, staff, source, priority and hour', () => {
    expect(Object.keys(report.byCategory)).toEqual(['general', 'social']);
    expect(report.byCategory.general).toMatchObject({ issued: 4, finished: 3, noShow: 1 });
    expect(report.byCategory.social).toMatchObject({ issued: 2, finished: 1, cancelled: 1 });
    expect(report.byWindow.w1).toMatchObject({ issued: 3, finished: 2, noShow: 1 });
    expect(report.byWindow.w2).toMatchObject({ issued: 2, finished: 2 });
    expect(report.byStaff.s2?.service).toMatchObject({ n: 2, mean: min(14) });
    expect(report.byPriority.green).toMatchObject({ issued: 1, finished: 1 });
    expect(report.bySource.kiosk?.issued).toBe(6);
    expect(report.issuedByHour[9]).toBe(5);
    expect(report.issuedByHour[10]).toBe(1);
    expect(report.arrivalsHeat[1]?.[9]).toBe(5); // Monday, 09:00–10:00
    // Waits 5, 7, 8 are ≤ 10 min; 21 and 22 fall in 20–30.
    expect(report.waitDistribution).toEqual([1, 2, 0, 0, 2, 0, 0, 0]);
  });

  it('counts ratings over finished visits: 未评价 is its own figure, never a good rating', () => {
    // Finished visits: A003 非常满意, C001 不满意, A002 未评价 (timed out), A004 满意.
    expect(report.ratings).toEqual({
      visits: 4,
      rated: 3,
      unrated: 1,
      levels: { 'very-satisfied': 1, satisfied: 1, basic: 0, dissatisfied: 1, 'very-dissatisfied': 0 },
      participation: 3 / 4,
      satisfaction: 2 / 3,
      goodRate: 2 / 3,
    });
    expect(report.ratingsByWindow.w1).toMatchObject({ visits: 2, rated: 1, unrated: 1, participation: 0.5, satisfaction: 1 });
    expect(report.ratingsByWindow.w2).toMatchObject({ visits: 2, rated: 2, participation: 1, satisfaction: 0.5, goodRate: 0.5 });
    expect(report.ratingsByStaff.s2).toMatchObject({ rated: 2 });
  });

  it('follows the bad rating through its case: verified, rectified on time, followed up, real-name', () => {
    expect(report.cases).toEqual({
      cases: 1,
      open: 0,
      verification: 1,
      rectificationOnTime: 1,
      followUp: 1,
      realNameRectificationOnTime: 1,
      overdue: 0,
    });
  });

  it('computes "一窗"分类受理率: intake (finished but 咨询) at 综合窗口 / all intake (#20)', () => {
    // w1 finished A003 (即办) and A002 (材料不全); w2 C001 (受理) and A004 (即办): 4 intake, none 咨询.
    const oneWindow = (comprehensiveWindows: string[]) => buildReport([rollup], { from: DAY, to: DAY }, min(20), { later: [], today: DAY }, comprehensiveWindows).oneWindow;
    expect(oneWindow(['w1'])).toEqual({ intake: 4, atComprehensive: 2, rate: 0.5 });
    expect(oneWindow(['w1', 'w2'])).toEqual({ intake: 4, atComprehensive: 4, rate: 1 });
    expect(report.oneWindow).toEqual({ intake: 4, atComprehensive: 0, rate: 0 });
    expect(buildReport([], { from: DAY, to: DAY }, min(20), { later: [], today: DAY }, ['w1']).oneWindow).toEqual({ intake: 0, atComprehensive: 0, rate: null });
    const summary = reportTables(report, config).find((t) => t.id === 'summary')!;
    expect(summary.rows.find((r) => String(r[0]).startsWith('"一窗"分类受理率'))?.[1]).toBe(0);
  });

  it('computes window open time, serving time, utilisation and pause time by reason', () => {
    // w1: open 09:00–09:31 and 09:41–10:10 = 60; serving 9 + 5 + 7 = 21. w2: open 70; serving 17 + 1 + 10 = 28.
    expect(report.byWindow.w1?.time).toMatchObject({ openMs: min(60), servingMs: min(21), utilisation: 21 / 60 });
    expect(report.byWindow.w1?.time.pauseMs.meal).toBe(min(10));
    expect(report.byWindow.w2?.time).toMatchObject({ openMs: min(70), servingMs: min(28), utilisation: 0.4 });
    expect(report.windowTotal).toMatchObject({ openMs: min(130), servingMs: min(49) });
  });
});

// ---- a category nobody was called in ----

describe('waits of tickets never called (#20)', () => {
  const script: Array<[string, Command]> = [
    ['09:00', { type: 'signIn', windowId: 'w1', staffId: 's1' }],
    ['09:00', issue('social')], // C001: never called
    ['09:05', issue('social')], // C002: never called
    ['09:06', issue('general')], // A001
    ['09:10', at('w1', 'callNext')], // A001 called after 4
    ['09:11', at('w1', 'start')],
    ['09:20', { type: 'finish', windowId: 'w1', outcome: 'done' }],
  ];
  const acc = new DayAccumulator(DAY);
  for (const r of journalOf(script)) acc.apply(r);
  // The report at 09:28, the social tickets still waiting: 28 and 23 minutes so far.
  const live = acc.rollup(config.hall.timeZone, { until: local(`${DAY} 09:28`), partial: true });
  const report = buildReport([live], { from: DAY, to: DAY }, min(20), { later: [], today: DAY });

  it('shows their waits so far separately, and no wait (not 0) where nobody was called', () => {
    expect(report.byCategory.social?.wait.n).toBe(0);
    expect(report.byCategory.social?.uncalledWait).toMatchObject({ n: 2, mean: min(25.5), max: min(28), overThreshold: 1 });
    expect(report.byCategory.general?.uncalledWait.n).toBe(0);
    expect(report.total.wait).toMatchObject({ n: 1, mean: min(4) });
    expect(report.total.uncalledWait).toMatchObject({ n: 2, max: min(28) });
    const row = reportTables(report, config).find((t) => t.id === 'byCategory')!;
    const social = row.rows.find((r) => r[0] === 'C 社保医保')!;
    const cell = (name: string): unknown => social[row.columns.findIndex((c) => c.startsWith(name))];
    expect(cell('平均等候')).toBe('—');
    expect(cell('未叫号')).toBe(2);
    expect(cell('未叫号平均已等')).toBe(25.5);
    expect(cell('未叫号最长已等')).toBe(28);
  });

  it('counts a ticket left uncalled at closing up to the day’s last record', () => {
    const closed = acc.rollup(config.hall.timeZone); // a past day runs to its last record, 09:20
    const day = buildReport([closed], { from: DAY, to: DAY }, min(20), { later: [], today: addDays(DAY, 1) });
    expect(day.byCategory.social?.uncalledWait).toMatchObject({ n: 2, mean: min((20 + 15) / 2), max: min(20) });
  });
});

// ---- kiosk uptime, from the day's presence file ----

const kiosk = (id: string, zone?: string): Device => ({ id, name: id, role: 'kiosk', ...(zone && { zone }), tokenHash: 'sha256:x', demo: false });
const hallWithTerminals = makeConfig({
  hall: { ...config.hall, zones: [...config.hall.zones, { id: SELF_SERVICE_ZONE, name: '24小时自助服务区', nameEn: '24-hour zone' }] },
  devices: [kiosk('k1'), kiosk('k2'), kiosk('t1', SELF_SERVICE_ZONE)],
});

/** A day of presence records, as the kiosk domain writes them (times on DAY, '24:00' = the next midnight). */
const time = (clock: string): number => (clock === '24:00' ? local(`${addDays(DAY, 1)} 00:00`) : local(`${DAY} ${clock}`));
const PRESENCE: PresenceRecord[] = [
  { v: 1, at: time('00:00'), t: 'day-start', online: ['t1'] }, // the terminal ran through the night
  { v: 1, at: time('03:00'), t: 'offline', device: 't1' },
  { v: 1, at: time('03:30'), t: 'online', device: 't1' }, // down 30
  { v: 1, at: time('08:50'), t: 'online', device: 'k1' },
  { v: 1, at: time('10:30'), t: 'offline', device: 'k1' },
  { v: 1, at: time('10:45'), t: 'online', device: 'k1' }, // down 15 in opening hours
  { v: 1, at: time('12:30'), t: 'offline', device: 'k1' },
  { v: 1, at: time('13:00'), t: 'online', device: 'k1' }, // the lunch break is not opening hours
  { v: 1, at: time('14:55'), t: 'beats', device: 'k1', n: 10, mode: 'service' },
  { v: 1, at: time('15:00'), t: 'hub-stop' }, // a hub restart takes both offline
  { v: 1, at: time('15:05'), t: 'hub-start' },
  { v: 1, at: time('15:06'), t: 'online', device: 'k1' }, // k1 down 6
  { v: 1, at: time('15:07'), t: 'online', device: 't1' }, // t1 down 7
  { v: 1, at: time('17:30'), t: 'offline', device: 'k1' },
  { v: 1, at: time('20:00'), t: 'beats', device: 't1', n: 120, mode: 'self-service' },
  { v: 1, at: time('24:00'), t: 'day-end' },
];

describe('kiosk uptime on the scripted day', () => {
  let dir: string;
  let report: Report;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-uptime-'));
    await mkdir(path.join(dir, 'presence'));
    await writeFile(path.join(dir, 'presence', `${DAY}.jsonl`), PRESENCE.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const presence = new PresenceFiles(dir, () => config.hall.timeZone);
    const span = { until: startOfDay(addDays(DAY, 1), config.hall.timeZone), live: false, since: await presence.since() };
    const rollup = rollupOf(journalOf(SCRIPT), DAY, kioskFacts(await presence.read(DAY), DAY, hallWithTerminals, span));
    report = buildReport([rollup], { from: DAY, to: DAY }, min(20), { later: [], today: DAY });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('counts a take-a-number kiosk against the hall’s opening hours (09:00–12:00, 13:30–17:00: 390 min)', () => {
    // k1 online 09:00–10:30 (90), 10:45–12:00 (75), 13:30–15:00 (90), 15:06–17:00 (114) = 369; k2 never came.
    expect(report.uptime.byKiosk.k1).toEqual({ kiosks: 1, allDay: false, dueMs: min(390), upMs: min(369), uptime: 369 / 390 });
    expect(report.uptime.byKiosk.k2).toEqual({ kiosks: 1, allDay: false, dueMs: min(390), upMs: 0, uptime: 0 });
    expect(report.uptime.kiosks).toEqual({ kiosks: 2, dueMs: min(780), upMs: min(369), uptime: 369 / 780 });
  });

  it('counts a 24-hour terminal against the whole day (1,440 min)', () => {
    // t1 down 03:00–03:30 (30) and 15:00–15:07 (7): 1,403 of 1,440.
    expect(report.uptime.terminals24).toEqual({ kiosks: 1, dueMs: min(1440), upMs: min(1403), uptime: 1403 / 1440 });
    expect(report.uptime.byKiosk.t1).toMatchObject({ allDay: true, upMs: min(1403) });
  });
});

// ---- appointments, over the days around the scripted one ----

/** The hub's default rules: 30-minute slots, check-in from 30 minutes before the slot to 15 after its start. */
const RULES = defaultSettings().defaults;
let bookings = 0;
const book = (code: string, categoryId: string, slot: string): Command => ({
  type: 'book',
  bookingId: `b${code}`,
  code,
  categoryId,
  slotStart: local(slot),
  name: '李*',
  phone: { masked: `139****${String(++bookings).padStart(4, '0')}`, key: `k${code}` },
  by: 'citizen',
  rules: RULES,
});
const checkIn = (code: string, acceptNormal = false): Command => ({ type: 'checkIn', code, acceptNormal });

const FRIDAY = '2026-11-20';
const TUESDAY = '2026-11-24';
/** A booking is a no-show once its slot has ended unchecked. */
const APPOINTMENTS: Array<[string, Command]> = [
  // Friday: five bookings, four of them for Monday.
  [`${FRIDAY} 10:00`, book('100001', 'general', `${DAY} 10:00`)],
  [`${FRIDAY} 10:01`, book('100002', 'general', `${DAY} 10:30`)],
  [`${FRIDAY} 10:02`, book('100003', 'social', `${DAY} 11:00`)],
  [`${FRIDAY} 10:03`, book('100004', 'social', `${DAY} 14:00`)],
  [`${FRIDAY} 10:04`, book('100005', 'general', `${FRIDAY} 16:00`)], // nobody comes; the hub is off until Monday
  // Monday: Friday's no-show is marked now, but it belongs to Friday.
  ['08:00', { type: 'markNoShows' }],
  ['09:00', book('100006', 'general', '2026-11-25 09:30')],
  ['09:05', { type: 'changeBooking', code: '100006', slotStart: local('2026-11-26 10:00'), rules: RULES }],
  ['09:10', book('100007', 'social', `${TUESDAY} 09:00`)],
  ['09:12', { type: 'cancelBooking', code: '100007', by: 'citizen' }],
  ['09:15', book('100008', 'general', `${DAY} 15:00`)], // nobody comes; marked on Tuesday
  ['09:40', checkIn('100001')], // on time
  ['10:20', checkIn('100002')], // on time
  ['11:31', { type: 'markNoShows' }], // 100003's slot ended at 11:30
  ['11:40', checkIn('100003', true)], // late, after being marked a no-show: a normal ticket
  ['14:20', checkIn('100004', true)], // late: check-in closed at 14:15
  // Tuesday morning: Monday's 15:00 booking is marked a no-show — it counts for Monday.
  [`${TUESDAY} 08:00`, { type: 'markNoShows' }],
];

describe('appointments around the scripted day', () => {
  const records = journalOf(APPOINTMENTS);
  const [friday, monday, tuesday] = [FRIDAY, DAY, TUESDAY].map((d) => rollupOf(records, d));
  const reportOn = (day: string, days: DayRollup[], later: DayRollup[]): Report => buildReport(days, { from: day, to: day }, min(20), { later, today: TUESDAY });
  const mon = reportOn(DAY, [monday!], [tuesday!]);

  it('counts bookings made, changed and cancelled on the day they happened', () => {
    // Monday: 100006, 100007 and 100008 booked; 100006 moved to Thursday; 100007 cancelled.
    expect(mon.appointments).toMatchObject({ booked: 3, changed: 1, cancelled: 1 });
    expect(reportOn(FRIDAY, [friday!], [monday!, tuesday!]).appointments).toMatchObject({ booked: 5, changed: 0, cancelled: 0 });
  });

  it('counts check-ins and no-shows on the day booked for, wherever they were journaled', () => {
    // Monday's bookings: 100001 and 100002 on time, 100003 late after its no-show mark, 100004 late,
    // 100008 a no-show (marked Tuesday). 100003's mark no longer stands: 1 no-show of 5 due.
    expect(mon.appointments).toEqual({ booked: 3, changed: 1, cancelled: 1, checkedIn: 4, late: 2, afterNoShow: 1, noShow: 1, noShowRate: 1 / 5 });
    // Without Tuesday's journal, Monday's 15:00 no-show is not known yet.
    expect(reportOn(DAY, [monday!], []).appointments).toMatchObject({ checkedIn: 4, noShow: 0, noShowRate: 0 });
    // Friday's no-show, marked on Monday, is Friday's; Tuesday has none of its own.
    expect(reportOn(FRIDAY, [friday!], [monday!, tuesday!]).appointments).toMatchObject({ checkedIn: 0, noShow: 1, noShowRate: 1 });
    expect(reportOn(TUESDAY, [tuesday!], []).appointments).toMatchObject({ booked: 0, noShow: 0, noShowRate: null });
  });

  it('splits by category and by day', () => {
    expect(mon.appointmentsByCategory).toEqual({
      general: { booked: 2, changed: 1, cancelled: 0, checkedIn: 2, late: 0, afterNoShow: 0, noShow: 1, noShowRate: 1 / 3 },
      social: { booked: 1, changed: 0, cancelled: 1, checkedIn: 2, late: 2, afterNoShow: 1, noShow: 0, noShowRate: 0 },
    });
    expect(mon.appointmentsByDay).toEqual({ [DAY]: mon.appointments });
    // A week: each figure under its own day — bookings where made, no-shows where due.
    const week = buildReport([friday!, monday!, tuesday!], { from: FRIDAY, to: TUESDAY }, min(20), { later: [], today: TUESDAY });
    expect(week.appointments).toMatchObject({ booked: 8, checkedIn: 4, noShow: 2 });
    expect(week.appointmentsByDay[FRIDAY]).toMatchObject({ booked: 5, noShow: 1 });
    expect(week.appointmentsByDay[TUESDAY]).toBeUndefined();
  });
});
