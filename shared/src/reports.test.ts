import { describe, expect, it } from 'vitest';
import { previousPeriod } from './reports.js';

describe('previousPeriod (环比)', () => {
  it('compares a month, or its first days, with the same days of the month before', () => {
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod('2026-11-01', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-10-23' });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-03-01', '2026-03-30')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // A quarter, whole or so far, with the quarter before.
    expect(previousPeriod('2026-10-01', '2026-12-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(previousPeriod('2026-01-01', '2026-02-10')).toEqual({ from: '2025-11-01', to: '2025-12-10' });
  });

  it('compares any other period with as many days just before it', () => {
    expect(previousPeriod('2026-11-23', '2026-11-23')).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(previousPeriod('2026-11-23', '2026-11-29')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
});
