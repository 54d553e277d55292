import { describe, expect, it } from 'vitest';
import { carriedCases, nextStep, standings } from './cases.js';
import { evolve } from './evolve.js';
import { initialState } from './state.js';
import { Hall, local, makeConfig, withSchedule } from './test-fixtures.js';
import type { Command, EngineEvent } from './types.js';

const TZ = 'Asia/Shanghai';
const CASE = '20261123-A001';
const by = { deviceId: 'console-1', name: '林雪梅' };

/** A001 rated 不满意 at window 1 on Monday 2026-11-23; every event so far in `events`. */
function badRating(hall = new Hall()): { hall: Hall; events: EngineEvent[] } {
  const events: EngineEvent[] = [];
  const run = (...commands: Command[]) => events.push(...hall.run(...commands));
  run({ type: 'signIn', windowId: 'w1', staffId: 's1' }, { type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk' });
  run({ type: 'callNext', windowId: 'w1' }, { type: 'start', windowId: 'w1' }, { type: 'finish', windowId: 'w1', outcome: 'done' });
  hall.wait(0.5);
  run({ type: 'rate', windowId: 'w1', ticketId: '2026-11-23/A001', level: 'dissatisfied', reasons: ['服务态度'] });
  return { hall, events };
}

const verify = (verdict: 'confirmed' | 'unfounded' = 'confirmed'): Command => ({ type: 'verifyCase', caseId: CASE, verdict, notes: '调取录像，情况属实', by });
const rectify: Command = { type: 'rectifyCase', caseId: CASE, measures: '批评教育，重新培训', by };
const followUp: Command = { type: 'followUpCase', caseId: CASE, result: 'satisfied', notes: '电话回访，群众表示满意', by };
const close: Command = { type: 'closeCase', caseId: CASE, by };

describe('case steps', () => {
  it('go verify → rectify → follow up → close, each with who and when', () => {
    const { hall } = badRating();
    const c = () => hall.state.evaluation!.cases[CASE]!;
    expect(nextStep(c())).toBe('verify');
    expect(hall.refusal(rectify)).toEqual({ code: 'CASE_STEP_ORDER', params: { next: '核实', nextEn: 'verification' } });
    expect(hall.refusal(close)).toMatchObject({ code: 'CASE_STEP_ORDER' });
    hall.wait(60);
    const verifiedAt = hall.now;
    expect(hall.run(verify())).toEqual([{ type: 'case.verified', at: verifiedAt, caseId: CASE, verdict: 'confirmed', notes: '调取录像，情况属实', by }]);
    expect(nextStep(c())).toBe('rectify');
    hall.run(rectify);
    expect(nextStep(c())).toBe('followUp');
    hall.run(followUp);
    hall.run(close);
    expect(nextStep(c())).toBeNull();
    expect(c().steps.map((s) => [s.step, s.by.name])).toEqual([
      ['verify', '林雪梅'],
      ['rectify', '林雪梅'],
      ['followUp', '林雪梅'],
      ['close', '林雪梅'],
    ]);
    expect(c().steps[0]).toEqual({ step: 'verify', at: verifiedAt, by, text: '调取录像，情况属实', verdict: 'confirmed' });
    expect(c().steps[2]).toMatchObject({ result: 'satisfied' });
    expect(hall.refusal(close)).toEqual({ code: 'CASE_CLOSED' });
  });

  it('skip rectification when the complaint is unfounded', () => {
    const { hall } = badRating();
    hall.run(verify('unfounded'));
    expect(nextStep(hall.state.evaluation!.cases[CASE]!)).toBe('followUp');
    expect(hall.refusal(rectify)).toMatchObject({ code: 'CASE_STEP_ORDER', params: { next: '回访' } });
    hall.run(followUp, close);
    expect(standings(hall.state.evaluation!.cases[CASE]!, '2026-11-23', TZ)).toEqual({ verify: 'done', rectify: 'skipped', followUp: 'done' });
  });

  it('need notes, and refuse unknown cases', () => {
    const { hall } = badRating();
    expect(hall.refusal({ ...verify(), notes: '  ' } as Command)).toEqual({ code: 'NOTE_REQUIRED' });
    expect(hall.refusal({ ...verify(), caseId: '20261123-Z999' } as Command)).toEqual({ code: 'UNKNOWN_CASE', params: { caseId: '20261123-Z999' } });
  });
});

describe('deadlines', () => {
  it('flag a step overdue after its due day, and late when done after it', () => {
    const { hall } = badRating();
    const c = () => hall.state.evaluation!.cases[CASE]!;
    expect(c().due).toEqual({ verify: '2026-11-24', rectify: '2026-11-30', followUp: '2026-12-07' });
    expect(standings(c(), '2026-11-24', TZ)).toEqual({ verify: 'pending', rectify: 'pending', followUp: 'pending' });
    expect(standings(c(), '2026-11-25', TZ)).toEqual({ verify: 'overdue', rectify: 'pending', followUp: 'pending' });
    hall.at('2026-11-25 10:00').run(verify());
    expect(standings(c(), '2026-12-01', TZ)).toEqual({ verify: 'late', rectify: 'overdue', followUp: 'pending' });
  });

  it('follow the hall calendar: holidays pushed back, make-up days counted', () => {
    const config = withSchedule(makeConfig(), { holidays: ['2026-11-24'], makeupWorkdays: [] });
    const { hall } = badRating(new Hall(config));
    expect(hall.state.evaluation!.cases[CASE]!.due.verify).toBe('2026-11-25');
  });
});

describe('cases across days', () => {
  it('carry over in the next day’s first event, so that day’s journal alone rebuilds them', () => {
    const { hall } = badRating();
    hall.run(verify());
    const nextDay = hall.at('2026-11-24 09:00').run({ type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk' });
    const started = nextDay[0]!;
    expect(started).toMatchObject({ type: 'day.started', day: '2026-11-24' });
    expect(started.type === 'day.started' && started.cases?.map((c) => c.id)).toEqual([CASE]);

    // A restart on the 24th replays only the 24th's journal.
    let replayed = initialState();
    for (const e of nextDay) replayed = evolve(replayed, e);
    expect(replayed.evaluation?.cases[CASE]).toEqual(hall.state.evaluation?.cases[CASE]);
    expect(replayed.evaluation?.ratings).toEqual({});
    hall.run(rectify);
    expect(nextStep(hall.state.evaluation!.cases[CASE]!)).toBe('followUp');
  });

  it('keep closed cases for a month, then let them go', () => {
    const { hall } = badRating();
    hall.run(verify(), rectify, followUp, close);
    expect(carriedCases(hall.state, '2026-12-24', TZ).map((c) => c.id)).toEqual([CASE]);
    expect(carriedCases(hall.state, '2026-12-25', TZ)).toEqual([]);
  });

  it('do not change a journaled day.started event when later steps are applied', () => {
    const { hall } = badRating();
    const [started] = hall.at('2026-11-24 09:00').run({ type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk' });
    const before = JSON.stringify(started);
    hall.run(verify(), rectify);
    expect(JSON.stringify(started)).toBe(before);
  });

  it('start no case for a day with none: the first event stays bare', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    expect(hall.issue('general')).toEqual(['A001']);
    expect(hall.state.evaluation).toBeUndefined();
  });
});
