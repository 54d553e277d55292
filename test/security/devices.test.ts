// Device pairing and revocation over real sockets: a new screen gets a code, a manager approves it
// with a role and place, the screen collects its token once; a revoked device is told and
// disconnected at once, and its token no longer opens a connection. Tokens are stored hashed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, connectClient, next, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { pairDevice, post, raw } from './helpers.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const configFile = async (): Promise<string> => readFile(path.join(t.dataDir, 'config.json'), 'utf8');

describe('pairing', () => {
  it('gives a new screen a 6-character code without look-alikes, and its token once approved', async () => {
    const asked = await post(t.hub.url, '/api/pairing', { screen: 'kiosk' });
    expect(asked.status).toBe(200);
    const { code, claim } = ((await asked.json()) as { data: { code: string; claim: string } }).data;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect((await (await fetch(`${t.hub.url}/api/pairing/${claim}`)).json()).data).toMatchObject({ status: 'pending', code });

    const console = await t.connect('demo-console-1');
    const listed = await console.emitWithAck('device:list', {});
    // Consoles see that a kiosk is waiting, not its code: only someone at the screen can pair it.
    expect(listed.ok && listed.data.requests).toEqual([expect.objectContaining({ screen: 'kiosk' })]);
    expect(JSON.stringify(listed)).not.toContain(code);

    const badPlace = await console.emitWithAck('device:approve', { cmdId: cmdId(), code, device: { name: '3号取号机', role: 'kiosk', zone: 'nowhere' } });
    expect(badPlace).toMatchObject({ ok: false, error: { code: 'BAD_PLACE' } });
    const wrongCode = await console.emitWithAck('device:approve', { cmdId: cmdId(), code: 'ZZZZZZ', device: { name: '3号取号机', role: 'kiosk', zone: 'hall' } });
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PAIRING_CODE', messageEn: expect.stringContaining('ZZZZZZ') } });
    const approved = await console.emitWithAck('device:approve', { cmdId: cmdId(), code: code.toLowerCase(), device: { name: '3号取号机', role: 'kiosk', zone: 'hall' } });
    expect(approved.ok && approved.data.devices.find((d) => d.name === '3号取号机')).toMatchObject({ id: 'kiosk-3', role: 'kiosk', zone: 'hall', demo: false });

    const collected = (await (await fetch(`${t.hub.url}/api/pairing/${claim}`)).json()) as { data: { status: string; token: string; page: string } };
    expect(collected.data).toMatchObject({ status: 'approved', page: '/kiosk/' });
    expect(collected.data.token.length).toBeGreaterThanOrEqual(40);
    // Handed out once; the claim is gone after.
    expect((await fetch(`${t.hub.url}/api/pairing/${claim}`)).status).toBe(404);

    const kiosk = await connectClient(t.hub.url, collected.data.token);
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    kiosk.disconnect();
    // Only the hash of the token is kept.
    expect(await configFile()).not.toContain(collected.data.token);
    console.disconnect();
  });

  it('lists the demo devices as demo', async () => {
    const console = await t.connect('demo-console-1');
    const list = await console.emitWithAck('device:list', {});
    expect(list.ok && list.data.devices.find((d) => d.id === 'kiosk-1')).toMatchObject({ demo: true, online: false });
    expect(list.ok && list.data.devices.find((d) => d.id === 'console-1')).toMatchObject({ demo: true, online: true });
    expect(JSON.stringify(list)).not.toMatch(/tokenHash|sha256:/);
    console.disconnect();
  });
});

describe('revocation', () => {
  it('tells a revoked device, disconnects it at once, and refuses its token from then on', async () => {
    const board = await pairDevice(t, { name: '二楼叫号屏', role: 'board', zone: 'hall' });
    const client = await connectClient(t.hub.url, board.token);
    const told = next(client, 'device:revoked');
    const gone = new Promise<string>((resolve) => client.once('disconnect', resolve));
    const console = await t.connect('demo-console-1');
    const revoked = await console.emitWithAck('device:revoke', { cmdId: cmdId(), deviceId: board.id });
    expect(revoked.ok && revoked.data.devices.some((d) => d.id === board.id)).toBe(false);
    await told;
    expect(await gone).toBe('io server disconnect');
    await expect(connectClient(t.hub.url, board.token)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const audit = await raw(console, 'audit:list', {});
    expect(audit.data).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'device.revoke', target: board.id })]));
    console.disconnect();
  });

  it('keeps the demo console while it is the only one: nobody could pair another after it', async () => {
    const console = await t.connect('demo-console-1');
    expect(await console.emitWithAck('device:revokeDemo', { cmdId: cmdId() })).toMatchObject({
      ok: false,
      error: { code: 'LAST_CONSOLE', message: expect.stringMatching(/请先配对一台正式的管理控制台/), messageEn: expect.stringMatching(/Pair a real console first/) },
    });
    expect(await console.emitWithAck('device:revoke', { cmdId: cmdId(), deviceId: 'console-1' })).toMatchObject({ ok: false, error: { code: 'LAST_CONSOLE' } });
    console.disconnect();
  });

  it('revokes every demo device at once, disconnecting those online', async () => {
    const real = await pairDevice(t, { name: '管理室控制台', role: 'console' });
    const kiosk = await t.connect('demo-kiosk-2');
    const gone = new Promise<string>((resolve) => kiosk.once('disconnect', resolve));
    const console = await t.connect('demo-console-1');
    const consoleGone = new Promise<string>((resolve) => console.once('disconnect', resolve));
    void console.emit('device:revokeDemo', { cmdId: cmdId() }, () => undefined);
    expect(await gone).toBe('io server disconnect');
    // The demo console was one of them.
    expect(await consoleGone).toBe('io server disconnect');
    expect(await configFile()).not.toMatch(/"demo": true/);
    await expect(connectClient(t.hub.url, 'demo-kiosk-1')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    expect(await configFile()).toContain(real.id);
  });
});

// Last: it spends this address's pairing allowance.
describe('the open pairing entry', () => {
  it('refuses a pairing request for no known screen, and floods from one address', async () => {
    expect((await post(t.hub.url, '/api/pairing', { screen: 'toaster' })).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(t.hub.url, '/api/pairing', { screen: 'board' })).status);
    expect(statuses).toContain(429);
  });
});
