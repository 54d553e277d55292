// When a window's caller asks for its call order again (mustAskAgain), from what the hall's broadcasts show.
import { describe, expect, it } from 'vitest';
import type { TicketView, WindowView } from './domain.js';
import { mustAskAgain, queueBasis } from './window-queue.js';

const window: Pick<WindowView, 'id' | 'categories'> = { id: 'w01', categories: [{ categoryId: 'general', weight: 1 }] };
const ticket = (number: string, over: Partial<TicketView> = {}): TicketView =>
  ({ id: `2026-11-23/${number}`, number, categoryId: 'general', priority: 'normal', source: 'kiosk', state: 'waiting', issuedAt: 0, recalls: 0, ...over }) as TicketView;
const basis = (tickets: TicketView[], w = window) => queueBasis(tickets, w);

describe('a window caller asking for its call order again', () => {
  const before = basis([ticket('A001'), ticket('A002'), ticket('A003')]);

  it('asks the first time, for a ticket it may call that came or changed, and for new categories', () => {
    expect(mustAskAgain(undefined, before, {})).toBe(true);
    expect(mustAskAgain(before, basis([ticket('A001'), ticket('A002'), ticket('A003'), ticket('A004')]), {})).toBe(true);
    expect(mustAskAgain(before, basis([ticket('A001'), ticket('A002', { priority: 'green' }), ticket('A003')]), {})).toBe(true);
    expect(mustAskAgain(before, basis([ticket('A001'), ticket('A002'), ticket('A003')], { ...window, categories: [{ categoryId: 'general', weight: 2 }] }), {})).toBe(true);
  });

  it('keeps its order after its own call-next took the head, not after a ticket left otherwise', () => {
    const called = basis([ticket('A001', { state: 'called' }), ticket('A002'), ticket('A003')]);
    expect(mustAskAgain(before, called, { head: 'A001', calledNext: 'A001' })).toBe(false);
    // The head called by number (the streak stands still), or another ticket: the rest may order differently.
    expect(mustAskAgain(before, called, { head: 'A001' })).toBe(true);
    expect(mustAskAgain(before, basis([ticket('A001'), ticket('A002', { state: 'called' }), ticket('A003')]), { head: 'A001', calledNext: 'A002' })).toBe(true);
  });

  it('does not ask for tickets it may not call, nor when nothing it reads changed', () => {
    expect(mustAskAgain(before, basis([ticket('A001'), ticket('A002'), ticket('A003'), ticket('B001', { categoryId: 'social' }), ticket('A004', { targetWindowId: 'w02' })]), {})).toBe(false);
    expect(mustAskAgain(before, basis([ticket('A001'), ticket('A002'), ticket('A003')]), {})).toBe(false);
  });
});
