import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Device } from '@yichuang/shared/domain';
import type { KioskStatus } from '@yichuang/shared/kiosk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DayFiles } from '../storage/day-files.js';
import { readJsonl } from '../storage/jsonl-file.js';
import { KioskPresence } from './kiosk-presence.js';
import type { PresenceRecord } from './uptime.js';

const TZ = 'Asia/Shanghai';
const kiosk = { id: 'terminal24-1', name: '24小时自助终端', role: 'kiosk', zone: 'self24', demo: true } as Device;
const MIN = 60_000;

let dir: string;
let now: number;
let changes: KioskStatus[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'presence-'));
  now = Date.parse('2026-11-23T15:50:00Z'); // 23:50 hall time
  changes = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = () =>
  KioskPresence.open({
    files: new DayFiles<PresenceRecord>(dir, () => TZ),
    kiosks: () => [kiosk],
    zones: () => [{ id: 'self24', name: '24小时自助服务区', nameEn: '24-hour area' }],
    clock: () => now,
    timeZone: () => TZ,
    log: () => undefined,
    changed: (s) => changes.push(s),
  });
const lines = (day: string): Promise<PresenceRecord[]> => readJsonl<PresenceRecord>(path.join(dir, `${day}.jsonl`));
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('kiosk presence', () => {
  it('carries an online kiosk across midnight: the old day ends and the new day starts with it online', async () => {
    const presence = await open();
    presence.online(kiosk);
    presence.online(kiosk); // a second socket (the page reloading) is not a second arrival
    presence.heartbeat(kiosk, 'self-service', false);
    now += 20 * MIN; // 00:10
    await presence.summarise();
    await settle();

    expect((await lines('2026-11-23')).map((r) => r.t)).toEqual(['hub-start', 'online', 'day-end']);
    expect((await lines('2026-11-24')).map((r) => r.t)).toEqual(['day-start', 'beats']);
    const status = (await presence.statuses())[0]!;
    expect(status).toMatchObject({ online: true, mode: 'self-service', zone: { name: '24小时自助服务区' } });
    expect(status.today).toEqual({ upMs: 10 * MIN, spanMs: 10 * MIN });
    expect(status.week).toEqual({ upMs: 20 * MIN, spanMs: 20 * MIN });

    presence.offline(kiosk);
    await settle();
    expect(changes.at(-1)).toMatchObject({ online: true }); // one socket left
    presence.offline(kiosk);
    now += 5 * MIN;
    await settle();
    const after = (await presence.statuses())[0]!;
    expect(after).toMatchObject({ online: false, since: now - 5 * MIN });
    expect(after.today).toEqual({ upMs: 10 * MIN, spanMs: 15 * MIN });
    await presence.close();
    expect((await lines('2026-11-24')).map((r) => r.t)).toEqual(['day-start', 'beats', 'offline', 'hub-stop']);
  });

  it('counts a kiosk cut off by a hub crash as up until the last record that showed it', async () => {
    await writeFile(
      path.join(dir, '2026-11-23.jsonl'),
      [
        { v: 1, at: now - 60 * MIN, t: 'hub-start' },
        { v: 1, at: now - 50 * MIN, t: 'online', device: kiosk.id },
        { v: 1, at: now - 30 * MIN, t: 'beats', device: kiosk.id, n: 40 },
        '{"v":1,"at":', // torn by the crash
      ]
        .map((r) => (typeof r === 'string' ? r : JSON.stringify(r)))
        .join('\n'),
    );
    const presence = await open();
    const status = (await presence.statuses())[0]!;
    expect(status.online).toBe(false);
    expect(status.today).toEqual({ upMs: 20 * MIN, spanMs: 60 * MIN });
    presence.online(kiosk);
    await settle();
    expect((await lines('2026-11-23')).map((r) => r.t)).toEqual(['hub-start', 'online', 'beats', 'hub-start', 'online']);
    await presence.close();
  });
});
