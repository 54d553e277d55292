// A scripted day through the real engine on a virtual clock, every figure worked out by hand
// (minutes in the comments), then compared with what the roll-up and report compute.
import { describe, expect, it } from 'vitest';
import { decide, evolve, initialState, type Command } from '../engine/index.js';
import { local, makeConfig, MINUTE } from '../engine/test-fixtures.js';
import type { JournalRecord } from '../storage/journal.js';
import { DayAccumulator } from './day-accumulator.js';
import { buildReport } from './report.js';
import { decodeTickets } from './rollup.js';

const DAY = '2026-11-23';
const config = makeConfig();

/** Runs the script through decide/evolve and returns the journal records it would have written. */
function journalOf(script: Array<[string, Command]>): JournalRecord[] {
  let state = initialState();
  const records: JournalRecord[] = [];
  for (const [clock, command] of script) {
    const now = local(`${DAY} ${clock}`);
    const decision = decide(state, command, { now, config });
    if (!decision.ok) throw new Error(`${clock} ${command.type}: ${JSON.stringify(decision.error)}`);
    for (const event of decision.events) {
      state = evolve(state, event);
      records.push({ v: 1, id: `r${records.length}`, hall: 'hall-1', seq: records.length + 1, day: DAY, at: now, event });
    }
  }
  return records;
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
  ['10:07', { type: 'cancel', number: 'C002' }], // waited 1
  ['10:08', { type: 'verifyCase', caseId: '20261123-C001', verdict: 'confirmed', notes: '调看录像属实', by: MANAGER }],
  ['10:09', { type: 'rectifyCase', caseId: '20261123-C001', measures: '窗口人员培训', by: MANAGER }],
  ['10:09', { type: 'followUpCase', caseId: '20261123-C001', result: 'satisfied', notes: '电话回访', by: MANAGER }],
  ['10:09', { type: 'closeCase', caseId: '20261123-C001', by: MANAGER }],
  ['10:10', at('w1', 'signOut')],
  ['10:10', at('w2', 'signOut')],
];

const min = (n: number): number => n * MINUTE;

describe('a scripted day, figure by figure', () => {
  const acc = new DayAccumulator(DAY);
  for (const r of journalOf(SCRIPT)) acc.apply(r);
  const rollup = acc.rollup(config.hall.timeZone);
  const report = buildReport([rollup], { from: DAY, to: DAY }, min(20), { later: [], today: DAY, timeZone: config.hall.timeZone });
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
    // Total waits add later waiting periods: A004 7+1; C002 waited 1 before it was cancelled; A002 0 after its hold.
    expect(total.totalWait).toMatchObject({ n: 6, mean: min((5 + 8 + 21 + 22 + 8 + 1) / 6), max: min(22) });
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

  it('computes window open time, serving time, utilisation and pause time by reason', () => {
    // w1: open 09:00–09:31 and 09:41–10:10 = 60; serving 9 + 5 + 7 = 21. w2: open 70; serving 17 + 1 + 10 = 28.
    expect(report.byWindow.w1?.time).toMatchObject({ openMs: min(60), servingMs: min(21), utilisation: 21 / 60 });
    expect(report.byWindow.w1?.time.pauseMs.meal).toBe(min(10));
    expect(report.byWindow.w2?.time).toMatchObject({ openMs: min(70), servingMs: min(28), utilisation: 0.4 });
    expect(report.windowTotal).toMatchObject({ openMs: min(130), servingMs: min(49) });
  });
});
