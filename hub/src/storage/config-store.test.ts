import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallConfig, WeekHours } from '@yichuang/shared/domain';
import { tokenHash } from '../security/device-tokens.js';
import { ConfigStore } from './config-store.js';
import { SCHEMA_VERSION } from './migrations.js';

const week: WeekHours = [[], [{ start: '09:00', end: '17:00' }], [], [], [], [], []];

function seedConfig(): HallConfig {
  return {
    schemaVersion: SCHEMA_VERSION,
    hall: {
      id: 'hall-1',
      name: '政务服务中心',
      nameEn: 'Service Centre',
      address: '',
      timeZone: 'Asia/Shanghai',
      schedule: { hours: week, holidays: [], makeupWorkdays: [] },
      zones: [],
    },
    categories: [],
    windows: [
      { id: 'w1', number: 1, name: '综合窗口', nameEn: 'Window 1', kind: 'comprehensive', department: '', categories: [{ categoryId: 'A', weight: 1 }] },
    ],
    staff: [],
    devices: [],
    rules: { priorityBurst: 3, recallCap: 2, noShowRequeuePlaces: 3, appointmentEarlyMinutes: 15 },
    evaluation: { badReasons: ['其他'], padTimeoutSeconds: 60, caseDeadlines: { verifyDays: 1, rectifyDays: 5, followUpDays: 10 }, platform: { profile: 'national', regionCode: '330106', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' } },
    retention: { personalDataDays: 365 },
  };
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-config-'));
  file = path.join(dir, 'config.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = async (): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

describe('ConfigStore', () => {
  it('writes the seed to disk in a data dir it creates, and reads it back on reopen', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const store = await ConfigStore.open(dataDir, seedConfig);
    expect(JSON.parse(await readFile(path.join(dataDir, 'config.json'), 'utf8'))).toEqual(seedConfig());
    expect(store.config).toEqual(seedConfig());

    let seeded = false;
    const again = await ConfigStore.open(dataDir, () => {
      seeded = true;
      return seedConfig();
    });
    expect(seeded).toBe(false);
    expect(again.config).toEqual(seedConfig());
  });

  it('makes an update durable and swaps in a new object', async () => {
    const store = await ConfigStore.open(dir, async () => seedConfig());
    const before = store.config;
    const after = await store.update((draft) => {
      draft.hall.name = '新名称';
    });
    expect(store.config).toBe(after);
    expect(before.hall.name).toBe('政务服务中心');
    expect(await onDisk()).toMatchObject({ hall: { name: '新名称' } });
  });

  it('applies concurrent updates one after another', async () => {
    const store = await ConfigStore.open(dir, seedConfig);
    await Promise.all([1, 2, 3].map((n) => store.update((d) => void d.staff.push({ ...staff, id: `s${n}` }))));
    expect(store.config.staff.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(await onDisk()).toMatchObject({ staff: [{ id: 's1' }, { id: 's2' }, { id: 's3' }] });
  });

  it('leaves memory and disk unchanged when the write fails', async () => {
    const store = await ConfigStore.open(dir, seedConfig);
    const before = store.config;
    // lowdb writes .config.json.tmp then renames it; a directory in its place makes the write fail, even as root.
    await mkdir(path.join(dir, '.config.json.tmp'));
    await expect(store.update((d) => void (d.hall.name = 'lost'))).rejects.toThrow();
    expect(store.config).toBe(before);
    expect(store.config.hall.name).toBe('政务服务中心');
    expect(await onDisk()).toEqual(seedConfig());
  });

  it('migrates a v1 file after copying it aside', async () => {
    const v1 = { ...seedConfig(), schemaVersion: 1, rules: undefined, evaluation: undefined, windows: [{ ...seedConfig().windows[0], categories: ['A', 'B'] }] };
    const v1Text = JSON.stringify(v1);
    await writeFile(file, v1Text);
    const store = await ConfigStore.open(dir, seedConfig);

    const backups = await readdir(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^config\.v1\..+\.json$/);
    expect(await readFile(path.join(dir, 'backups', backups[0]!), 'utf8')).toBe(v1Text);

    const expected = {
      schemaVersion: SCHEMA_VERSION,
      windows: [{ id: 'w1', categories: [{ categoryId: 'A', weight: 1 }, { categoryId: 'B', weight: 1 }] }],
      rules: { priorityBurst: 3, recallCap: 2, noShowRequeuePlaces: 3, appointmentEarlyMinutes: 15 },
      evaluation: { padTimeoutSeconds: 60, caseDeadlines: { verifyDays: 1, rectifyDays: 5, followUpDays: 10 } },
    };
    expect(store.config).toMatchObject(expected);
    expect(await onDisk()).toMatchObject(expected);
  });

  it('migrates a v3 file: device tokens become hashes, retention is added, PIN hashes stay', async () => {
    const { retention: _retention, ...current } = seedConfig();
    const kiosk = { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', zone: 'hall', token: 'secret-token-1', demo: false };
    await writeFile(file, JSON.stringify({ ...current, schemaVersion: 3, staff: [staff], devices: [kiosk] }));
    const store = await ConfigStore.open(dir, seedConfig);

    const { token: _token, ...rest } = kiosk;
    expect(store.config.devices).toEqual([{ ...rest, tokenHash: tokenHash('secret-token-1') }]);
    expect(store.config.retention).toEqual({ personalDataDays: 365 });
    expect(store.config.staff).toEqual([staff]);
    expect(await readFile(file, 'utf8')).not.toContain('secret-token-1');
    expect(await readdir(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^config\.v3\..+\.json$/)]);
  });

  it('tells listeners of each durable change, with the config before and after', async () => {
    const store = await ConfigStore.open(dir, seedConfig);
    const seen: string[] = [];
    store.onChange((after, before) => seen.push(`${before.hall.name} → ${after.hall.name}`));
    await store.update((d) => void (d.hall.name = '甲'));
    await expect(store.update(() => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(seen).toEqual(['政务服务中心 → 甲']);
  });

  it('refuses a file from a newer hub, in Chinese and English', async () => {
    await writeFile(file, JSON.stringify({ ...seedConfig(), schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(ConfigStore.open(dir, seedConfig)).rejects.toThrow(/高于本程序支持.*newer than this hub supports/s);
  });

  it('refuses invalid JSON, names the file and leaves it untouched', async () => {
    await writeFile(file, '{"schemaVersion": 2,');
    const error = await ConfigStore.open(dir, seedConfig).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/不是有效的 JSON.*not valid JSON/s);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 2,');
  });

  it('refuses a file with a bad field, naming the field in Chinese and English, and leaves it untouched', async () => {
    const text = JSON.stringify({ ...seedConfig(), rules: { ...seedConfig().rules, recallCap: 'two' } });
    await writeFile(file, text);
    const error = await ConfigStore.open(dir, seedConfig).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/rules\.recallCap 无效.*rules\.recallCap is invalid/s);
    expect((error as Error).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses a missing section and a value outside a closed list, naming each', async () => {
    const { evaluation: _evaluation, ...noEvaluation } = seedConfig();
    await writeFile(file, JSON.stringify(noEvaluation));
    await expect(ConfigStore.open(dir, seedConfig)).rejects.toThrow(/ evaluation 无效/);
    await writeFile(file, JSON.stringify({ ...seedConfig(), devices: [{ id: 'k1', name: '取号机', role: 'printer', tokenHash: 'sha256:x', demo: false }] }));
    await expect(ConfigStore.open(dir, seedConfig)).rejects.toThrow(/devices\[0\]\.role is invalid/);
  });

  it('migrates an old file before checking it, and writes nothing when it is refused', async () => {
    const { retention: _retention, ...v3 } = seedConfig();
    const text = JSON.stringify({ ...v3, schemaVersion: 3, devices: [], windows: [{ ...v3.windows[0], number: -1 }] });
    await writeFile(file, text);
    // retention, which the v3→v4 step adds, is not the complaint: the window number is.
    await expect(ConfigStore.open(dir, seedConfig)).rejects.toThrow(/windows\[0\]\.number 无效/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses a file holding JSON null instead of seeding over it', async () => {
    await writeFile(file, 'null');
    await expect(ConfigStore.open(dir, seedConfig)).rejects.toThrow(/schemaVersion/);
    expect(await readFile(file, 'utf8')).toBe('null');
  });
});

const staff: HallConfig['staff'][number] = {
  id: '',
  number: '001',
  name: '张三',
  department: '',
  title: '',
  pinHash: 'scrypt$16384$8$1$x$y',
  roles: ['staff'],
};
