import { describe, expect, it } from 'vitest';
import { claimantOf, issuesAt, unclaimed } from './admin-fields.js';

const issue = (path: string) => ({ path, message: '问题', messageEn: 'problem' });

describe('which field says a hub problem', () => {
  const claimed = ['hall.name', 'hall.schedule.hours.1', 'hall.schedule.hours.1.0', 'staff.number'];

  it('gives each problem to the longest claimed path holding it', () => {
    expect(claimantOf('hall.schedule.hours.1.0.end', claimed)).toBe('hall.schedule.hours.1.0');
    expect(claimantOf('hall.schedule.hours.1', claimed)).toBe('hall.schedule.hours.1');
    expect(claimantOf('hall.schedule.hours.1.1.start', claimed)).toBe('hall.schedule.hours.1');
    expect(claimantOf('staff.number', claimed)).toBe('staff.number');
  });

  it('does not take a path that only starts with the same letters, nor a parent’s problem', () => {
    expect(claimantOf('staff.numberOfThings', claimed)).toBeUndefined();
    expect(claimantOf('hall', claimed)).toBeUndefined();
    expect(claimantOf('hall.schedule.hours.10.0', claimed)).toBeUndefined();
  });

  it('splits a refusal’s problems between the fields and the notice above the form', () => {
    const issues = [issue('hall.schedule.hours.1.0.end'), issue('hall.zones'), issue('hall.name')];
    expect(issuesAt(issues, 'hall.schedule.hours.1.0', claimed).map((i) => i.path)).toEqual(['hall.schedule.hours.1.0.end']);
    expect(issuesAt(issues, 'hall.schedule.hours.1', claimed)).toEqual([]);
    expect(unclaimed(issues, claimed).map((i) => i.path)).toEqual(['hall.zones']);
  });
});
