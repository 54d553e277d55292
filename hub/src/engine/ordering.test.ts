import { describe, expect, it } from 'vitest';
import { aheadOf, callOrder, pickNext, waitingIn } from './ordering.js';
import { Hall, local, makeConfig } from './test-fixtures.js';

/** Calls next at a window and clears it again (no-show), so the window can call once more. */
function take(hall: Hall, windowId: string): string {
  const number = hall.callNext(windowId);
  hall.run({ type: 'noShow', windowId });
  return number;
}

const takeAll = (hall: Hall, windowId: string, count: number): string[] => Array.from({ length: count }, () => take(hall, windowId));

const appointment = (dueAt: string) => ({ priority: 'appointment', source: 'appointment', dueAt: local(dueAt) }) as const;

describe('call order', () => {
  it('offers a window only its categories, and tickets targeted at it', () => {
    const hall = new Hall().open(1, 3, 4);
    hall.issue('general');
    expect(hall.refusal({ type: 'callNext', windowId: 'w3' })).toEqual({ code: 'QUEUE_EMPTY' });
    hall.callNext('w1');
    hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w4', note: '需税务核验' });
    // Targeted at w4: w1 may no longer take it although it serves the category; w4 may although it does not.
    expect(pickNext(hall.state, 'w1', hall.config, hall.now)).toBeUndefined();
    expect(hall.callNext('w4')).toBe('A001');
  });

  it('puts tickets targeted at the window first (key 1)', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 2);
    hall.wait(1).issue('general', 1, { priority: 'green' });
    hall.wait(1).issue('general');
    hall.run({ type: 'callNumber', windowId: 'w2', number: 'A004' });
    hall.run({ type: 'transfer', windowId: 'w2', toWindowId: 'w1', note: '转综合窗口' });
    expect(take(hall, 'w1')).toBe('A004');
  });

  it('calls due appointments by booked time, then green, then the rest (key 2)', () => {
    const hall = new Hall(makeConfig({ rules: { priorityBurst: 10 } })).open(1);
    hall.issue('general'); // A001 normal
    hall.wait(1).issue('general', 1, { priority: 'green' }); // A002
    hall.wait(1).issue('general', 1, appointment('2026-11-23 09:10')); // A003, due from 08:55
    hall.wait(1).issue('general', 1, appointment('2026-11-23 09:05')); // A004, due from 08:50
    hall.wait(1).issue('general', 1, appointment('2026-11-23 10:00')); // A005, not due until 09:45
    expect(takeAll(hall, 'w1', 5)).toEqual(['A004', 'A003', 'A002', 'A001', 'A005']);
  });

  it('counts an appointment as due appointmentEarlyMinutes before the booked time', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.issue('general', 1, appointment('2026-11-23 09:30'));
    expect(pickNext(hall.state, 'w1', hall.config, local('2026-11-23 09:14'))?.ticket.number).toBe('A001');
    expect(pickNext(hall.state, 'w1', hall.config, local('2026-11-23 09:15'))).toMatchObject({ ticket: { number: 'A002' }, priorityPick: true });
  });

  it("prefers the window's heavier categories (key 3) over earlier arrival (key 4)", () => {
    const hall = new Hall().open(1, 2);
    hall.issue('social'); // C001, earlier
    hall.wait(1).issue('general'); // A001
    expect(take(hall, 'w1')).toBe('A001'); // w1: general 2, social 1
    hall.issue('general');
    expect(take(hall, 'w2')).toBe('C001'); // w2: general 1, social 2
  });

  it('breaks queueAt ties by number sequence (key 5)', () => {
    const hall = new Hall().open(5);
    hall.issue('general');
    take(hall, 'w5');
    hall.wait(1);
    hall.issue('general'); // A002
    hall.issue('social'); // C001: same instant, same weight at w5, lower sequence
    expect(take(hall, 'w5')).toBe('C001');
    expect(take(hall, 'w5')).toBe('A002');
  });

  it('calls one normal ticket after priorityBurst priority calls', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 3); // A001–A003
    hall.wait(1).issue('general', 5, { priority: 'green' }); // A004–A008
    const streaks: number[] = [];
    const order = Array.from({ length: 8 }, () => {
      const number = take(hall, 'w1');
      streaks.push(hall.window('w1').priorityStreak);
      return number;
    });
    expect(order).toEqual(['A004', 'A005', 'A006', 'A001', 'A007', 'A008', 'A002', 'A003']);
    expect(streaks).toEqual([1, 2, 3, 0, 1, 2, 0, 0]);
  });

  it('marks calls with priorityPick, and keeps calling priority when no normal ticket waits', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 5, { priority: 'green' });
    const calls = Array.from({ length: 5 }, () => {
      const called = hall.run({ type: 'callNext', windowId: 'w1' }).find((e) => e.type === 'ticket.called');
      hall.run({ type: 'noShow', windowId: 'w1' });
      return called;
    });
    expect(calls.map((c) => c?.type === 'ticket.called' && c.priorityPick)).toEqual([true, true, true, true, true]);
    expect(hall.window('w1').priorityStreak).toBe(5);
  });

  it('turns anti-starvation off with priorityBurst 0', () => {
    const hall = new Hall(makeConfig({ rules: { priorityBurst: 0 } })).open(1);
    hall.issue('general');
    hall.wait(1).issue('general', 4, { priority: 'green' });
    expect(takeAll(hall, 'w1', 5)).toEqual(['A002', 'A003', 'A004', 'A005', 'A001']);
  });

  it('leaves the streak alone on a call by number', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2);
    hall.wait(1).issue('general', 4, { priority: 'green' });
    take(hall, 'w1');
    take(hall, 'w1');
    hall.run({ type: 'callNumber', windowId: 'w1', number: 'A002' }, { type: 'noShow', windowId: 'w1' });
    expect(hall.window('w1').priorityStreak).toBe(2);
    expect(take(hall, 'w1')).toBe('A005');
    expect(take(hall, 'w1')).toBe('A001');
  });
});

