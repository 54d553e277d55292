import { describe, expect, it } from 'vitest';
import { aheadOf } from './ordering.js';
import { Hall, makeConfig } from './test-fixtures.js';

/** A001 is a no-show at window 1; `waiting` more general tickets were issued a minute apart after it. */
function noShowHall(waiting: number, places?: number): Hall {
  const hall = new Hall(makeConfig(places === undefined ? {} : { rules: { noShowRequeuePlaces: places } })).open(1);
  hall.issue('general');
  for (let i = 0; i < waiting; i++) hall.wait(1).issue('general');
  hall.wait(1).callNext('w1');
  hall.run({ type: 'noShow', windowId: 'w1' });
  hall.wait(10);
  return hall;
}

const order = (hall: Hall, count: number): string[] =>
  Array.from({ length: count }, () => {
    const number = hall.callNext('w1');
    hall.run({ type: 'noShow', windowId: 'w1' });
    return number;
  });

describe('a no-show coming back', () => {
  it('is queued behind noShowRequeuePlaces waiting tickets', () => {
    const hall = noShowHall(5);
    const events = hall.run({ type: 'requeue', windowId: 'w1', number: 'A001' });
    expect(events).toEqual([
      { type: 'ticket.requeued', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', queueAt: hall.ticket('A004').queueAt + 1 },
    ]);
    const ticket = hall.ticket('A001');
    expect(ticket).toMatchObject({ state: 'waiting', returns: 1 });
    expect(aheadOf(hall.state, ticket.id, hall.config, hall.now)).toBe(3);
    expect(order(hall, 3)).toEqual(['A002', 'A003', 'A004']);
    expect(hall.callNext('w1')).toBe('A001');
  });

  it('goes behind the last one when fewer wait, and straight in when nobody does', () => {
    const few = noShowHall(2);
    few.run({ type: 'requeue', windowId: 'w1', number: 'A001' });
    expect(order(few, 3)).toEqual(['A002', 'A003', 'A001']);

    const none = noShowHall(0);
    none.run({ type: 'requeue', windowId: 'w1', number: 'A001' });
    expect(none.ticket('A001').queueAt).toBe(none.now);
  });

  it('gets its old place back when noShowRequeuePlaces is 0', () => {
    const hall = noShowHall(3, 0);
    hall.run({ type: 'requeue', windowId: 'w1', number: 'A001' });
    expect(hall.callNext('w1')).toBe('A001');
  });

  it('must be a no-show', () => {
    const hall = noShowHall(1);
    expect(hall.refusal({ type: 'requeue', windowId: 'w1', number: 'A002' })).toEqual({
      code: 'WRONG_STATE',
      params: { number: 'A002', state: 'waiting' },
    });
    expect(hall.refusal({ type: 'requeue', windowId: 'w1', number: 'A404' })).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A404' } });
  });
});

describe('cancel', () => {
  it('cancels waiting, held and no-show tickets', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 3);
    hall.callNext('w1');
    hall.run({ type: 'noShow', windowId: 'w1' }); // A001
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' }, { type: 'hold', windowId: 'w1' }); // A002
    hall.wait(1);
    expect(hall.run({ type: 'cancel', number: 'A003', note: '群众自行离开' })).toEqual([
      { type: 'ticket.cancelled', at: hall.now, ticketId: '2026-11-23/A003', note: '群众自行离开' },
    ]);
    hall.run({ type: 'cancel', number: 'A002' }, { type: 'cancel', number: 'A001' });
    expect(['A001', 'A002', 'A003'].map((n) => hall.ticket(n).state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'QUEUE_EMPTY' });
  });

  it('refuses tickets at a window or already done', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2);
    hall.callNext('w1');
    expect(hall.refusal({ type: 'cancel', number: 'A001' })).toEqual({ code: 'WRONG_STATE', params: { number: 'A001', state: 'called' } });
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.refusal({ type: 'cancel', number: 'A001' })).toMatchObject({ params: { state: 'serving' } });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'enquiry' });
    expect(hall.refusal({ type: 'cancel', number: 'A001' })).toMatchObject({ params: { state: 'finished' } });
    expect(hall.refusal({ type: 'cancel', number: 'A404' })).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A404' } });
  });
});
