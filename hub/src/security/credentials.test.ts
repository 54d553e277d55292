// Passwords and PINs (argon2id, legacy scrypt), sign-in throttling, rate limits.
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, isOutdated, verifySecret } from './passwords.js';
import { RateLimiter } from './rate-limit.js';
import { LOCK_MS, SignInThrottle } from './throttle.js';
import { manualClock } from './test-fixtures.js';

describe('passwords', () => {
  it('hashes with argon2id, salted, and verifies only the right secret', async () => {
    const [a, b] = await Promise.all([hashSecret('123456'), hashSecret('123456')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifySecret('123456', a)).toBe(true);
    expect(await verifySecret('123457', a)).toBe(false);
    expect(isOutdated(a)).toBe(false);
  });

  it('still verifies the scrypt hashes of hubs before schema v4, and calls them outdated', async () => {
    const salt = Buffer.from('salt-of-sixteen!');
    const legacy = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('654321', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    expect(await verifySecret('654321', legacy)).toBe(true);
    expect(await verifySecret('123456', legacy)).toBe(false);
    expect(isOutdated(legacy)).toBe(true);
    for (const junk of ['', 'x', 'scrypt$$$', '$argon2id$broken']) expect(await verifySecret('654321', junk)).toBe(false);
  });
});

describe('sign-in throttle', () => {
  it('locks an account after 5 failures and a place after 10, for 15 minutes', () => {
    const clock = manualClock();
    const throttle = new SignInThrottle(clock.now);
    for (let i = 0; i < 4; i++) throttle.fail({ account: 'a', place: 'p' });
    expect(throttle.wait({ account: 'a', place: 'p' })).toBe(0);
    throttle.fail({ account: 'a', place: 'p' });
    expect(throttle.wait({ account: 'a', place: 'q' })).toBe(LOCK_MS);
    expect(throttle.wait({ account: 'b', place: 'p' })).toBe(0);
    for (let i = 0; i < 5; i++) throttle.fail({ account: `other${i}`, place: 'p' });
    expect(throttle.wait({ account: 'b', place: 'p' })).toBe(LOCK_MS);
    clock.advance(LOCK_MS);
    expect(throttle.wait({ account: 'a', place: 'p' })).toBe(0);
  });

  it('forgets failures outside the window, and clears an account on success', () => {
    const clock = manualClock();
    const throttle = new SignInThrottle(clock.now);
    for (let i = 0; i < 4; i++) throttle.fail({ account: 'a', place: 'p' });
    clock.advance(16 * 60_000);
    throttle.fail({ account: 'a', place: 'p' });
    expect(throttle.wait({ account: 'a', place: 'p' })).toBe(0);
    for (let i = 0; i < 3; i++) throttle.fail({ account: 'a', place: 'p' });
    throttle.succeed({ account: 'a', place: 'p' });
    throttle.fail({ account: 'a', place: 'p' });
    expect(throttle.wait({ account: 'a', place: 'x' })).toBe(0);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then refills at the rule’s pace', () => {
    const clock = manualClock();
    const limits = new RateLimiter(clock.now);
    const rule = { burst: 3, perMinute: 6 };
    expect([1, 2, 3, 4].map(() => limits.take('k', rule))).toEqual([true, true, true, false]);
    expect(limits.take('other', rule)).toBe(true);
    clock.advance(10_000);
    expect([limits.take('k', rule), limits.take('k', rule)]).toEqual([true, false]);
  });
});

