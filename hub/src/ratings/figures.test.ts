import { describe, expect, it } from 'vitest';
import { Hall } from '../engine/test-fixtures.js';
import { staffFigures, windowFigures } from './figures.js';

describe('staff figures', () => {
  it('count finished visits, average the serving time without holds, and tally the ratings', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 4);
    const serve = (minutes: number, hold = 0) => {
      hall.callNext('w1');
      hall.run({ type: 'start', windowId: 'w1' });
      if (hold) {
        hall.wait(1).run({ type: 'hold', windowId: 'w1' });
        const held = Object.values(hall.state.tickets).find((t) => t.state === 'on-hold')!;
        hall.wait(hold).run({ type: 'resume', windowId: 'w1', number: held.number });
        hall.callNext('w1');
        hall.run({ type: 'start', windowId: 'w1' });
        minutes -= 1;
      }
      hall.wait(minutes).run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    };
    serve(4);
    hall.wait(0.1).run({ type: 'rate', windowId: 'w1', ticketId: '2026-11-23/A001', level: 'very-satisfied', reasons: [] });
    serve(6, 30); // 1 min, 30 min on hold, 5 more min: 6 min of service
    hall.wait(0.1).run({ type: 'rate', windowId: 'w1', ticketId: '2026-11-23/A002', level: 'dissatisfied', reasons: ['其他'] });
    serve(8);
    hall.wait(2).run({ type: 'expireRating', windowId: 'w1', ticketId: '2026-11-23/A003' });
    serve(5);

    expect(staffFigures(hall.state, 's1')).toEqual({
      staffId: 's1',
      served: 4,
      averageServiceMin: 5.8,
      ratings: {
        visits: 4,
        pending: 1,
        unrated: 1,
        levels: { 'very-satisfied': 1, satisfied: 0, basic: 0, dissatisfied: 1, 'very-dissatisfied': 0 },
      },
    });
    expect(staffFigures(hall.state, 's2')).toMatchObject({ served: 0, ratings: { visits: 0 } });
    expect(staffFigures(hall.state, 's2')).not.toHaveProperty('averageServiceMin');
  });

  it('are asked for by window, for whoever is signed in there', () => {
    const hall = new Hall().open(1);
    expect(windowFigures(hall.state, hall.config, 'w1')).toMatchObject({ ok: true, data: { staffId: 's1', served: 0 } });
    expect(windowFigures(hall.state, hall.config, 'w2')).toMatchObject({ ok: false, error: { code: 'STAFF_NOT_SIGNED_IN' } });
    expect(windowFigures(hall.state, hall.config, 'w9')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_WINDOW' } });
  });
});
