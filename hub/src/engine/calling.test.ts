import { describe, expect, it } from 'vitest';
import type { ServiceWindow } from '@yichuang/shared/domain';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { Hall, local, makeConfig } from './test-fixtures.js';

function bigHall(windowCount: number): Hall {
  const windows: ServiceWindow[] = Array.from({ length: windowCount }, (_, i) => ({
    id: `w${i + 1}`,
    number: i + 1,
    name: `${i + 1}号窗口`,
    nameEn: `Window ${i + 1}`,
    kind: 'comprehensive',
    department: 'hall',
    categories: [{ categoryId: 'general', weight: 1 }],
  }));
  return new Hall(makeConfig({ windows })).open(...windows.map((w) => w.number));
}

describe('call next', () => {
  it('calls the first in line to the window', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2);
    hall.wait(3);
    const events = hall.run({ type: 'callNext', windowId: 'w1' });
    expect(events).toEqual([
      { type: 'ticket.called', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', staffId: 's1', by: 'next', priorityPick: false },
    ]);
    expect(hall.ticket('A001')).toMatchObject({ state: 'called', windowId: 'w1', staffId: 's1' });
    expect(hall.window('w1').currentTicketId).toBe('2026-11-23/A001');
    expect(hall.state.calls).toEqual([{ ticketId: '2026-11-23/A001', windowId: 'w1', at: hall.now, recall: 0 }]);
  });

  it('refuses while the window still has a ticket, and when nobody waits', () => {
    const hall = new Hall().open(1);
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'QUEUE_EMPTY' });
    hall.issue('general', 2);
    hall.callNext('w1');
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'WINDOW_BUSY', params: { number: 'A001' } });
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'WINDOW_BUSY', params: { number: 'A001' } });
  });

  it('never gives one ticket to two of 50 windows calling in turn', () => {
    const hall = bigHall(50);
    hall.issue('general', 60);
    const called = Array.from({ length: 50 }, (_, i) => hall.callNext(`w${i + 1}`));
    expect(new Set(called).size).toBe(50);
    expect(called).toEqual(Array.from({ length: 50 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(Object.values(hall.state.tickets).filter((t) => t.state === 'called')).toHaveLength(50);
  });

  it('tells the windows beyond the waiting count that the queue is empty', () => {
    const hall = bigHall(50);
    hall.issue('general', 20);
    const results = Array.from({ length: 50 }, (_, i) => {
      const decision = decide(hall.state, { type: 'callNext', windowId: `w${i + 1}` }, { now: hall.now, config: hall.config });
      if (!decision.ok) return decision.error.code;
      for (const e of decision.events) hall.state = evolve(hall.state, e);
      return 'called';
    });
    expect(results.filter((r) => r === 'called')).toHaveLength(20);
    expect(results.slice(20)).toEqual(Array(30).fill('QUEUE_EMPTY'));
    expect(new Set(Object.values(hall.state.windows).map((w) => w.currentTicketId).filter(Boolean)).size).toBe(20);
  });
});

describe('call by number', () => {
  it('calls any waiting ticket of a category the window serves, out of turn', () => {
    const hall = new Hall().open(2);
    hall.issue('general', 2);
    const events = hall.run({ type: 'callNumber', windowId: 'w2', number: 'A002' });
    expect(events).toEqual([
      { type: 'ticket.called', at: hall.now, ticketId: '2026-11-23/A002', windowId: 'w2', staffId: 's2', by: 'number', priorityPick: false },
    ]);
  });

  it('refuses a ticket of a category the window does not serve', () => {
    const hall = new Hall().open(3);
    hall.issue('general', 2);
    expect(hall.refusal({ type: 'callNumber', windowId: 'w3', number: 'A002' })).toEqual({ code: 'NOT_SERVED_HERE', params: { number: 'A002' } });
    expect(hall.ticket('A002').state).toBe('waiting');
  });

  it('calls a ticket transferred to the window by name, whatever its category', () => {
    const hall = new Hall().open(1, 2, 3, 4);
    hall.issue('general', 2);
    hall.callNext('w1');
    hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w3', note: '房产证明' });
    hall.run({ type: 'callNumber', windowId: 'w3', number: 'A001' });
    expect(hall.ticket('A001')).toMatchObject({ state: 'called', windowId: 'w3' });
    // A colleague serving the category may take it too; a window serving neither may not.
    hall.run({ type: 'transfer', windowId: 'w3', toWindowId: 'w1', note: '回综合窗口' });
    expect(hall.refusal({ type: 'callNumber', windowId: 'w4', number: 'A001' })).toEqual({ code: 'NOT_SERVED_HERE', params: { number: 'A001' } });
    hall.run({ type: 'callNumber', windowId: 'w2', number: 'A001' });
    expect(hall.ticket('A001').windowId).toBe('w2');
  });

  it("follows a tidal window's current assignment", () => {
    // Switched to tax only (live/tidal.ts rewrites the window's categories).
    const base = makeConfig();
    const windows = base.windows.map((w) => (w.id === 'w5' ? { ...w, categories: [{ categoryId: 'tax', weight: 10 }] } : w));
    const hall = new Hall(makeConfig({ windows }), local('2026-11-23 10:00')).open(5);
    hall.issue('general');
    hall.issue('tax');
    expect(hall.refusal({ type: 'callNumber', windowId: 'w5', number: 'A001' })).toEqual({ code: 'NOT_SERVED_HERE', params: { number: 'A001' } });
    hall.run({ type: 'callNumber', windowId: 'w5', number: 'T001' });
    expect(hall.ticket('T001').windowId).toBe('w5');
  });

  it('lets a manager at the console call any waiting ticket to any window', () => {
    const hall = new Hall().open(3);
    hall.issue('general', 2);
    hall.run({ type: 'callNumber', windowId: 'w3', number: 'A002', override: true });
    expect(hall.ticket('A002')).toMatchObject({ state: 'called', windowId: 'w3' });
  });

  it('refuses unknown numbers, tickets not waiting and busy windows', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 2);
    expect(hall.refusal({ type: 'callNumber', windowId: 'w1', number: 'A009' })).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A009' } });
    hall.callNext('w1');
    expect(hall.refusal({ type: 'callNumber', windowId: 'w2', number: 'A001' })).toEqual({
      code: 'WRONG_STATE',
      params: { number: 'A001', state: 'called' },
    });
    expect(hall.refusal({ type: 'callNumber', windowId: 'w1', number: 'A002' })).toEqual({ code: 'WINDOW_BUSY', params: { number: 'A001' } });
  });

  it("does not find yesterday's numbers", () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.at('2026-11-24 09:00').open(1);
    expect(hall.refusal({ type: 'callNumber', windowId: 'w1', number: 'A001' })).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A001' } });
  });
});

