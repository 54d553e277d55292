import { describe, expect, it } from 'vitest';
import type { ServiceWindow, WeekHours } from '@yichuang/shared/domain';
import { evolve } from './evolve.js';
import { initialState } from './state.js';
import { Hall, local, makeConfig, MINUTE, withSchedule } from './test-fixtures.js';
import type { Command, EngineEvent } from './types.js';

const t = (clock: string): number => local(`2026-11-23 ${clock}`);

describe('period log', () => {
  it('records every state change; a recall adds none; a hold splits the service', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.at('2026-11-23 09:10').callNext('w1');
    hall.at('2026-11-23 09:11').run({ type: 'recall', windowId: 'w1' });
    hall.at('2026-11-23 09:12').run({ type: 'start', windowId: 'w1' });
    hall.at('2026-11-23 09:20').run({ type: 'hold', windowId: 'w1' });
    hall.at('2026-11-23 09:30').run({ type: 'resume', windowId: 'w1', number: 'A001' });
    hall.at('2026-11-23 09:31').callNext('w1');
    hall.at('2026-11-23 09:32').run({ type: 'start', windowId: 'w1' });
    hall.at('2026-11-23 09:40').run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    const at = { categoryId: 'general', windowId: 'w1', staffId: 's1' };
    expect(hall.ticket('A001').periods).toEqual([
      { state: 'waiting', categoryId: 'general', start: t('09:00'), end: t('09:10') },
      { state: 'called', ...at, start: t('09:10'), end: t('09:12') },
      { state: 'serving', ...at, start: t('09:12'), end: t('09:20') },
      { state: 'on-hold', ...at, start: t('09:20'), end: t('09:30') },
      { state: 'waiting', categoryId: 'general', start: t('09:30'), end: t('09:31') },
      { state: 'called', ...at, start: t('09:31'), end: t('09:32') },
      { state: 'serving', ...at, start: t('09:32'), end: t('09:40') },
      { state: 'finished', ...at, start: t('09:40'), end: t('09:40') },
    ]);
  });

  it('gives a no-show a real waiting time and no service time at all', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.at('2026-11-23 09:07').callNext('w1');
    hall.at('2026-11-23 09:09').run({ type: 'noShow', windowId: 'w1' });
    const periods = hall.ticket('A001').periods;
    expect(periods.map((p) => p.state)).toEqual(['waiting', 'called', 'no-show']);
    expect(periods.some((p) => p.state === 'serving')).toBe(false);
    const [waiting] = periods;
    expect((waiting?.end ?? 0) - (waiting?.start ?? 0)).toBe(7 * MINUTE);
    expect(periods.at(-1)).toEqual({ state: 'no-show', categoryId: 'general', windowId: 'w1', staffId: 's1', start: t('09:09'), end: t('09:09') });
  });

  it('logs a transfer as a new waiting period in the new category', () => {
    const hall = new Hall().open(1, 3);
    hall.issue('general');
    hall.at('2026-11-23 09:05').callNext('w1');
    hall.at('2026-11-23 09:06').run({ type: 'start', windowId: 'w1' });
    hall.at('2026-11-23 09:08').run({ type: 'transfer', windowId: 'w1', toCategoryId: 'estate', note: '房产' });
    hall.at('2026-11-23 09:09').callNext('w3');
    expect(hall.ticket('A001').periods.map((p) => [p.state, p.categoryId, p.windowId])).toEqual([
      ['waiting', 'general', undefined],
      ['called', 'general', 'w1'],
      ['serving', 'general', 'w1'],
      ['waiting', 'estate', undefined],
      ['called', 'estate', 'w3'],
    ]);
  });

  it('closes a cancelled ticket with an empty terminal period', () => {
    const hall = new Hall();
    hall.issue('general');
    hall.at('2026-11-23 09:04').run({ type: 'cancel', windowId: 'w1', number: 'A001' });
    expect(hall.ticket('A001').periods).toEqual([
      { state: 'waiting', categoryId: 'general', start: t('09:00'), end: t('09:04') },
      { state: 'cancelled', categoryId: 'general', start: t('09:04'), end: t('09:04') },
    ]);
  });
});

describe('evolve', () => {
  it('keeps the latest 50 calls, newest first', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 60);
    for (let i = 0; i < 60; i++) {
      hall.wait(1).callNext('w1');
      hall.run({ type: 'noShow', windowId: 'w1' });
    }
    expect(hall.state.calls).toHaveLength(50);
    expect(hall.state.calls[0]).toEqual({ ticketId: '2026-11-23/A060', windowId: 'w1', at: hall.now, recall: 0 });
    expect(hall.state.calls.at(-1)?.ticketId).toBe('2026-11-23/A011');
  });

  it('updates the state in place and returns it', () => {
    const state = initialState();
    expect(evolve(state, { type: 'day.started', day: '2026-11-23', at: t('00:00') })).toBe(state);
    expect(state.day).toBe('2026-11-23');
  });

  it('fails loudly on an event for a ticket it never saw', () => {
    const state = initialState();
    expect(() => evolve(state, { type: 'ticket.started', at: 0, ticketId: 'x', windowId: 'w1', staffId: 's1' })).toThrow(/unknown ticket/);
  });
});

