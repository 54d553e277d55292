// Console sessions and pairing codes.
import { describe, expect, it } from 'vitest';
import { PairingDesk, PAIRING_TTL_MS } from './pairing.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS, Sessions } from './sessions.js';
import { manualClock } from './test-fixtures.js';

describe('sessions', () => {
  it('expire after 30 minutes unused, and after 12 hours in any case', () => {
    const clock = manualClock();
    const sessions = new Sessions(clock.now);
    const s = sessions.open({ deviceId: 'c1', staffId: 's1', name: '甲', roles: ['manager'], demo: false });
    expect(s.token).toMatch(/^[\w-]{43}$/);
    clock.advance(SESSION_IDLE_MS - 1);
    expect(sessions.peek(s.token)).toBeDefined();
    clock.advance(2);
    expect(sessions.use(s.token)).toBeUndefined();

    const long = sessions.open({ deviceId: 'c1', name: '乙', roles: ['admin'], demo: false });
    for (let t = 0; t < SESSION_MAX_MS - SESSION_IDLE_MS; t += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      expect(sessions.use(long.token)).toBeDefined();
    }
    expect(sessions.operator(long).expiresAt).toBe(long.createdAt + SESSION_MAX_MS);
    clock.advance(SESSION_IDLE_MS);
    expect(sessions.use(long.token)).toBeUndefined();
  });

  it('ends a device’s sessions when asked, and only those', () => {
    const sessions = new Sessions(manualClock().now);
    const a = sessions.open({ deviceId: 'c1', name: '甲', roles: ['manager'], demo: false });
    const b = sessions.open({ deviceId: 'c2', name: '乙', roles: ['manager'], demo: false });
    sessions.closeWhere((s) => s.deviceId === 'c1');
    expect(sessions.use(a.token)).toBeUndefined();
    expect(sessions.use(b.token)).toBeDefined();
  });
});

describe('pairing desk', () => {
  it('hands a code’s token once to the screen holding the claim, and forgets old codes', () => {
    const clock = manualClock();
    const desk = new PairingDesk(clock.now);
    const first = desk.request('kiosk', '10.0.0.5')!;
    expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(desk.open()).toEqual([{ screen: 'kiosk', address: '10.0.0.5', requestedAt: clock.now(), expiresAt: clock.now() + PAIRING_TTL_MS }]);
    expect(desk.approve('AAAAAA', { token: 't', page: '/kiosk/' })).toBe(false);
    expect(desk.approve(first.code, { token: 'secret', page: '/kiosk/' })).toBe(true);
    expect(desk.open()).toEqual([]);
    expect(desk.status(first.claim)).toEqual({ status: 'approved', token: 'secret', page: '/kiosk/' });
    expect(desk.status(first.claim)).toBeUndefined();

    const second = desk.request('board', '10.0.0.6')!;
    clock.advance(PAIRING_TTL_MS);
    expect(desk.status(second.claim)).toBeUndefined();
    expect(desk.has(second.code)).toBe(false);
  });

  it('refuses more open requests than a hall sets up at once', () => {
    const desk = new PairingDesk(manualClock().now);
    const answers = Array.from({ length: 51 }, () => desk.request('kiosk', '10.0.0.9'));
    expect(answers.filter(Boolean)).toHaveLength(50);
    expect(new Set(answers.filter(Boolean).map((a) => a!.code)).size).toBe(50);
  });
});

