import { describe, expect, it } from 'vitest';
import { meanWaitMin, shareWithin, waitProbability, windowsNeeded } from './erlang.js';

describe('Erlang C', () => {
  it('matches M/M/1, where the chance to wait is the load and the mean wait ρS/(1−ρ)', () => {
    expect(waitProbability(1, 0.8)).toBeCloseTo(0.8, 12);
    expect(meanWaitMin(1, 0.8 / 5, 5)).toBeCloseTo((0.8 * 5) / 0.2, 9);
  });

  it('matches a textbook value: 2 servers, load 1 → C = 1/3', () => {
    expect(waitProbability(2, 1)).toBeCloseTo(1 / 3, 12);
    // Wq = C·S/(c − a) = (1/3)·4/1
    expect(meanWaitMin(2, 0.25, 4)).toBeCloseTo(4 / 3, 12);
  });

  it('stays finite for big halls', () => {
    const p = waitProbability(300, 280);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('says the queue only grows when the load reaches the windows', () => {
    expect(meanWaitMin(2, 1, 2)).toBe(Infinity);
    expect(shareWithin(2, 1, 2, 20)).toBe(0);
  });

  it('picks the fewest windows that meet the target', () => {
    // 1 a minute, 6 minutes each: load 6 erlangs.
    const c = windowsNeeded(1, 6, 20, 0.9);
    expect(shareWithin(c, 1, 6, 20)).toBeGreaterThanOrEqual(0.9);
    expect(shareWithin(c - 1, 1, 6, 20)).toBeLessThan(0.9);
    expect(c).toBeGreaterThan(6);
    expect(windowsNeeded(0, 6, 20, 0.9)).toBe(0);
    // A stricter target never needs fewer windows.
    expect(windowsNeeded(1, 6, 5, 0.95)).toBeGreaterThanOrEqual(c);
  });
});