/** A busy day on 30 windows: 2,000 walk-ins, calls, recalls, no-shows, returns, holds and finishes. */
function busyDay(): { hall: Hall; events: EngineEvent[] } {
  const windows: ServiceWindow[] = Array.from({ length: 30 }, (_, i) => ({
    id: `w${i + 1}`,
    number: i + 1,
    name: `${i + 1}号窗口`,
    nameEn: `Window ${i + 1}`,
    kind: 'comprehensive',
    department: 'hall',
    categories: [
      { categoryId: 'general', weight: 1 + (i % 2) },
      { categoryId: 'tax', weight: 2 - (i % 2) },
    ],
  }));
  // Doors close at 17:00, but the windows work on into the evening: the queue taken before closing is
  // one they can serve (availability.ts refuses numbers nobody would call before closing).
  const evening = { start: '13:30', end: '21:00' };
  const hours = makeConfig().hall.schedule.hours.map((day) => (day.length ? [day[0]!, evening] : day)) as WeekHours;
  const categories = makeConfig().categories.map((c) => (c.id === 'tax' ? { ...c, hours: undefined } : c));
  const hall = new Hall(withSchedule(makeConfig({ windows, categories }), { hours }), t('08:30'));
  const events = hall.run(...windows.map((w): Command => ({ type: 'signIn', windowId: w.id, staffId: `s${w.number}` })));
  hall.at('2026-11-23 09:00');
  let seed = 42;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const doneAt = new Map<string, number>();
  let issued = 0;
  // Issue until 2,000, then serve whoever is still waiting.
  while (hall.now < t('18:00')) {
    const open = hall.now < t('12:00') || (hall.now >= t('13:30') && hall.now < t('17:00'));
    for (let i = 0; open && i < 6 && issued < 2000; i++, issued++) {
      const taxOpen = hall.now >= t('10:00') && hall.now < t('16:00');
      const categoryId = taxOpen && random() < 0.3 ? 'tax' : 'general';
      events.push(...hall.run({ type: 'issue', categoryId, priority: random() < 0.1 ? 'green' : 'normal', source: 'kiosk' }));
    }
    let waiting = Object.values(hall.state.tickets).filter((x) => x.state === 'waiting').length;
    for (const w of windows) {
      const current = hall.state.windows[w.id]?.currentTicketId;
      const ticket = current === undefined ? undefined : hall.state.tickets[current];
      const roll = random();
      if (!ticket) {
        if (waiting > 0) {
          // Refused (QUEUE_EMPTY) when all that waits is targeted at other windows.
          const called = hall.attempt({ type: 'callNext', windowId: w.id });
          events.push(...called);
          if (called.length > 0) waiting--;
        }
      } else if (ticket.state === 'called') {
        if (roll < 0.05) events.push(...hall.run({ type: 'recall', windowId: w.id }));
        else if (roll < 0.08) {
          events.push(...hall.run({ type: 'noShow', windowId: w.id }));
          if (roll < 0.065) events.push(...hall.run({ type: 'requeue', windowId: w.id, number: ticket.number }));
        } else events.push(...hall.run({ type: 'start', windowId: w.id }));
      } else if (ticket.state === 'serving') {
        const due = doneAt.get(ticket.id) ?? hall.now + (3 + Math.floor(roll * 8)) * MINUTE;
        doneAt.set(ticket.id, due);
        if (roll < 0.01) events.push(...hall.run({ type: 'hold', windowId: w.id }, { type: 'resume', windowId: w.id, number: ticket.number }));
        else if (hall.now >= due) events.push(...hall.run({ type: 'finish', windowId: w.id, outcome: 'done' }));
      }
    }
    hall.wait(1);
  }
  return { hall, events };
}

describe('replay', () => {
  it('rebuilds the same state from the events of a busy day', () => {
    const { hall, events } = busyDay();
    expect(Object.keys(hall.state.tickets)).toHaveLength(2000);
    expect(events.length).toBeGreaterThan(7000);
    let state = initialState();
    for (const e of events) state = evolve(state, e);
    expect(state).toEqual(hall.state);
  });

  it('is deterministic: the same commands give the same events', () => {
    expect(busyDay().events).toEqual(busyDay().events);
  });
});
