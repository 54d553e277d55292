// A command id belongs to one command. A retried command — also after a restart — gets its first
// answer and acts once; the same id sent with another command is refused plainly and does nothing.
import { describe, expect, it } from 'vitest';
import { cmdId, restartableHubs, tempDir, type Client, type TestHub } from './helpers/test-hub.js';

const { start, restart } = restartableHubs();

async function signedInWindow(t: TestHub): Promise<Client> {
  const window = await t.connect('demo-window-01');
  expect(await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).toMatchObject({ ok: true });
  return window;
}

const REUSED = { ok: false, error: { code: 'CMD_ID_REUSED', message: expect.stringMatching(/操作编号已用于另一项操作/), messageEn: expect.stringMatching(/already used for another command/) } };

describe('command ids', () => {
  it('refuses an id taken by a ticket issue for a call, and the other way round, before and after a restart', async () => {
    let t = await start(await tempDir());
    const kiosk = await t.connect('demo-kiosk-1');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    let window = await signedInWindow(t);

    const issued = cmdId();
    expect(await window.emitWithAck('ticket:issue', { cmdId: issued, categoryId: 'general' })).toMatchObject({ ok: true, data: { ticket: { number: 'A002' } } });
    expect(await window.emitWithAck('window:callNext', { cmdId: issued, windowId: 'w01' })).toMatchObject(REUSED);
    const called = cmdId();
    expect(await window.emitWithAck('window:callNext', { cmdId: called, windowId: 'w01' })).toMatchObject({ ok: true, data: { ticket: { number: 'A001' } } });
    expect(await window.emitWithAck('ticket:issue', { cmdId: called, categoryId: 'general' })).toMatchObject(REUSED);
    // The retry of each is still answered with its own first result.
    expect(await window.emitWithAck('ticket:issue', { cmdId: issued, categoryId: 'general' })).toMatchObject({ ok: true, data: { ticket: { number: 'A002' } } });

    t = await restart(t);
    window = await t.connect('demo-window-01');
    expect(await window.emitWithAck('window:finish', { cmdId: issued, windowId: 'w01', outcome: 'done' })).toMatchObject(REUSED);
    expect(await window.emitWithAck('ticket:issue', { cmdId: called, categoryId: 'general' })).toMatchObject(REUSED);
    const queues = (await (await fetch(`${t.hub.url}/api/stats/today`)).json()) as { data: { total: { issued: number; called: number } } };
    expect(queues.data.total).toMatchObject({ issued: 2, called: 1 });
  });

  it('answers a suggestion and a help request resent after a restart with their first answers, once each', async () => {
    let t = await start(await tempDir());
    let kiosk = await t.connect('demo-kiosk-1');
    const [suggestion, help] = [cmdId(), cmdId()];
    const first = await kiosk.emitWithAck('kiosk:suggest', { cmdId: suggestion, kind: 'praise', text: '服务很好' });
    const asked = await kiosk.emitWithAck('kiosk:help', { cmdId: help });
    expect(first.ok && asked.ok).toBe(true);

    t = await restart(t);
    kiosk = await t.connect('demo-kiosk-1');
    expect(await kiosk.emitWithAck('kiosk:suggest', { cmdId: suggestion, kind: 'praise', text: '服务很好' })).toEqual(first);
    expect(await kiosk.emitWithAck('kiosk:help', { cmdId: help })).toEqual(asked);
    expect(await kiosk.emitWithAck('kiosk:help', { cmdId: suggestion })).toMatchObject(REUSED);
    const console = await t.connect('demo-console-1');
    const list = await console.emitWithAck('kiosk:suggestions', {});
    expect(list.ok && list.data.length).toBe(1);
  });
});
