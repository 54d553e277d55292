// Must show: back up a running hub's data folder while a kiosk keeps issuing tickets, restore it
// into a new folder, start a hub on it, and find every ticket acknowledged before the backup
// started, and the settings. (Ratings join this check with the ratings issue.)
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killed, seedAllDayHall, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { cmdId, connectClient, tempDir, type Client } from '../helpers/test-hub.js';
import { runScript } from './run-script.js';

const running: HubProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => killed(p.child)));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function hubOn(dataDir: string): Promise<HubProcess> {
  const hub = await startHubProcess(dataDir);
  running.push(hub);
  return hub;
}

// The demo console's token as a bearer: reports need a console operator (the demo hall's manager).
const get = async (url: string) => (await fetch(url, { headers: { authorization: 'Bearer demo-console-1' } })).json();
const number = (prefix: string, n: number): string => `${prefix}${String(n).padStart(3, '0')}`;

/** A visit served at window 1 and rated 不满意 on its pad (which opens a case); resolves once acknowledged. */
async function rateOneVisit(url: string, kiosk: Client): Promise<{ ticketId: string }> {
  const [w1, pad] = await Promise.all([connectClient(url, 'demo-window-01'), connectClient(url, 'demo-pad-01')]);
  const must = <T extends { ok: boolean }>(ack: T): T => {
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return ack;
  };
  must(await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' }));
  const issued = must(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
  must(await w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' }));
  must(await w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' }));
  must(await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' }));
  const ticketId = issued.ok ? issued.data.ticket.id : '';
  must(await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'dissatisfied', reasons: ['服务态度'] }));
  w1.disconnect();
  pad.disconnect();
  return { ticketId };
}

/** Keeps issuing tickets in two categories until stopped; `acked` grows in acknowledgement order. */
function issueContinuously(kiosk: Client) {
  const acked: string[] = [];
  let stop = false;
  const issuer = async (categoryId: string): Promise<void> => {
    while (!stop) {
      const ack = await kiosk.timeout(5000).emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
      if (!ack.ok) throw new Error(`issue refused: ${ack.error.message}`);
      acked.push(ack.data.ticket.number);
    }
  };
  const done = Promise.all([issuer('general'), issuer('social'), issuer('general')]);
  return {
    acked,
    async stop() {
      stop = true;
      await done;
    },
  };
}

const until = async (check: () => boolean): Promise<void> => {
  await expect.poll(check, { timeout: 20_000, interval: 5 }).toBe(true);
};

describe('backup and restore of a running hub', () => {
  it('keeps every ticket and rating acknowledged before the backup, and the settings', async () => {
    const [dataDir, backupDir, newHome] = await Promise.all([tempDir('yichuang-live-'), tempDir('yichuang-backups-'), tempDir('yichuang-restored-')]);
    dirs.push(dataDir, backupDir, newHome);

    // Settings that differ from the seed, and a small side file of another module.
    const config = await seedAllDayHall(dataDir);
    config.hall.name = '备份演练中心';
    config.categories.find((c) => c.id === 'social')!.name = '社会事务（备份演练）';
    await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(config));
    await writeFile(path.join(dataDir, 'printers.json'), JSON.stringify({ printers: [{ id: 'p1', kioskId: 'kiosk-1' }] }));

    const live = await hubOn(dataDir);
    const kiosk = await connectClient(live.url, 'demo-kiosk-1');
    const rated = await rateOneVisit(live.url, kiosk);
    const issuing = issueContinuously(kiosk);
    await until(() => issuing.acked.length >= 30);

    const ackedBefore = [...issuing.acked];
    const backup = await runScript('backup.sh', ['--data', dataDir, '--dest', backupDir, '--keep', '3']);
    expect(backup.code, backup.stderr).toBe(0);
    const archive = backup.stdout.trim().split('\n').at(-1)!;
    expect(archive).toMatch(/yichuang-backup-\d{8}-\d{6}-\d{3}\.tar\.gz$/);
    // Issuing went on across the backup: the hub never paused for it.
    const ackedByBackupEnd = issuing.acked.length;
    await until(() => issuing.acked.length >= ackedByBackupEnd + 10);
    await issuing.stop();
    kiosk.disconnect();
    const configAtBackup = await readFile(path.join(dataDir, 'config.json'), 'utf8');
    live.child.kill('SIGTERM');
    await killed(live.child);

    const restoredDir = path.join(newHome, 'data');
    const restore = await runScript('restore.sh', [archive, '--data', restoredDir, '--owner', os.userInfo().username]);
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await hubOn(restoredDir);

    for (const n of ackedBefore) {
      expect(await get(`${restored.url}/api/tickets/${n}`), n).toMatchObject({ ok: true, data: { number: n } });
    }
    // What the copy holds is each category's numbers from 001 on, without a gap.
    const stats = await get(`${restored.url}/api/stats/today`);
    for (const [prefix, id] of [['A', 'general'], ['B', 'social']] as const) {
      const issued: number = stats.data.byCategory[id].issued;
      expect(issued).toBeGreaterThanOrEqual(ackedBefore.filter((n) => n.startsWith(prefix)).length);
      expect(issued).toBeLessThanOrEqual(issuing.acked.filter((n) => n.startsWith(prefix)).length);
      expect((await fetch(`${restored.url}/api/tickets/${number(prefix, issued)}`)).status).toBe(200);
      expect((await fetch(`${restored.url}/api/tickets/${number(prefix, issued + 1)}`)).status).toBe(404);
    }

    const hall = await get(`${restored.url}/api/hall`);
    const day = rated.ticketId.slice(0, 10);
    const ratings = await get(`${restored.url}/api/reports/ratings.json?from=${day}&to=${day}`);
    const recordId = `${day.replaceAll('-', '')}${rated.ticketId.slice(11)}`; // <行政区划><hall><YYYYMMDD><number>
    expect(ratings.data).toEqual([expect.objectContaining({ caseNumber: expect.stringMatching(new RegExp(`${recordId}$`)), level: '不满意', reasons: ['服务态度'] })]);
    expect(hall.data.hall.name).toBe('备份演练中心');
    expect(hall.data.categories.find((c: { id: string }) => c.id === 'social').name).toBe('社会事务（备份演练）');
    expect(JSON.parse(await readFile(path.join(restoredDir, 'config.json'), 'utf8'))).toEqual(JSON.parse(configAtBackup));
    expect(await readFile(path.join(restoredDir, 'printers.json'), 'utf8')).toBe(await readFile(path.join(dataDir, 'printers.json'), 'utf8'));

    // The restored hall goes on numbering where its copy ended.
    const again = await connectClient(restored.url, 'demo-kiosk-1');
    const next = await again.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'social' });
    again.disconnect();
    expect(next).toMatchObject({ ok: true, data: { ticket: { number: number('B', stats.data.byCategory.social.issued + 1) } } });
  });
});
