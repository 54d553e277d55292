import { describe, expect, it } from 'vitest';
import type { TicketFact } from './facts.js';
import { encodeTickets, NONE } from './rollup.js';

describe('ticket roll-up columns', () => {
  it('count a duration that a clock stepped back made negative as 0 s, and keep one never reached as none', () => {
    const fact: TicketFact = { number: 'A001', category: 'general', source: 'kiosk', priority: 'normal', issued: 9 * 3600, end: 'finished', called: true, transfers: 0, holds: 0, wait: 61_400, walk: -2_600, service: 120_000, stay: -400 };
    const t = encodeTickets([fact]);
    expect([t.wait[0], t.walk[0], t.service[0], t.stay[0], t.totalWait[0], t.uncalledWait[0]]).toEqual([61, 0, 120, 0, NONE, NONE]);
  });
});
