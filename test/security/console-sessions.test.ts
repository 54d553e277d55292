// Console sessions across a hub restart: a person signed in stays signed in (sessions are kept on
// disk, as hashes), with their own roles and nothing more; a console whose session is gone is nobody,
// even a demo console, and is told so.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmdId, next, restartableHubs, tempDir } from '../helpers/test-hub.js';
import { connectWithCookie, pairDevice, raw, signIn } from './helpers.js';

const { start, restart } = restartableHubs();

const whoIs = async (url: string, cookie: string): Promise<unknown> =>
  ((await (await fetch(`${url}/api/session`, { headers: { cookie } })).json()) as { data: unknown }).data;

describe('console sessions across a restart', () => {
  it('keeps an evaluator signed in, and an evaluator can still only read', async () => {
    let t = await start(await tempDir());
    const console = await pairDevice(t, { name: '评估席', role: 'console' });
    const { cookie } = await signIn(t.hub.url, console.token, '0003');
    t = await restart(t);

    expect(await whoIs(t.hub.url, cookie!)).toMatchObject({ staffId: 's0003', roles: ['evaluator'] });
    const evaluator = await connectWithCookie(t.hub.url, console.token, cookie);
    expect((await raw(evaluator, 'live:snapshot', {})).ok).toBe(true);
    expect((await raw(evaluator, 'case:list', { cmdId: cmdId() })).ok).toBe(true);
    expect((await raw(evaluator, 'live:assignTidal', { cmdId: cmdId(), windowId: 'w15', categoryId: 'c-a' })).error?.code).toBe('ROLE_FORBIDDEN');
    expect((await raw(evaluator, 'live:acknowledge', { cmdId: cmdId(), alertId: 'any' })).error?.code).toBe('ROLE_FORBIDDEN');
    expect((await fetch(`${t.hub.url}/api/reports?from=2026-11-23&to=2026-11-23`, { headers: { cookie: cookie! } })).status).toBe(200);
    const layout = await fetch(`${t.hub.url}/api/printing/layout`, { method: 'PUT', headers: { cookie: cookie!, 'content-type': 'application/json' }, body: '{}' });
    expect(layout.status).toBe(403);
    evaluator.disconnect();
  });

  it('makes nobody of a demo console whose person’s session is gone, and tells the console', async () => {
    let t = await start(await tempDir());
    const { cookie } = await signIn(t.hub.url, 'demo-console-1', '0003');
    t = await restart(t, () => rm(path.join(t.dataDir, 'sessions.json')));

    expect(await whoIs(t.hub.url, cookie!)).toBeNull();
    const stale = await connectWithCookie(t.hub.url, 'demo-console-1', cookie);
    const ended = next(stale, 'session:ended');
    expect((await raw(stale, 'live:assignTidal', { cmdId: cmdId(), windowId: 'w15', categoryId: 'c-a' })).error?.code).toBe('SIGN_IN_REQUIRED');
    expect((await raw(stale, 'sync:snapshot', {})).error?.code).toBe('SIGN_IN_REQUIRED');
    await ended;
    stale.disconnect();
    // A demo console that never had a session is still the demo hall's manager, as its public token says.
    const demo = await t.connect('demo-console-1');
    expect((await raw(demo, 'live:snapshot', {})).ok).toBe(true);
  });

  it('signs a person out for good: the cookie is dead after a restart too', async () => {
    let t = await start(await tempDir());
    const console = await pairDevice(t, { name: '管理室', role: 'console' });
    const { cookie } = await signIn(t.hub.url, console.token, '0001');
    await fetch(`${t.hub.url}/api/session`, { method: 'DELETE', headers: { cookie: cookie! } });
    t = await restart(t);
    expect(await whoIs(t.hub.url, cookie!)).toBeNull();
    expect((await fetch(`${t.hub.url}/api/cases`, { headers: { cookie: cookie! } })).status).toBe(401);
  });
});