describe('a window\'s call order', () => {
  it('begins with the ticket pickNext takes, found in one pass, over mixed queues and streaks', () => {
    // A fixed sequence of pseudo-random halls (no Math.random: a failure must be reproducible).
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 40; round++) {
      const hall = new Hall().open(1, 2);
      // Within the fixture's caps: social 3 a half hour, estate 5 a day and no priority.
      const left = { social: 3, estate: 5 };
      for (let i = 0; i < 6 + next(20); i++) {
        const kind = next(6);
        if (kind === 0) hall.issue('general', 1, { priority: 'green' });
        else if (kind === 1) hall.issue('general', 1, appointment(`2026-11-23 ${String(8 + next(3)).padStart(2, '0')}:${String(next(60)).padStart(2, '0')}`));
        else {
          const other = next(2) === 0 ? 'social' : 'estate';
          hall.issue(next(2) === 0 && left[other]-- > 0 ? other : 'general');
        }
      }
      for (let calls = next(6); calls > 0 && callOrder(hall.state, 'w1', hall.config, hall.now).length > 0; calls--) take(hall, 'w1');
      expect(pickNext(hall.state, 'w1', hall.config, hall.now), `round ${round}`).toEqual(callOrder(hall.state, 'w1', hall.config, hall.now)[0]);
    }
  });

  it('lists a mixed queue in the order calls-next take it, anti-starvation included', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 3); // A001–A003
    hall.issue('social', 2); // C001, C002: lighter at w1
    hall.wait(1).issue('general', 4, { priority: 'green' }); // A004–A007
    hall.wait(1).issue('general', 1, appointment('2026-11-23 09:00')); // A008, due
    hall.callNext('w2'); // A008 (due) at w2, then sent to w1 by name: targeted, first
    hall.run({ type: 'transfer', windowId: 'w2', toWindowId: 'w1', note: '转综合窗口' });
    const listed = callOrder(hall.state, 'w1', hall.config, hall.now).map((p) => p.ticket.number);
    expect(listed[0]).toBe(pickNext(hall.state, 'w1', hall.config, hall.now)?.ticket.number);
    // Given the waiting tickets (as the hall's queue index keeps them, any order), the same order.
    const waiting = Object.values(hall.state.tickets).filter((t) => t.state === 'waiting').reverse();
    expect(callOrder(hall.state, 'w1', hall.config, hall.now, waiting).map((p) => p.ticket.number)).toEqual(listed);
    // Its head alone, as a caller lists it: the first of the same order, the streak played forward as far.
    expect(callOrder(hall.state, 'w1', hall.config, hall.now, waiting, 5).map((p) => p.ticket.number)).toEqual(listed.slice(0, 5));
    const called = takeAll(hall, 'w1', listed.length);
    expect(listed).toEqual(called);
    // A008 and two greens make a streak of 3: one normal; weight 2 (general) before weight 1 (social).
    expect(called).toEqual(['A008', 'A004', 'A005', 'A001', 'A006', 'A007', 'A002', 'A003', 'C001', 'C002']);
    expect(callOrder(hall.state, 'w1', hall.config, hall.now)).toEqual([]);
  });

  it('is empty for an unknown window', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    expect(callOrder(hall.state, 'nope', hall.config, hall.now)).toEqual([]);
  });
});

describe('people ahead', () => {
  it('counts waiting tickets of the category that would be called first', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 5);
    hall.issue('social');
    const id = (n: string) => hall.ticket(n).id;
    expect(aheadOf(hall.state, id('A001'), hall.config, hall.now)).toBe(0);
    expect(aheadOf(hall.state, id('A003'), hall.config, hall.now)).toBe(2);
    expect(aheadOf(hall.state, id('C001'), hall.config, hall.now)).toBe(0);
    hall.wait(1).issue('general', 1, { priority: 'green' });
    expect(aheadOf(hall.state, id('A006'), hall.config, hall.now)).toBe(0);
    expect(aheadOf(hall.state, id('A003'), hall.config, hall.now)).toBe(3);
    hall.callNext('w1');
    expect(aheadOf(hall.state, id('A003'), hall.config, hall.now)).toBe(2);
    expect(aheadOf(hall.state, id('A006'), hall.config, hall.now)).toBe(0); // called: not waiting
    expect(aheadOf(hall.state, 'nope', hall.config, hall.now)).toBe(0);
  });

  it('lists the waiting tickets of a category in issue order', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 3);
    hall.issue('social');
    hall.callNext('w1');
    expect(waitingIn(hall.state, 'general').map((t) => t.number)).toEqual(['A002', 'A003']);
    expect(waitingIn(hall.state, 'estate')).toEqual([]);
  });
});
