import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGNATURE } from '@yichuang/shared/schemas';
import { TicketLinks } from './ticket-links.js';

describe('signed ticket links', () => {
  const links = new TicketLinks(randomBytes(32));

  it('accepts the signature it made, for that day and number only', () => {
    const s = links.sign('2026-11-23', 'A023');
    expect(s).toMatch(SIGNATURE);
    expect(links.verify('2026-11-23', 'A023', s)).toBe(true);
    expect(links.verify('2026-11-23', 'a023', s)).toBe(true);
    expect(links.verify('2026-11-24', 'A023', s)).toBe(false);
    expect(links.verify('2026-11-23', 'A024', s)).toBe(false);
    expect(links.verify('2026-11-23', 'A023', s.slice(1))).toBe(false);
    expect(links.verify('2026-11-23', 'A023', '')).toBe(false);
  });

  it('signs differently under another hall key', () => {
    expect(new TicketLinks(randomBytes(32)).sign('2026-11-23', 'A023')).not.toBe(links.sign('2026-11-23', 'A023'));
  });
});
