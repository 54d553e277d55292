import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialState } from './state.js';
import { Hall, local, makeConfig } from './test-fixtures.js';

const issueSelf = { type: 'issue', categoryId: 'self', priority: 'normal', source: 'terminal24' } as const;

describe('service day', () => {
  it('runs these tests on a UTC machine, so the hall zone is proven independent of it', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  it('starts the first day before the first command, in the same decision', () => {
    const hall = new Hall();
    const events = hall.run({ type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk' });
    expect(events.map((e) => e.type)).toEqual(['day.started', 'ticket.issued']);
    expect(events[0]).toEqual({ type: 'day.started', day: '2026-11-23', at: hall.now });
    expect(hall.state.day).toBe('2026-11-23');
    expect(hall.run({ type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk' }).map((e) => e.type)).toEqual([
      'ticket.issued',
    ]);
  });

  it('restarts numbers at midnight Asia/Shanghai (16:00 UTC)', () => {
    const hall = new Hall(makeConfig(), Date.parse('2026-11-23T15:59:00Z')); // 23:59 local
    expect(hall.issue('self', 2)).toEqual(['S001', 'S002']);
    hall.now = Date.parse('2026-11-23T16:01:00Z'); // 00:01 local, the 24th
    const events = hall.run(issueSelf);
    expect(events[0]).toMatchObject({ type: 'day.started', day: '2026-11-24' });
    expect(events[1]).toMatchObject({ type: 'ticket.issued', number: 'S001', ticketId: '2026-11-24/S001' });
    expect(Object.keys(hall.state.tickets)).toEqual(['2026-11-24/S001']);
  });

  it('does not restart at UTC midnight', () => {
    const hall = new Hall(makeConfig(), Date.parse('2026-11-23T23:30:00Z')); // 07:30 local, the 24th
    expect(hall.issue('self')).toEqual(['S001']);
    hall.now = Date.parse('2026-11-24T00:30:00Z');
    const events = hall.run(issueSelf);
    expect(events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(events[0]).toMatchObject({ number: 'S002', ticketId: '2026-11-24/S002' });
  });

  it('day.started clears tickets, numbers and calls, and closes every window', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 2);
    hall.callNext('w1');
    const state = evolve(hall.state, { type: 'day.started', day: '2026-11-24', at: local('2026-11-24 00:00') });
    expect(state).toEqual({
      day: '2026-11-24',
      tickets: {},
      byNumber: {},
      counters: {},
      calls: [],
      windows: {
        w1: { id: 'w1', status: 'closed', priorityStreak: 0, since: local('2026-11-24 00:00') },
        w2: { id: 'w2', status: 'closed', priorityStreak: 0, since: local('2026-11-24 00:00') },
      },
    });
  });

  it("decides a new day's first command against the fresh day", () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.at('2026-11-24 09:00');
    // Yesterday's sign-in does not carry over.
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'WINDOW_CLOSED' });
    // A refused command starts nothing; the state still holds yesterday.
    expect(hall.state.day).toBe('2026-11-23');
    hall.open(1);
    expect(hall.state.day).toBe('2026-11-24');
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'QUEUE_EMPTY' });
  });

  it('never mutates the state it decides on, even across midnight', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 3);
    const before = structuredClone(hall.state);
    decide(hall.state, { type: 'callNext', windowId: 'w1' }, { now: hall.now, config: hall.config });
    decide(hall.state, { type: 'signIn', windowId: 'w1', staffId: 's1' }, { now: local('2026-11-24 09:00'), config: hall.config });
    expect(hall.state).toEqual(before);
  });

  it('keeps the day when the clock steps back across midnight', () => {
    const hall = new Hall(makeConfig(), local('2026-11-24 00:00'));
    hall.issue('self');
    hall.now -= 60_000;
    const events = hall.run(issueSelf);
    expect(events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(events[0]).toMatchObject({ number: 'S002', ticketId: '2026-11-24/S002' });
  });

  it('starts from an empty state', () => {
    expect(initialState()).toEqual({ day: null, tickets: {}, byNumber: {}, counters: {}, windows: {}, calls: [] });
  });
});
