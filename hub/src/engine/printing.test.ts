import { describe, expect, it } from 'vitest';
import { Hall } from './test-fixtures.js';

describe('recording a print', () => {
  it('marks a ticket printed or unprinted without touching its place in the queue', () => {
    const hall = new Hall();
    hall.issue('general', 2);
    const before = { ...hall.ticket('A001'), periods: [...hall.ticket('A001').periods] };
    hall.run({ type: 'recordPrint', ticketId: '2026-11-23/A001', printerId: 'p1', ok: false, reason: 'paper-out' });
    expect(hall.ticket('A001').print).toEqual({ ok: false, printerId: 'p1', at: hall.now, reason: 'paper-out' });
    expect(hall.ticket('A001').state).toBe('waiting');
    expect(hall.ticket('A001').periods).toEqual(before.periods);
    hall.wait(5).run({ type: 'recordPrint', ticketId: '2026-11-23/A001', printerId: 'p1', ok: true });
    expect(hall.ticket('A001').print).toMatchObject({ ok: true });
  });

  it('refuses a ticket that does not exist today', () => {
    const hall = new Hall();
    hall.issue('general');
    expect(hall.refusal({ type: 'recordPrint', ticketId: '2026-11-23/Z999', printerId: 'p1', ok: true })).toEqual({
      code: 'UNKNOWN_TICKET',
      params: { number: 'Z999' },
    });
  });
});
