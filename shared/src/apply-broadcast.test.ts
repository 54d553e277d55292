// The reducer every screen's copy of the hall runs: broadcasts carry only what changed for the screen.
import { describe, expect, it } from 'vitest';
import { applyBroadcast } from './apply-broadcast.js';
import type { HallSnapshot, QueueView, WindowView } from './domain.js';

const queue = (categoryId: string, waiting: number): QueueView => ({ categoryId, prefix: categoryId.toUpperCase(), name: categoryId, nameEn: categoryId, waiting, estimatedWaitMin: waiting * 5 });
const window: WindowView = { id: 'w01', number: 1, name: '1号窗口', nameEn: 'Window 1', kind: 'comprehensive', status: 'open', categories: [] };

const board: HallSnapshot = {
  seq: 4,
  day: '2026-11-23',
  at: 0,
  hall: { id: 'h', name: '中心', nameEn: 'Centre', address: '', timeZone: 'Asia/Shanghai' },
  categories: [],
  windows: [window],
  queues: [queue('a', 2), queue('b', 5)],
  tickets: [],
  recentCalls: [],
  open: true,
};

describe('applying a broadcast', () => {
  it('replaces only the queues it carries, and lists no ticket a board does not get', () => {
    const next = applyBroadcast(board, { seq: 5, at: 1, queues: [queue('a', 3)] });
    expect(next.queues).toEqual([queue('a', 3), queue('b', 5)]);
    expect(next.tickets).toEqual([]);
    expect(next.seq).toBe(5);
  });

  it('takes a queue of a category new since the snapshot, and a window and a call without a ticket', () => {
    const call = { ticketNumber: 'A001', windowId: 'w01', windowNumber: 1, windowName: '1号窗口', categoryId: 'a', at: 2, recall: 0 };
    const next = applyBroadcast(board, { seq: 5, at: 2, queues: [queue('c', 1)], window: { ...window, status: 'paused' }, call });
    expect(next.queues.map((q) => q.categoryId)).toEqual(['a', 'b', 'c']);
    expect(next.windows).toEqual([{ ...window, status: 'paused' }]);
    expect(next.recentCalls).toEqual([call]);
  });
});
