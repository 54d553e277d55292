// The live board's day figures are kept event by event (hall/day-tally.ts, with the queue index): after
// any sequence of records they must equal the same figures worked out from scratch from the day.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/index.js';
import { Hall } from '../engine/test-fixtures.js';
import { QueueIndex } from '../hall/queue-index.js';
import { dayFigures } from './day-figures.js';

/** The figures as plain data, so two indexes compare by value (tickets by number). */
function plain(index: QueueIndex) {
  const f = dayFigures(index);
  const sorted = <V>(m: ReadonlyMap<string, V>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
  return {
    longest: sorted(new Map([...f.longest].map(([c, t]) => [c, t.number]))),
    queued: [...f.queued].sort(),
    sentToWindow: f.sentToWindow.map((t) => t.number).sort(),
    averageWaitMin: sorted(f.averageWaitMin),
    served: sorted(f.served),
    ratings: sorted(f.ratings),
  };
}

/** A hall whose every event also goes to a queue index kept as the hub keeps it, and is checked against one made afresh. */
class KeptHall extends Hall {
  readonly kept = new QueueIndex(this.state);
  steps = 0;

  override run(...commands: Command[]) {
    const events = super.run(...commands);
    for (const e of events) this.kept.apply(this.state, e);
    expect(plain(this.kept)).toEqual(plain(new QueueIndex(this.state)));
    this.steps++;
    return events;
  }
}

describe('the live board’s day figures', () => {
  it('kept record by record, equal a from-scratch computation after every step of a scripted day', () => {
    const hall = new KeptHall().open(1, 2, 3, 5);
    const id = (number: string) => hall.ticket(number).id;
    const serve = (windowId: string) => hall.run({ type: 'start', windowId }, { type: 'finish', windowId, outcome: 'done' });
    hall.issue('general', 4);
    hall.issue('social', 2);
    hall.issue('estate', 2);
    hall.wait(7);
    const a = hall.callNext('w1');
    hall.wait(3);
    hall.callNext('w2');
    serve('w1');
    hall.run({ type: 'rate', windowId: 'w1', ticketId: id(a), level: 'satisfied', reasons: [] });
    hall.wait(5);
    hall.callNext('w3');
    const b = hall.callNext('w1');
    // Sent on to window 2 by name: it waits for that window, then is counted where it is finished.
    hall.run({ type: 'start', windowId: 'w1' }, { type: 'transfer', windowId: 'w1', toWindowId: 'w2', note: '需另一窗口办理' });
    const d = hall.window('w2').currentTicketId!;
    serve('w2');
    hall.run({ type: 'expireRating', windowId: 'w2', ticketId: d });
    hall.wait(2);
    expect(hall.callNext('w2')).toBe(b);
    serve('w2');
    hall.run({ type: 'rate', windowId: 'w2', ticketId: id(b), level: 'dissatisfied', reasons: ['服务态度'] });
    // The case number linked after the rating replaces the rating's record: counted once still.
    hall.run({ type: 'linkCase', windowId: 'w2', caseNumber: 'SX2026-0001' });
    // A visit passed (过号) and called again later waits anew; its first call still sets its wait.
    const c = hall.callNext('w5');
    hall.run({ type: 'noShow', windowId: 'w5' });
    hall.issue('general', 2);
    hall.wait(4);
    hall.run({ type: 'requeue', windowId: 'w5', number: c });
    hall.callNext('w5');
    serve('w5');
    hall.run({ type: 'cancel', windowId: 'w2', number: hall.issue('social', 1)[0]! });
    serve('w3');
    hall.callNext('w1');
    serve('w1');
    const end = plain(hall.kept);
    expect(hall.steps).toBeGreaterThan(25);
    expect(Object.keys(end.served).length).toBeGreaterThan(2);
    expect(Object.keys(end.averageWaitMin).length).toBeGreaterThan(1);
    expect(end.ratings).toMatchObject({ w1: { rated: 1, satisfied: 1, bad: 0 }, w2: { rated: 1, satisfied: 0, bad: 1 } });
  });
});
