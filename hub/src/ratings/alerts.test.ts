import { describe, expect, it } from 'vitest';
import { Hall } from '../engine/test-fixtures.js';
import type { JournalRecord } from '../storage/journal.js';
import { badRatingAlerts } from './alerts.js';

describe('bad-rating alerts', () => {
  it('raise one alert per opened case, in both languages, keyed by the case', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    const events = hall.wait(0.2).run({ type: 'rate', windowId: 'w1', ticketId: '2026-11-23/A001', level: 'very-dissatisfied', reasons: ['服务态度'] });
    const records = events.map((event, i) => ({ v: 1, id: `r${i}`, hall: 'h', seq: i + 1, day: '2026-11-23', at: event.at, event }) as JournalRecord);
    expect(badRatingAlerts(records, hall.state, hall.config)).toEqual([
      {
        kind: 'bad-rating',
        key: 'bad-rating:20261123-A001',
        message: '1号窗口收到“非常不满意”评价（A001），已生成差评工单 20261123-A001',
        messageEn: 'Window 1: “Very dissatisfied” rating for A001; case 20261123-A001 opened',
        windowId: 'w1',
        ticketNumber: 'A001',
      },
    ]);
    expect(badRatingAlerts(records.slice(0, 1), hall.state, hall.config)).toEqual([]);
  });
});
