import { describe, expect, it } from 'vitest';
import type { Case, CaseStep } from '@yichuang/shared/ratings';
import { local } from '../engine/test-fixtures.js';
import { caseFigures, ratingFigures } from './evaluation-figures.js';

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
    expect(caseFigures(cases, '2026-12-03', TZ)).toEqual({
      cases: 4,
      open: 3,
      verification: 3 / 4,
      rectificationOnTime: 1 / 2,
      followUp: 2 / 4,
      realNameRectificationOnTime: 1 / 2,
      overdue: 1,
    });
  });

  it('reports no rate, rather than 100%, where there is nothing to rate', () => {
    expect(caseFigures([], '2026-12-03', TZ)).toMatchObject({ cases: 0, verification: null, rectificationOnTime: null });
    expect(ratingFigures([], 0)).toMatchObject({ participation: null, satisfaction: null, goodRate: null });
  });
});
