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

  it("is re-queued by the window that passed it, or one serving its category, or a manager's override", () => {
    const hall = noShowHall(1);
    hall.open(2, 3);
    // w3 serves estate only, and A001 was passed at w1.
    expect(hall.refusal({ type: 'requeue', windowId: 'w3', number: 'A001' })).toEqual({ code: 'NOT_SERVED_HERE', params: { number: 'A001' } });
    hall.run({ type: 'requeue', windowId: 'w2', number: 'A001' });
    hall.callNext('w1');
    hall.run({ type: 'noShow', windowId: 'w1' });
    hall.run({ type: 'requeue', windowId: 'w3', number: 'A002', override: true });
    expect(hall.ticket('A002').state).toBe('waiting');
  });

  it('is re-queued by the window it was sent to and passed at, whatever its category', () => {
    const hall = noShowHall(0);
    hall.open(3);
    hall.run({ type: 'requeue', windowId: 'w1', number: 'A001' });
    hall.callNext('w1');
    hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w3', note: '房产证明' });
    hall.run({ type: 'callNumber', windowId: 'w3', number: 'A001' }, { type: 'noShow', windowId: 'w3' }, { type: 'requeue', windowId: 'w3', number: 'A001' });
    expect(hall.ticket('A001')).toMatchObject({ state: 'waiting', returns: 2 });
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
    expect(hall.run({ type: 'cancel', windowId: 'w1', number: 'A003', note: '群众自行离开' })).toEqual([
      { type: 'ticket.cancelled', at: hall.now, ticketId: '2026-11-23/A003', note: '群众自行离开' },
    ]);
    hall.run({ type: 'cancel', windowId: 'w1', number: 'A002' }, { type: 'cancel', windowId: 'w1', number: 'A001' });
    expect(['A001', 'A002', 'A003'].map((n) => hall.ticket(n).state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'QUEUE_EMPTY' });
  });

  it('refuses tickets at a window or already done', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2);
    hall.callNext('w1');
    expect(hall.refusal({ type: 'cancel', windowId: 'w1', number: 'A001' })).toEqual({ code: 'WRONG_STATE', params: { number: 'A001', state: 'called' } });
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.refusal({ type: 'cancel', windowId: 'w1', number: 'A001' })).toMatchObject({ params: { state: 'serving' } });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'enquiry' });
    expect(hall.refusal({ type: 'cancel', windowId: 'w1', number: 'A001' })).toMatchObject({ params: { state: 'finished' } });
    expect(hall.refusal({ type: 'cancel', windowId: 'w1', number: 'A404' })).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A404' } });
  });

  it("refuses another window's ticket of a category this window does not serve", () => {
    const hall = new Hall().open(1, 3);
    hall.issue('general', 3);
    hall.callNext('w1');
    hall.run({ type: 'noShow', windowId: 'w1' }); // A001
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' }, { type: 'hold', windowId: 'w1' }); // A002
    const notHere = (number: string) => ({ code: 'NOT_SERVED_HERE', params: { number } });
    for (const number of ['A001', 'A002', 'A003']) {
      expect(hall.refusal({ type: 'cancel', windowId: 'w3', number })).toEqual(notHere(number));
      // Without a window to answer for it, only a manager's override cancels.
      expect(hall.refusal({ type: 'cancel', number })).toEqual(notHere(number));
    }
    hall.run({ type: 'cancel', number: 'A003', override: true });
    expect(hall.ticket('A003').state).toBe('cancelled');
  });

  it('cancels what was sent to the window, and what it holds or passed, whatever its category', () => {
    const hall = new Hall().open(1, 3);
    hall.issue('general', 3);
    for (let i = 0; i < 3; i++) {
      hall.callNext('w1');
      hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w3', note: '房产证明' });
    }
    hall.run({ type: 'callNumber', windowId: 'w3', number: 'A002' }, { type: 'start', windowId: 'w3' }, { type: 'hold', windowId: 'w3' });
    hall.run({ type: 'callNumber', windowId: 'w3', number: 'A001' }, { type: 'noShow', windowId: 'w3' });
    // A001 passed at w3, A002 on hold there, A003 waiting for it.
    for (const number of ['A001', 'A002', 'A003']) hall.run({ type: 'cancel', windowId: 'w3', number });
    expect(['A001', 'A002', 'A003'].map((n) => hall.ticket(n).state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });
});
