// Console sessions and pairing codes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HallConfig } from '@yichuang/shared/domain';
import { describe, expect, it } from 'vitest';
import { MAX_OPEN, MAX_PER_ADDRESS, PairingCodes, PAIRING_TTL_MS } from './pairing.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS, Sessions } from './sessions.js';
import { manualClock } from './test-fixtures.js';

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'yichuang-sessions-'));

/** A hall with a console and three console accounts, as the sessions read it. */
const hall = (): HallConfig =>
  ({
    devices: [{ id: 'c1', role: 'console' }, { id: 'c2', role: 'console' }],
    staff: [
      { id: 's1', number: '0001', name: '甲', roles: ['manager', 'staff'] },
      { id: 's2', number: '0002', name: '乙', roles: ['admin'] },
      { id: 's3', number: '0003', name: '丙', roles: ['evaluator'] },
    ],
  }) as unknown as HallConfig;

async function sessionsIn(dataDir: string, clock: { now: () => number }, config = hall()): Promise<Sessions> {
  return Sessions.open(dataDir, clock.now, () => config, () => undefined);
}

describe('sessions', () => {
  it('expire after 30 minutes unused, and after 12 hours in any case', async () => {
    const clock = manualClock();
    const sessions = await sessionsIn(await tempDir(), clock);
    const s = await sessions.open({ deviceId: 'c1', staffId: 's1', demo: false });
    expect(s.token).toMatch(/^[\w-]{43}$/);
    clock.advance(SESSION_IDLE_MS - 1);
    expect(sessions.peek(s.token)).toBeDefined();
    clock.advance(2);
    expect(sessions.use(s.token)).toBeUndefined();

    const long = await sessions.open({ deviceId: 'c1', staffId: 's2', demo: false });
    for (let t = 0; t < SESSION_MAX_MS - SESSION_IDLE_MS; t += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      expect(sessions.use(long.token)).toBeDefined();
    }
    expect(sessions.operator(long.session)?.expiresAt).toBe(long.session.createdAt + SESSION_MAX_MS);
    clock.advance(SESSION_IDLE_MS);
    expect(sessions.use(long.token)).toBeUndefined();
  });

  it('ends a device’s sessions when asked, and only those', async () => {
    const sessions = await sessionsIn(await tempDir(), manualClock());
    const a = await sessions.open({ deviceId: 'c1', staffId: 's1', demo: false });
    const b = await sessions.open({ deviceId: 'c2', staffId: 's1', demo: false });
    await sessions.closeWhere((s) => s.deviceId === 'c1');
    expect(sessions.use(a.token)).toBeUndefined();
    expect(sessions.use(b.token)).toBeDefined();
  });

  it('survive a restart, keeping only token hashes on disk, with their idle and absolute limits', async () => {
    const dir = await tempDir();
    const clock = manualClock();
    const first = await sessionsIn(dir, clock);
    const kept = await first.open({ deviceId: 'c1', staffId: 's3', demo: false });
    const ended = await first.open({ deviceId: 'c1', staffId: 's1', demo: false });
    await first.close(ended.token);
    clock.advance(SESSION_IDLE_MS - 61_000);
    expect(first.use(kept.token)).toBeDefined();
    await first.flush();
    const file = await readFile(path.join(dir, 'sessions.json'), 'utf8');
    expect(file).not.toContain(kept.token);

    const second = await sessionsIn(dir, clock);
    expect(second.operator(second.use(kept.token)!)).toMatchObject({ staffId: 's3', roles: ['evaluator'] });
    expect(second.use(ended.token)).toBeUndefined();
    // Use within the last minute may be forgotten by a restart, never more: the session ends early, not late.
    clock.advance(SESSION_IDLE_MS);
    expect((await sessionsIn(dir, clock)).use(kept.token)).toBeUndefined();
  });

  it('act as their person is now: a changed role counts at once, a removed account or console ends them', async () => {
    const config = hall();
    const sessions = await sessionsIn(await tempDir(), manualClock(), config);
    const s = await sessions.open({ deviceId: 'c1', staffId: 's1', demo: false });
    expect(sessions.operator(sessions.use(s.token)!)?.roles).toEqual(['manager']);
    config.staff[0]!.roles = ['evaluator'];
    expect(sessions.operator(sessions.use(s.token)!)?.roles).toEqual(['evaluator']);
    config.staff[0]!.roles = ['staff'];
    expect(sessions.use(s.token)).toBeUndefined();
    const t = await sessions.open({ deviceId: 'c2', staffId: 's2', demo: false });
    config.devices = config.devices.filter((d) => d.id !== 'c2');
    expect(sessions.use(t.token)).toBeUndefined();
  });

  it('sign everyone out when the file cannot be read, rather than refuse to start', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sessions.json'), '{"schemaVersion":1,"sess');
    const sessions = await sessionsIn(dir, manualClock());
    expect(sessions.use('anything')).toBeUndefined();
    expect((await sessions.open({ deviceId: 'c1', staffId: 's1', demo: false })).token).toBeTruthy();
  });
});

describe('pairing codes', () => {
  it('hands a code’s token once to the screen holding the claim, and forgets old codes', () => {
    const clock = manualClock();
    const codes = new PairingCodes(clock.now);
    const first = codes.request('kiosk', '10.0.0.5')!;
    expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(codes.open()).toEqual([{ screen: 'kiosk', address: '10.0.0.5', requestedAt: clock.now(), expiresAt: clock.now() + PAIRING_TTL_MS }]);
    expect(codes.approve('AAAAAA', { token: 't', page: '/kiosk/' })).toBe(false);
    expect(codes.approve(first.code, { token: 'secret', page: '/kiosk/' })).toBe(true);
    expect(codes.open()).toEqual([]);
    expect(codes.status(first.claim)).toEqual({ status: 'approved', token: 'secret', page: '/kiosk/' });
    expect(codes.status(first.claim)).toBeUndefined();

    const second = codes.request('board', '10.0.0.6')!;
    clock.advance(PAIRING_TTL_MS);
    expect(codes.status(second.claim)).toBeUndefined();
    expect(codes.has(second.code)).toBe(false);
  });

  it('never turns a screen away: an address at its cap, or a full codes, gives up its oldest requests', () => {
    const codes = new PairingCodes(manualClock().now);
    // One address floods: it keeps only its newest codes.
    const flood = Array.from({ length: 60 }, () => codes.request('kiosk', '10.0.0.9'));
    expect(codes.open().filter((r) => r.address === '10.0.0.9')).toHaveLength(MAX_PER_ADDRESS);
    expect(codes.has(flood.at(-1)!.code)).toBe(true);
    expect(codes.has(flood[0]!.code)).toBe(false);
    // Many addresses fill the codes: a new console still gets a code, and the flooders pay for it.
    for (let i = 0; i < MAX_OPEN; i++) codes.request('kiosk', `10.0.1.${i % 30}`);
    const console = codes.request('console', '10.0.2.1');
    expect(codes.has(console.code)).toBe(true);
    expect(codes.open().length).toBeLessThanOrEqual(MAX_OPEN);
  });
});

