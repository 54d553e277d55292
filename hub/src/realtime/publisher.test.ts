// A batch's broadcasts: each of its changes numbered in turn, the queues compared once for the batch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../engine/index.js';
import { Hall } from '../engine/test-fixtures.js';
import { Views } from '../hall/views.js';
import type { JournalRecord } from '../storage/journal.js';
import type { Broadcaster } from './broadcaster.js';
import { Publisher } from './publisher.js';

type Gathered = { name: string; event: { seq: number; queues?: unknown[]; ticket?: { identity?: unknown } } }[];
type Sent = { stream: string; event: string; payload: { seq: number; queues?: unknown[]; broadcasts?: Gathered }; open?: Sent['payload'] };

/** A publisher over a small hall, with what it sends kept in order. */
function publisherOf(hall: Hall): { publisher: Publisher; views: Views; sent: Sent[]; publish: (events: EngineEvent[]) => void } {
  const views = new Views(() => hall.state, () => hall.config, () => hall.now);
  const sent: Sent[] = [];
  const broadcaster = {
    toAll: (event: string, payload: Sent['payload'], open: Sent['payload'] = payload) => sent.push({ stream: 'all', event, payload, open }),
    toPublic: (event: string, payload: Sent['payload']) => sent.push({ stream: 'public', event, payload }),
    toWindowScreens: (_w: string, event: string, payload: Sent['payload']) => sent.push({ stream: 'window', event, payload }),
  } as unknown as Broadcaster;
  const publisher = new Publisher(broadcaster, views);
  let seq = 0;
  const publish = (events: EngineEvent[]): void =>
    publisher.publish(events.map((event): JournalRecord => ({ v: 1, id: `r${++seq}`, hall: 'hall-1', seq, day: hall.state.day!, at: event.at, event })));
  return { publisher, views, sent, publish };
}

const issue = (hall: Hall, categoryId = 'general'): EngineEvent[] => hall.run({ type: 'issue', categoryId, priority: 'normal', source: 'kiosk' });

afterEach(() => vi.useRealTimers());

describe('Publisher', () => {
  it('sends boards and kiosks queue changes a moment after the first, then at most once a second', () => {
    vi.useFakeTimers();
    const hall = new Hall().open(1);
    const { sent, publish } = publisherOf(hall);
    const publicAt: number[] = [];
    let last: Sent['payload'] | undefined;
    const started = Date.now();
    const watch = (): void => {
      for (const s of sent.splice(0)) {
        if (s.stream !== 'public') continue;
        publicAt.push(Date.now() - started);
        last = s.payload;
      }
    };
    // Five tickets a second for two seconds, each its own batch.
    for (let i = 0; i < 10; i++) {
      publish(issue(hall));
      for (let ms = 0; ms < 200; ms += 10) {
        vi.advanceTimersByTime(10);
        watch();
      }
    }
    for (let ms = 0; ms < 2000; ms += 10) {
      vi.advanceTimersByTime(10);
      watch();
    }
    // The first 250 ms after the first ticket; then one a second with all that changed meanwhile.
    expect(publicAt).toEqual([250, 1250, 2250]);
    expect(last?.queues).toEqual([expect.objectContaining({ categoryId: 'general', waiting: 10 })]);
  });

  it('sends window staff the tickets issued gathered, each with its own seq, a moment after the first and then at most once a second', () => {
    vi.useFakeTimers();
    const hall = new Hall().open(1);
    const { views, sent, publish } = publisherOf(hall);
    const compared = vi.spyOn(views, 'queues');
    // A batch as the hall service hands it over: applied to the state, then published together.
    publish(['general', 'general', 'general', 'social'].flatMap((categoryId) => issue(hall, categoryId)));
    expect(compared).toHaveBeenCalledTimes(1);
    expect(sent.filter((s) => s.stream === 'all')).toEqual([]);

    vi.advanceTimersByTime(250);
    const staff = sent.filter((s) => s.stream === 'all');
    expect(staff.map((s) => s.event)).toEqual(['hall:gathered']);
    const broadcasts = staff[0]!.payload.broadcasts!;
    expect(broadcasts.map((b) => [b.name, b.event.seq])).toEqual([['ticket:issued', 1], ['ticket:issued', 2], ['ticket:issued', 3], ['ticket:issued', 4]]);
    // The first carries both queues' changes (the state is the whole batch's); the others none.
    expect(broadcasts.map((b) => b.event.queues?.length ?? 0)).toEqual([2, 0, 0, 0]);

    // Five a second after that: one message a second (the first when the second after the first message ends), every ticket in it.
    sent.length = 0;
    const staffAt: number[] = [];
    for (let ms = 0; ms < 2000; ms += 10) {
      if (ms % 200 === 0) publish(issue(hall));
      vi.advanceTimersByTime(10);
      for (const s of sent.splice(0)) if (s.stream === 'all') staffAt.push(ms + 10, ...s.payload.broadcasts!.map((b) => -b.event.seq));
    }
    vi.advanceTimersByTime(1000);
    for (const s of sent.splice(0)) if (s.stream === 'all') staffAt.push(3000, ...s.payload.broadcasts!.map((b) => -b.event.seq));
    expect(staffAt).toEqual([1000, -5, -6, -7, -8, -9, 2000, -10, -11, -12, -13, -14]);
  });

  it('sends what was gathered before a call at once, ahead of the call, so window staff get every change in order', () => {
    vi.useFakeTimers();
    const hall = new Hall().open(1);
    const { sent, publish } = publisherOf(hall);
    publish(issue(hall));
    publish(issue(hall));
    publish(hall.run({ type: 'callNext', windowId: 'w1' }));
    const staff = sent.filter((s) => s.stream === 'all');
    expect(staff.map((s) => [s.event, s.payload.seq ?? s.payload.broadcasts!.map((b) => b.event.seq)])).toEqual([
      ['hall:gathered', [1, 2]],
      ['ticket:called', 3],
    ]);
    // Nothing is left to go out later.
    vi.advanceTimersByTime(5000);
    expect(sent.filter((s) => s.stream === 'all')).toHaveLength(2);
  });

  it('sends what was gathered before a new day, and consoles a copy without the masked identities', () => {
    vi.useFakeTimers();
    const hall = new Hall().open(1);
    const { sent, publish } = publisherOf(hall);
    publish(hall.run({ type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk', identity: { kind: 'phone', masked: '138****5678' } }));
    publish([{ type: 'day.started', at: hall.now, day: '2026-11-24' } as EngineEvent]);
    const staff = sent.filter((s) => s.stream === 'all');
    expect(staff.map((s) => [s.event, s.payload.seq ?? s.payload.broadcasts!.map((b) => b.event.seq)])).toEqual([
      ['hall:gathered', [1]],
      ['day:started', 2],
    ]);
    expect(staff[0]!.payload.broadcasts![0]!.event.ticket?.identity).toBe('138****5678');
    expect(JSON.stringify(staff[0]!.open)).not.toContain('identity');
  });
});
