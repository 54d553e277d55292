// A batch's broadcasts: each of its changes numbered in turn, the queues compared once for the batch.
import { describe, expect, it, vi } from 'vitest';
import { Hall } from '../engine/test-fixtures.js';
import { Views } from '../hall/views.js';
import type { JournalRecord } from '../storage/journal.js';
import type { Broadcaster } from './broadcaster.js';
import { Publisher } from './publisher.js';

describe('Publisher', () => {
  it('sends each change of a batch to window staff in order, and compares the queues once per batch', () => {
    const hall = new Hall().open(1);
    const views = new Views(() => hall.state, () => hall.config, () => hall.now);
    const sent: Array<{ stream: string; event: string; payload: { seq: number; queues?: unknown[] } }> = [];
    const broadcaster = {
      toAll: (event: string, payload: { seq: number }) => sent.push({ stream: 'all', event, payload }),
      toPublic: (event: string, payload: { seq: number }) => sent.push({ stream: 'public', event, payload }),
      toWindowScreens: (_w: string, event: string, payload: { seq: number }) => sent.push({ stream: 'window', event, payload }),
    } as unknown as Broadcaster;
    const publisher = new Publisher(broadcaster, views);
    const compared = vi.spyOn(views, 'queues');

    // A batch as the hall service hands it over: applied to the state, then published together.
    const events = [...['general', 'general', 'general', 'social'].flatMap((categoryId) => hall.run({ type: 'issue', categoryId, priority: 'normal', source: 'kiosk' }))];
    publisher.publish(events.map((event, i): JournalRecord => ({ v: 1, id: `r${i}`, hall: 'hall-1', seq: i + 1, day: hall.state.day!, at: event.at, event })));

    const staff = sent.filter((s) => s.stream === 'all');
    expect(staff.map((s) => [s.event, s.payload.seq])).toEqual([['ticket:issued', 1], ['ticket:issued', 2], ['ticket:issued', 3], ['ticket:issued', 4]]);
    // The first carries both queues' changes (the state is the whole batch's); the others none.
    expect(staff.map((s) => s.payload.queues?.length ?? 0)).toEqual([2, 0, 0, 0]);
    expect(compared).toHaveBeenCalledTimes(1);
  });
});
