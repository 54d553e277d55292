import { describe, expect, it } from 'vitest';
import { Hall } from '../engine/test-fixtures.js';
import { QueueIndex } from '../hall/queue-index.js';
import { Views } from '../hall/views.js';
import { defaultBoardsFile } from './board-settings.js';
import { dayFigures } from './day-figures.js';
import { liveBoard } from './live-board.js';

function board(hall: Hall) {
  const views = new Views(() => hall.state, () => hall.config, () => hall.now);
  return liveBoard({
    now: hall.now,
    config: hall.config,
    state: hall.state,
    queues: views.queues(),
    figures: dayFigures(new QueueIndex(hall.state)),
    alerts: [],
    suggestions: [],
    settings: defaultBoardsFile().settings,
  });
}

describe('the managers’ live board', () => {
  it('per category: waiting, the longest wait and its ticket, the average wait of today’s calls', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2); // A001, A002 at 09:00
    hall.wait(10);
    hall.callNext('w1'); // A001 waited 10 min
    hall.wait(2);
    hall.issue('general', 1);
    hall.wait(3);
    const general = board(hall).categories.find((c) => c.categoryId === 'general');
    expect(general).toMatchObject({ waiting: 2, longest: { ticketNumber: 'A002', waitMin: 15 }, averageWaitMin: 10 });
    expect(board(hall).categories.find((c) => c.categoryId === 'social')).toMatchObject({ waiting: 0, averageWaitMin: null });
    expect(board(hall).categories.find((c) => c.categoryId === 'social')?.longest).toBeUndefined();
  });

  it('per window: status, staff, the current ticket and how long, visits served today', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2);
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.wait(4);
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.wait(7);
    const w1 = board(hall).windows.find((w) => w.windowId === 'w1');
    expect(w1).toMatchObject({ status: 'open', staffName: '员工s1', current: { ticketNumber: 'A002', state: 'serving', minutes: 7 }, servedToday: 1 });
    expect(w1?.ratingsToday).toBeUndefined();
    expect(board(hall).windows.find((w) => w.windowId === 'w2')).toMatchObject({ status: 'closed', servedToday: 0 });
  });

  it('ratings today per window: rated visits, satisfied and bad ones; 未评价 is not a rating', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 3);
    const serve = (): string => {
      const number = hall.callNext('w1');
      hall.run({ type: 'start', windowId: 'w1' });
      hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
      return `2026-11-23/${number}`;
    };
    hall.run({ type: 'rate', windowId: 'w1', ticketId: serve(), level: 'satisfied', reasons: [] });
    hall.run({ type: 'rate', windowId: 'w1', ticketId: serve(), level: 'dissatisfied', reasons: ['服务态度'] });
    hall.run({ type: 'expireRating', windowId: 'w1', ticketId: serve() });
    expect(board(hall).windows.find((w) => w.windowId === 'w1')).toMatchObject({ servedToday: 3, ratingsToday: { rated: 2, satisfied: 1, bad: 1 } });
  });
});
