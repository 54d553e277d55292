// 今日办结: the console's window table and the caller's own figures count the same visits
// (engine/state.ts handledBy). A visit served at window 1 and then transferred to window 2 once made
// the console count it at both windows while the caller counted it once.
import { describe, expect, it } from 'vitest';
import { Hall } from '../../hub/src/engine/test-fixtures.js';
import { QueueIndex } from '../../hub/src/hall/queue-index.js';
import { staffFigures } from '../../hub/src/ratings/figures.js';

describe('handled today', () => {
  it('counts a visit once, where it was finished, on the console and on the caller alike', () => {
    const hall = new Hall().open(1, 2);
    /** The console's figure: visits handled per window as the live board tallies them. */
    const served = (): ReadonlyMap<string, number> => new QueueIndex(hall.state).tally.served;
    hall.issue('general', 3);
    for (let i = 0; i < 2; i++) {
      hall.callNext('w1');
      hall.run({ type: 'start', windowId: 'w1' }, { type: 'finish', windowId: 'w1', outcome: 'done' });
    }
    // The third is served at window 1, then sent on to window 2, which finishes it.
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' }, { type: 'transfer', windowId: 'w1', toWindowId: 'w2', note: '需另一窗口办理' });
    const staffAt1 = hall.window('w1').staffId!;
    const staffAt2 = hall.window('w2').staffId!;
    expect(served().get('w1')).toBe(2);
    expect(staffFigures(hall.state, staffAt1).served).toBe(2);
    expect(served().get('w2')).toBeUndefined();
    hall.callNext('w2');
    hall.run({ type: 'start', windowId: 'w2' }, { type: 'finish', windowId: 'w2', outcome: 'done' });
    expect(served().get('w1')).toBe(staffFigures(hall.state, staffAt1).served);
    expect(served().get('w2')).toBe(1);
    expect(staffFigures(hall.state, staffAt2).served).toBe(1);
  });
});
