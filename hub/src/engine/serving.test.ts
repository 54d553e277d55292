import { describe, expect, it } from 'vitest';
import { Hall } from './test-fixtures.js';

/** A hall with window 1 open and A001 called there (A002 and B001 waiting). */
function calledHall(): Hall {
  const hall = new Hall().open(1, 2, 3, 4);
  hall.issue('general', 2);
  hall.issue('estate');
  hall.wait(5);
  hall.callNext('w1');
  return hall;
}

describe('start and finish', () => {
  it('starts serving the called ticket', () => {
    const hall = calledHall();
    expect(hall.run({ type: 'start', windowId: 'w1' })).toEqual([
      { type: 'ticket.started', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', staffId: 's1' },
    ]);
    expect(hall.ticket('A001').state).toBe('serving');
    expect(hall.refusal({ type: 'start', windowId: 'w1' })).toEqual({ code: 'WRONG_STATE', params: { number: 'A001', state: 'serving' } });
    expect(hall.refusal({ type: 'start', windowId: 'w2' })).toEqual({ code: 'NO_CURRENT_TICKET' });
  });

  it('finishes only a ticket being served', () => {
    const hall = calledHall();
    expect(hall.refusal({ type: 'finish', windowId: 'w1', outcome: 'done' })).toEqual({
      code: 'WRONG_STATE',
      params: { number: 'A001', state: 'called' },
    });
    expect(hall.refusal({ type: 'finish', windowId: 'w2', outcome: 'done' })).toEqual({ code: 'NO_CURRENT_TICKET' });
    hall.run({ type: 'start', windowId: 'w1' });
    hall.wait(8);
    expect(hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' })).toEqual([
      { type: 'ticket.finished', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', staffId: 's1', outcome: 'done' },
    ]);
    expect(hall.ticket('A001')).toMatchObject({ state: 'finished', outcome: 'done' });
    expect(hall.window('w1').currentTicketId).toBeUndefined();
  });

  it.each(['refused', 'incomplete'] as const)('asks for a note when the outcome is %s', (outcome) => {
    const hall = calledHall();
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.refusal({ type: 'finish', windowId: 'w1', outcome })).toEqual({ code: 'NOTE_REQUIRED' });
    expect(hall.refusal({ type: 'finish', windowId: 'w1', outcome, note: '  ' })).toEqual({ code: 'NOTE_REQUIRED' });
    hall.run({ type: 'finish', windowId: 'w1', outcome, note: '缺户口簿' });
    expect(hall.ticket('A001')).toMatchObject({ outcome, outcomeNote: '缺户口簿' });
  });
});

describe('hold and resume', () => {
  it('holds a ticket being served and frees the window for others', () => {
    const hall = calledHall();
    expect(hall.refusal({ type: 'hold', windowId: 'w1' })).toEqual({ code: 'WRONG_STATE', params: { number: 'A001', state: 'called' } });
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.run({ type: 'hold', windowId: 'w1', note: '回家取证件' })).toEqual([
      { type: 'ticket.held', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', note: '回家取证件' },
    ]);
    expect(hall.ticket('A001')).toMatchObject({ state: 'on-hold', windowId: 'w1' });
    expect(hall.window('w1').currentTicketId).toBeUndefined();
    expect(hall.callNext('w1')).toBe('A002');
  });

  it('resumes at the holding window, ahead of everyone there', () => {
    const hall = calledHall();
    hall.run({ type: 'start', windowId: 'w1' }, { type: 'hold', windowId: 'w1' });
    hall.wait(1).issue('general', 1, { priority: 'green' }); // A003
    expect(hall.refusal({ type: 'resume', windowId: 'w2', number: 'A001' })).toEqual({
      code: 'WRONG_STATE',
      params: { number: 'A001', state: 'on-hold' },
    });
    expect(hall.refusal({ type: 'resume', windowId: 'w1', number: 'A002' })).toEqual({
      code: 'WRONG_STATE',
      params: { number: 'A002', state: 'waiting' },
    });
    expect(hall.refusal({ type: 'resume', windowId: 'w1', number: 'A404' })).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A404' } });
    hall.wait(20);
    hall.run({ type: 'resume', windowId: 'w1', number: 'A001' });
    const ticket = hall.ticket('A001');
    expect(ticket).toMatchObject({ state: 'waiting', targetWindowId: 'w1', queueAt: ticket.arrivalAt });
    expect(ticket.windowId).toBeUndefined();
    // Only w1 may take it, and w1 takes it before the green ticket.
    expect(hall.callNext('w2')).toBe('A003');
    expect(hall.callNext('w1')).toBe('A001');
  });
});

describe('transfer', () => {
  it('needs a current ticket, a note and a real target', () => {
    const hall = calledHall();
    expect(hall.refusal({ type: 'transfer', windowId: 'w2', toCategoryId: 'estate', note: 'x' })).toEqual({ code: 'NO_CURRENT_TICKET' });
    expect(hall.refusal({ type: 'transfer', windowId: 'w1', toCategoryId: 'estate', note: ' ' })).toEqual({ code: 'NOTE_REQUIRED' });
    expect(hall.refusal({ type: 'transfer', windowId: 'w1', toCategoryId: 'nope', note: 'x' })).toEqual({
      code: 'UNKNOWN_CATEGORY',
      params: { categoryId: 'nope' },
    });
    expect(hall.refusal({ type: 'transfer', windowId: 'w1', toWindowId: 'w9', note: 'x' })).toEqual({
      code: 'UNKNOWN_WINDOW',
      params: { windowId: 'w9' },
    });
    expect(hall.refusal({ type: 'transfer', windowId: 'w1', note: 'x' })).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('moves the ticket to another category, keeping its number and its place', () => {
    const hall = calledHall();
    hall.run({ type: 'start', windowId: 'w1' });
    hall.wait(5);
    expect(hall.run({ type: 'transfer', windowId: 'w1', toCategoryId: 'estate', note: '涉及房产过户' })).toEqual([
      {
        type: 'ticket.transferred',
        at: hall.now,
        ticketId: '2026-11-23/A001',
        windowId: 'w1',
        toCategoryId: 'estate',
        note: '涉及房产过户',
      },
    ]);
    const ticket = hall.ticket('A001');
    expect(ticket).toMatchObject({ number: 'A001', categoryId: 'estate', state: 'waiting', transfers: 1, queueAt: ticket.arrivalAt });
    expect(ticket.arrivalAt).toBe(ticket.issuedAt);
    expect(hall.window('w1').currentTicketId).toBeUndefined();
    // B001 was issued after A001 arrived, so A001 goes first at the estate window.
    expect(hall.callNext('w3')).toBe('A001');
  });

  it('sends a called ticket to a named window, keeping its category', () => {
    const hall = calledHall();
    hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w4', note: '需税务窗口核验' });
    expect(hall.ticket('A001')).toMatchObject({ categoryId: 'general', targetWindowId: 'w4', state: 'waiting', transfers: 1 });
    expect(hall.callNext('w2')).toBe('A002');
    expect(hall.callNext('w4')).toBe('A001');
  });
});
