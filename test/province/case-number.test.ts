// The 办件编号 staff give at 办结 (Ticket.caseNumber) travels with the visit's rating into the day's
// roll-up and back, so the export and the outbox name the 办件 by it.
import { describe, expect, it } from 'vitest';
import { Hall, local, makeConfig } from '../../hub/src/engine/test-fixtures.js';
import { decodeRatings, encodeRatings } from '../../hub/src/stats/rollup.js';

describe('办件编号', () => {
  it('is copied from the ticket to its rating, and kept by the day roll-up', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 10:00')).open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    // Set as the 办结 dialog sets it (another branch adds the command).
    hall.state.tickets['2026-11-23/A001']!.caseNumber = '330106-2026-000123';
    hall.run({ type: 'rate', windowId: 'w1', ticketId: '2026-11-23/A001', level: 'satisfied', reasons: [] });
    const rating = hall.state.evaluation!.ratings['2026-11-23/A001']!;
    expect(rating.caseNumber).toBe('330106-2026-000123');
    const from = Date.parse('2026-11-22T16:00:00Z');
    expect(decodeRatings(encodeRatings([rating], from), '2026-11-23')).toEqual([rating]);
  });
});
