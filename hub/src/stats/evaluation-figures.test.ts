import { describe, expect, it } from 'vitest';
import type { Case, CaseStep, DeadlineStep } from '@yichuang/shared/ratings';
import { addDays } from '@yichuang/shared/time';
import { standings } from '../engine/cases.js';
import { local } from '../engine/test-fixtures.js';
import { caseFact, caseFigures, ratingFigures } from './evaluation-figures.js';

const TZ = 'Asia/Shanghai';
const by = { deviceId: 'console-1', name: '林雪梅' };

/** A case rated on 2026-11-23 (Mon), due: verify 11-24, rectify 11-30, follow-up 12-07. */
function aCase(id: string, steps: Array<[CaseStep, string]>, extra: Partial<Case> = {}, contact = false): Case {
  return {
    id,
    rating: {
      ticketId: `2026-11-23/${id}`,
      ticketNumber: id,
      categoryId: 'general',
      windowId: 'w1',
      staffId: 's1',
      channel: 'pad',
      finishedAt: local('2026-11-23 10:00'),
      at: local('2026-11-23 10:00'),
      level: 'dissatisfied',
      code: 2,
      reasons: ['服务态度'],
      ...(contact ? { contact: { kind: 'phone' as const, masked: '138****5678' } } : {}),
    },
    department: 'hall',
    openedAt: local('2026-11-23 10:00'),
    due: { verify: '2026-11-24', rectify: '2026-11-30', followUp: '2026-12-07' },
    reached: steps.at(-1)?.[0] ?? 'opened',
    steps: steps.map(([step, at]) => ({ step, at: local(at), by, text: '—' })),
    ...extra,
  };
}