describe('recall and no-show', () => {
  it('recalls up to the cap, then passes the ticket', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.wait(1);
    expect(hall.run({ type: 'recall', windowId: 'w1' })).toEqual([
      { type: 'ticket.recalled', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', count: 1 },
    ]);
    hall.wait(1);
    hall.run({ type: 'recall', windowId: 'w1' });
    expect(hall.ticket('A001').recalls).toBe(2);
    expect(hall.state.calls.map((c) => c.recall)).toEqual([2, 1, 0]);
    hall.wait(1);
    expect(hall.run({ type: 'recall', windowId: 'w1' })).toEqual([
      { type: 'ticket.noShow', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', reason: 'recall-cap' },
    ]);
    expect(hall.ticket('A001').state).toBe('no-show');
    expect(hall.window('w1').currentTicketId).toBeUndefined();
    expect(hall.state.calls).toHaveLength(3);
  });

  it('recalls only a ticket that is being called', () => {
    const hall = new Hall().open(1);
    expect(hall.refusal({ type: 'recall', windowId: 'w1' })).toEqual({ code: 'NO_CURRENT_TICKET' });
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.refusal({ type: 'recall', windowId: 'w1' })).toEqual({ code: 'WRONG_STATE', params: { number: 'A001', state: 'serving' } });
  });

  it('marks a called ticket no-show by hand and frees the window', () => {
    const hall = new Hall().open(1);
    expect(hall.refusal({ type: 'noShow', windowId: 'w1' })).toEqual({ code: 'NO_CURRENT_TICKET' });
    hall.issue('general', 2);
    hall.callNext('w1');
    expect(hall.run({ type: 'noShow', windowId: 'w1' })).toEqual([
      { type: 'ticket.noShow', at: hall.now, ticketId: '2026-11-23/A001', windowId: 'w1', reason: 'manual' },
    ]);
    expect(hall.callNext('w1')).toBe('A002');
    hall.run({ type: 'start', windowId: 'w1' });
    expect(hall.refusal({ type: 'noShow', windowId: 'w1' })).toEqual({ code: 'WRONG_STATE', params: { number: 'A002', state: 'serving' } });
  });

  it('gives a ticket a fresh recall budget each time it is called', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'recall', windowId: 'w1' }, { type: 'noShow', windowId: 'w1' }, { type: 'requeue', windowId: 'w1', number: 'A001' });
    hall.callNext('w1');
    expect(hall.ticket('A001').recalls).toBe(0);
  });
});
