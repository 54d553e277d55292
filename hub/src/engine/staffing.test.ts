import { describe, expect, it } from 'vitest';
import { Hall } from './test-fixtures.js';
import type { Command } from './types.js';

describe('signing in and out', () => {
  it('opens the window for the staff member', () => {
    const hall = new Hall();
    const events = hall.run({ type: 'signIn', windowId: 'w1', staffId: 's1' });
    expect(events.at(-1)).toEqual({ type: 'staff.signedIn', at: hall.now, windowId: 'w1', staffId: 's1' });
    expect(hall.window('w1')).toEqual({ id: 'w1', status: 'open', staffId: 's1', priorityStreak: 0, since: hall.now });
  });

  it('refuses unknown windows and staff', () => {
    const hall = new Hall();
    expect(hall.refusal({ type: 'signIn', windowId: 'w9', staffId: 's1' })).toEqual({ code: 'UNKNOWN_WINDOW', params: { windowId: 'w9' } });
    expect(hall.refusal({ type: 'signIn', windowId: 'w1', staffId: 'nobody' })).toEqual({ code: 'UNKNOWN_STAFF' });
  });

  it('keeps one person per window and one window per person', () => {
    const hall = new Hall().open(1);
    expect(hall.refusal({ type: 'signIn', windowId: 'w1', staffId: 's2' })).toEqual({ code: 'WINDOW_TAKEN' });
    expect(hall.refusal({ type: 'signIn', windowId: 'w2', staffId: 's1' })).toEqual({ code: 'STAFF_ELSEWHERE', params: { windowNumber: 1 } });
  });

  it('lets the same person sign in again where they already are', () => {
    const hall = new Hall().open(1);
    expect(hall.run({ type: 'signIn', windowId: 'w1', staffId: 's1' })).toEqual([]);
  });

  it('signs out only an idle window, and closes it', () => {
    const hall = new Hall();
    expect(hall.refusal({ type: 'signOut', windowId: 'w1' })).toEqual({ code: 'STAFF_NOT_SIGNED_IN' });
    hall.open(1).issue('general');
    hall.callNext('w1');
    expect(hall.refusal({ type: 'signOut', windowId: 'w1' })).toEqual({ code: 'WINDOW_BUSY', params: { number: 'A001' } });
    hall.run({ type: 'noShow', windowId: 'w1' });
    hall.wait(5);
    expect(hall.run({ type: 'signOut', windowId: 'w1' })).toEqual([{ type: 'staff.signedOut', at: hall.now, windowId: 'w1', staffId: 's1' }]);
    expect(hall.window('w1')).toEqual({ id: 'w1', status: 'closed', priorityStreak: 0, since: hall.now });
    expect(hall.refusal({ type: 'signOut', windowId: 'w1' })).toEqual({ code: 'STAFF_NOT_SIGNED_IN' });
    // Free to sit elsewhere now.
    hall.run({ type: 'signIn', windowId: 'w2', staffId: 's1' });
    expect(hall.window('w2').staffId).toBe('s1');
  });

  it('releases a window whose caller was revoked: signed out, its ticket held there for whoever signs in next', () => {
    const hall = new Hall().open(1);
    hall.issue('general', 2);
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    const events = hall.run({ type: 'releaseWindow', windowId: 'w1', note: '终端已撤销' });
    expect(events).toEqual([
      { type: 'ticket.held', at: hall.now, ticketId: expect.stringMatching(/A001$/), windowId: 'w1', note: '终端已撤销' },
      { type: 'staff.signedOut', at: hall.now, windowId: 'w1', staffId: 's1' },
    ]);
    expect(hall.window('w1').status).toBe('closed');
    // Nothing to release twice; the next person resumes the held ticket at that window.
    expect(hall.run({ type: 'releaseWindow', windowId: 'w1', note: '终端已撤销' })).toEqual([]);
    hall.run({ type: 'signIn', windowId: 'w1', staffId: 's2' });
    hall.run({ type: 'resume', windowId: 'w1', number: 'A001' });
    expect(hall.callNext('w1')).toBe('A001');
  });

  it('releases a window calling someone not yet at the counter the same way', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.callNext('w1');
    expect(hall.run({ type: 'releaseWindow', windowId: 'w1', note: 'x' }).map((e) => e.type)).toEqual(['ticket.held', 'staff.signedOut']);
  });

  it('refuses window commands at a closed window', () => {
    const hall = new Hall();
    hall.issue('general');
    const commands: Command[] = [
      { type: 'callNext', windowId: 'w1' },
      { type: 'callNumber', windowId: 'w1', number: 'A001' },
      { type: 'recall', windowId: 'w1' },
      { type: 'start', windowId: 'w1' },
      { type: 'finish', windowId: 'w1', outcome: 'done' },
      { type: 'noShow', windowId: 'w1' },
      { type: 'hold', windowId: 'w1' },
      { type: 'transfer', windowId: 'w1', toCategoryId: 'estate', note: 'x' },
      { type: 'resume', windowId: 'w1', number: 'A001' },
      { type: 'requeue', windowId: 'w1', number: 'A001' },
      { type: 'pause', windowId: 'w1', reason: 'meal' },
      { type: 'unpause', windowId: 'w1' },
    ];
    for (const c of commands) expect(hall.refusal(c), c.type).toEqual({ code: 'WINDOW_CLOSED' });
    expect(hall.refusal({ type: 'callNext', windowId: 'w9' })).toEqual({ code: 'UNKNOWN_WINDOW', params: { windowId: 'w9' } });
  });
});

describe('pausing', () => {
  it('pauses an idle open window with a reason, and refuses calls meanwhile', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.wait(10);
    hall.run({ type: 'pause', windowId: 'w1', reason: 'meal', note: '午餐' });
    expect(hall.window('w1')).toMatchObject({ status: 'paused', pauseReason: 'meal', since: hall.now });
    expect(hall.refusal({ type: 'callNext', windowId: 'w1' })).toEqual({ code: 'WINDOW_PAUSED' });
    expect(hall.refusal({ type: 'callNumber', windowId: 'w1', number: 'A001' })).toEqual({ code: 'WINDOW_PAUSED' });
    expect(hall.refusal({ type: 'pause', windowId: 'w1', reason: 'away' })).toEqual({ code: 'WINDOW_PAUSED' });
    hall.wait(30);
    hall.run({ type: 'unpause', windowId: 'w1' });
    expect(hall.window('w1')).toEqual({ id: 'w1', status: 'open', staffId: 's1', priorityStreak: 0, since: hall.now });
    expect(hall.callNext('w1')).toBe('A001');
  });

  it('does not pause a busy window', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.callNext('w1');
    expect(hall.refusal({ type: 'pause', windowId: 'w1', reason: 'away' })).toEqual({ code: 'WINDOW_BUSY', params: { number: 'A001' } });
  });

  it('treats unpausing an open window as done', () => {
    expect(new Hall().open(1).run({ type: 'unpause', windowId: 'w1' })).toEqual([]);
  });

  it('lets a paused window sign out', () => {
    const hall = new Hall().open(1);
    hall.run({ type: 'pause', windowId: 'w1', reason: 'meeting' }, { type: 'signOut', windowId: 'w1' });
    expect(hall.window('w1')).toEqual({ id: 'w1', status: 'closed', priorityStreak: 0, since: hall.now });
  });
});
