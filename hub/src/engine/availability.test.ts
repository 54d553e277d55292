import type { Category } from '@yichuang/shared/domain';
import { describe, expect, it } from 'vitest';
import { categoryAvailability } from './availability.js';
import { CATEGORIES, Hall, local, makeConfig } from './test-fixtures.js';
import type { Command } from './types.js';

const walkIn = (categoryId: string): Command => ({ type: 'issue', categoryId, priority: 'normal', source: 'kiosk' });
const both = (zh: string, en: string) => ({ zh, en });
/** 养老保险: a category added to the configuration with no window assigned to it yet (issue #23). */
const PENSION: Category = { id: 'pension', prefix: 'P', name: '养老保险', nameEn: 'Pension insurance', department: 'hall', allowWalkIn: true, allowAppointment: true, allowPriority: true };
const withPension = () => makeConfig({ categories: [...CATEGORIES, PENSION] });
const of = (hall: Hall, categoryId: string) =>
  categoryAvailability(hall.state, hall.config.categories.find((c) => c.id === categoryId)!, hall.now, hall.config);

describe('category availability (issue #23)', () => {
  it('a category no window serves is not offered, and never issues', () => {
    const hall = new Hall(withPension(), local('2026-11-23 10:00'));
    expect(of(hall, 'pension')).toMatchObject({ state: 'notServed' });
    expect(hall.refusal(walkIn('pension'))).toEqual({ code: 'NOT_SERVED_CATEGORY', params: { name: both('养老保险', 'Pension insurance') } });
  });

  it('a tidal window switched to a category serves it', () => {
    const hall = new Hall(withPension(), local('2026-11-23 10:00')).open(5);
    hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'pension' });
    expect(of(hall, 'pension')).toEqual({ state: 'open', estimateMin: 0 });
    expect(hall.issue('pension')).toEqual(['P001']);
  });

  it('with windows assigned but nobody signed in: offered with a notice and no estimate, still issued', () => {
    const hall = new Hall().at('2026-11-23 10:00');
    expect(hall.issue('general', 3)).toHaveLength(3);
    expect(of(hall, 'general')).toEqual({ state: 'noOpenWindow' });
    hall.open(2);
    expect(of(hall, 'general')).toEqual({ state: 'open', estimateMin: 18 });
  });

  it('stops issuing when a ticket taken now would not be called before closing, and says when it opens next', () => {
    const hall = new Hall().at('2026-11-23 16:00').open(1);
    // One window open, 6 min a visit: 10 waiting are called within the 60 minutes left, 11 are not.
    hall.issue('general', 10);
    expect(of(hall, 'general')).toEqual({ state: 'open', estimateMin: 60 });
    hall.issue('general');
    expect(of(hall, 'general')).toMatchObject({ state: 'fullToday', nextOpening: local('2026-11-24 09:00') });
    expect(hall.refusal(walkIn('general'))).toEqual({
      code: 'QUEUE_FULL_TODAY',
      params: { name: both('综合受理', 'general'), nextOpening: both('明天 09:00', 'tomorrow 09:00') },
    });
    // A second window doubles the pace: numbers again, with an estimate inside the time left.
    hall.open(2);
    expect(of(hall, 'general')).toEqual({ state: 'open', estimateMin: 33 });
  });

  it('never offers an estimate past closing, however long the queue', () => {
    const hall = new Hall().at('2026-11-23 09:00').open(1);
    let issued = 0;
    while (hall.attempt(walkIn('general')).length > 0) issued++;
    // 09:00–12:00 and 13:30–17:00: 390 minutes at 6 a visit.
    expect(issued).toBe(66);
    expect(of(hall, 'general').state).toBe('fullToday');
  });

  it('caps the estimate at the minutes left: staff on a break count for closing, and no estimate runs past it', () => {
    const hall = new Hall().at('2026-11-23 16:00').open(1, 2);
    hall.run({ type: 'pause', windowId: 'w1', reason: 'meal' }, { type: 'pause', windowId: 'w2', reason: 'meal' });
    // Two staffed windows call 15 within the hour left; with none open now, one window's pace would say 90.
    hall.issue('general', 15);
    expect(of(hall, 'general')).toEqual({ state: 'open', estimateMin: 60 });
  });

  it('a full daily cap is full today, reopening the next working day', () => {
    const hall = new Hall().at('2026-11-27 10:00').open(3);
    hall.issue('estate', 5);
    expect(of(hall, 'estate')).toMatchObject({ state: 'fullToday', nextOpening: local('2026-11-30 09:00') });
  });

  it('at lunch a category is closed now, reopening at 13:30', () => {
    const hall = new Hall().at('2026-11-23 12:10').open(1);
    expect(of(hall, 'general')).toMatchObject({ state: 'closedNow', nextOpening: local('2026-11-23 13:30') });
  });
});
