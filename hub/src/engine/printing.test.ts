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

  it('settles a late outcome only while its slip is the ticket’s last', () => {
    const hall = new Hall();
    hall.issue('general');
    const id = '2026-11-23/A001';
    hall.run({ type: 'recordPrint', ticketId: id, printerId: 'p1', ok: false, reason: 'agent-offline', jobId: `${id}#slip` });
    hall.run({ type: 'recordPrint', ticketId: id, printerId: 'p1', ok: true, jobId: `${id}#slip`, late: true });
    expect(hall.ticket('A001').print).toMatchObject({ ok: true, jobId: `${id}#slip` });
    hall.run({ type: 'recordPrint', ticketId: id, printerId: 'p1', ok: false, reason: 'paper-out', jobId: `${id}#r-1` });
    // An older slip's late word does not undo what the reprint found.
    expect(hall.attempt({ type: 'recordPrint', ticketId: id, printerId: 'p1', ok: true, jobId: `${id}#slip`, late: true })).toEqual([]);
    expect(hall.ticket('A001').print).toMatchObject({ ok: false, jobId: `${id}#r-1` });
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