describe('case figures', () => {
  it('judges each case against its deadlines; 不属实 needs no rectification', () => {
    const cases = [
      // Confirmed, rectified in time, real-name.
      aCase('A001', [['verify', '2026-11-23 15:00'], ['rectify', '2026-11-26 10:00']], { verdict: 'confirmed' }, true),
      // Confirmed, rectified a day late, real-name.
      aCase('A002', [['verify', '2026-11-24 09:00'], ['rectify', '2026-12-01 09:00'], ['followUp', '2026-12-02 09:00']], { verdict: 'confirmed' }, true),
      // Unfounded: rectification skipped, followed up.
      aCase('A003', [['verify', '2026-11-24 09:00'], ['followUp', '2026-11-25 09:00'], ['close', '2026-11-25 10:00']], { verdict: 'unfounded' }),
      // Never verified: overdue from 11-25.
      aCase('A004', []),
    ];
    expect(caseFigures(cases.map((c) => caseFact(c, TZ)), '2026-12-03')).toEqual({
      cases: 4,
      open: 3,
      verification: 3 / 4,
      rectificationOnTime: 1 / 2,
      followUp: 2 / 2,
      realNameRectificationOnTime: 1 / 2,
      overdue: 1,
    });
  });

  it('judges a case from its roll-up fact as the engine judges the case, on every day', () => {
    const cases = [
      aCase('A001', [['verify', '2026-11-25 15:00']], { verdict: 'confirmed' }, true),
      aCase('A002', [['verify', '2026-11-24 09:00'], ['rectify', '2026-12-01 09:00'], ['followUp', '2026-12-09 09:00']], { verdict: 'confirmed' }),
      aCase('A003', [['verify', '2026-11-24 09:00']], { verdict: 'unfounded' }),
      aCase('A004', []),
    ];
    const facts = cases.map((c) => caseFact(c, TZ));
    for (let day = '2026-11-23'; day <= '2026-12-12'; day = addDays(day, 1)) {
      // As of `day`, each case as it then stood: steps done after it not yet taken.
      const asOf = cases.map((c) => ({ ...c, steps: c.steps.filter((st) => st.at < local(`${addDays(day, 1)} 00:00`)) }));
      const judged = asOf.map((c) => standings(c, day, TZ));
      const count = (step: DeadlineStep, ...kinds: string[]): number => judged.filter((s) => kinds.includes(s[step])).length;
      const figures = caseFigures(asOf.map((c) => caseFact(c, TZ)), day);
      const verifyBase = judged.filter((s, i) => s.verify !== 'pending' || asOf[i]!.reached === 'close').length;
      expect(figures.verification, day).toBe(verifyBase === 0 ? null : count('verify', 'done', 'late') / verifyBase);
      const followUpBase = judged.filter((s, i) => s.followUp !== 'pending' || asOf[i]!.reached === 'close').length;
      expect(figures.followUp, day).toBe(followUpBase === 0 ? null : count('followUp', 'done', 'late') / followUpBase);
      expect(figures.overdue, day).toBe(judged.filter((s) => Object.values(s).includes('overdue')).length);
    }
    expect(facts.map((f) => f.settled)).toEqual([{ verify: 'late' }, { verify: 'done', rectify: 'late', followUp: 'late' }, { verify: 'done', rectify: 'skipped' }, {}]);
  });

  it('counts a case in the on-time rates only once it is closed or past its deadline (#20)', () => {
    // The day after three bad ratings: none is due yet, so there is no rate, not 0/3 (不符合).
    const fresh = [
      aCase('A001', [['verify', '2026-11-23 15:00']], { verdict: 'confirmed' }, true),
      aCase('A002', [['verify', '2026-11-23 16:00']], { verdict: 'confirmed' }, true),
      aCase('A003', [['verify', '2026-11-23 17:00']], { verdict: 'confirmed' }),
    ].map((c) => caseFact(c, TZ));
    expect(caseFigures(fresh, '2026-11-24')).toMatchObject({ rectificationOnTime: null, realNameRectificationOnTime: null, followUp: null });
    // Verification likewise: a case rated today, not yet verified, is within its time.
    const today = [aCase('A009', [])].map((c) => caseFact(c, TZ));
    expect(caseFigures(today, '2026-11-23').verification).toBeNull();
    expect(caseFigures(today, '2026-11-25').verification).toBe(0);
    // One rectified early counts at once; the others only once their last day (11-30) has passed.
    const oneDone = [
      aCase('A001', [['verify', '2026-11-23 15:00'], ['rectify', '2026-11-24 10:00']], { verdict: 'confirmed' }, true),
      aCase('A002', [['verify', '2026-11-23 16:00']], { verdict: 'confirmed' }, true),
      aCase('A003', [['verify', '2026-11-23 17:00']], { verdict: 'confirmed' }),
    ].map((c) => caseFact(c, TZ));
    expect(caseFigures(oneDone, '2026-11-25')).toMatchObject({ rectificationOnTime: 1, realNameRectificationOnTime: 1 });
    expect(caseFigures(oneDone, '2026-11-30')).toMatchObject({ rectificationOnTime: 1, realNameRectificationOnTime: 1 });
    expect(caseFigures(oneDone, '2026-12-01')).toMatchObject({ rectificationOnTime: 1 / 3, realNameRectificationOnTime: 1 / 2 });
    // Follow-up: a closed case counts; an open one once its follow-up day (12-07) has passed.
    const closed = aCase('A004', [['verify', '2026-11-24 09:00'], ['followUp', '2026-11-25 09:00'], ['close', '2026-11-25 10:00']], { verdict: 'unfounded' });
    const facts = [...oneDone, caseFact(closed, TZ)];
    expect(caseFigures(facts, '2026-12-07').followUp).toBe(1);
    expect(caseFigures(facts, '2026-12-08').followUp).toBe(1 / 4);
  });

  it('reports no rate, rather than 100%, where there is nothing to rate', () => {
    expect(caseFigures([], '2026-12-03')).toMatchObject({ cases: 0, verification: null, rectificationOnTime: null });
    expect(ratingFigures([], 0)).toMatchObject({ participation: null, satisfaction: null, goodRate: null });
  });
});
