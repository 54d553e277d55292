// The queue index kept event by event says what a scan of the day's tickets says, after every event of
// a busy day with every way a ticket moves (served, no-show, back in the queue, transferred, held,
// resumed, cancelled) and a new day.
import { describe, expect, it } from 'vitest';
import { isAppointment } from '../engine/availability.js';
import type { Ticket } from '@yichuang/shared/domain';
import { queueLoad, waitingIn, type Command, type EngineEvent, type EngineState } from '../engine/index.js';
import { CATEGORIES, Hall } from '../engine/test-fixtures.js';
import { QueueIndex } from './queue-index.js';

const ids = (tickets: readonly Ticket[] = []): string[] => tickets.map((t) => t.id);

/** What the index must say, from the state alone. */
function scanned(state: EngineState, categoryId: string) {
  const { waiting, servedMs } = queueLoad(state, categoryId);
  const walkIns = Object.values(state.tickets).filter((t) => (t.periods[0]?.categoryId ?? t.categoryId) === categoryId && !isAppointment(t));
  return { waiting, servedMs, walkIns: ids(walkIns), tickets: ids(waitingIn(state, categoryId)).sort() };
}

function indexed(index: QueueIndex, categoryId: string): ReturnType<typeof scanned> {
  const { waiting, servedMs, walkIns } = index.load(categoryId);
  return { waiting, servedMs: [...servedMs], walkIns: ids(walkIns), tickets: ids(index.waiting(categoryId)).sort() };
}

/** A deterministic stream of pseudo-random numbers. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('QueueIndex', () => {
  it('agrees with a scan of the day after every event of a busy day and the next', () => {
    const hall = new Hall().at('2026-11-23 09:00').open(1, 2, 3, 5);
    let index = new QueueIndex(hall.state);
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const windows = ['w1', 'w2', 'w3', 'w5'];
    const walkIn = ['general', 'estate', 'social', 'self'];
    let checked = 0;

    const check = (): void => {
      for (const { id } of CATEGORIES) {
        const want = scanned(hall.state, id);
        expect(indexed(index, id), `${id} after ${checked} events`).toEqual(want);
        expect(index.waitingCount(id)).toBe(want.waiting);
      }
    };
    const apply = (events: EngineEvent[]): void => {
      for (const e of events) {
        index.apply(hall.state, e);
        checked++;
      }
      check();
    };
    const numberIn = (state: string): string | undefined => {
      const tickets = Object.values(hall.state.tickets).filter((t) => t.state === state);
      return tickets.length > 0 ? pick(tickets).number : undefined;
    };

    for (const day of ['2026-11-23', '2026-11-24']) {
      hall.at(`${day} 09:00`);
      if (day !== '2026-11-23') {
        apply(hall.attempt({ type: 'startDay' }));
        hall.open(1, 2, 3, 5);
      }
      for (let step = 0; step < 400; step++) {
        hall.wait(0.5);
        const w = pick(windows);
        const r = next();
        let command: Command | undefined;
        if (r < 0.3) command = { type: 'issue', categoryId: pick(walkIn), priority: next() < 0.1 ? 'green' : 'normal', source: 'kiosk' };
        else if (r < 0.45) command = { type: 'callNext', windowId: w };
        else if (r < 0.55) command = { type: 'start', windowId: w };
        else if (r < 0.7) command = { type: 'finish', windowId: w, outcome: 'done' };
        else if (r < 0.75) command = { type: 'noShow', windowId: w };
        else if (r < 0.8) command = { type: 'transfer', windowId: w, toCategoryId: pick(walkIn), note: '转办' };
        else if (r < 0.84) command = { type: 'hold', windowId: w };
        else if (r < 0.88) {
          const number = numberIn('on-hold');
          if (number) command = { type: 'resume', windowId: w, number };
        } else if (r < 0.92) {
          const number = numberIn('no-show');
          if (number) command = { type: 'requeue', windowId: w, number, override: true };
        } else if (r < 0.96) {
          const number = numberIn('waiting');
          if (number) command = { type: 'cancel', number, override: true };
        } else if (step % 50 === 0) {
          // A restart mid-day: the index built from the state says the same as the one kept.
          index = new QueueIndex(hall.state);
          check();
        }
        if (command) apply(hall.attempt(command));
      }
    }
    // Tickets went every way: the check saw each of these.
    const states = new Set(Object.values(hall.state.tickets).map((t) => t.state));
    for (const state of ['waiting', 'finished', 'no-show', 'cancelled', 'on-hold'] as const) expect(states).toContain(state);
    expect(checked).toBeGreaterThan(300);
  });
});
