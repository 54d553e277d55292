// What a hub finds in its data folder at start, and what it does about it: a folder it cannot write
// is refused at once (not at the first kiosk's connection); a key file left empty by a crash at first
// start is made again when nothing was sealed with it, and refused when something was.
//
// The read-only case mounts a tmpfs (test/helpers/mounts.ts; needs root, as CI runs) and remounts it
// read-only: as root, file modes alone would not stop the hub writing.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serviceDay } from '@yichuang/shared/time';
import { afterAll, describe, expect, it } from 'vitest';
import { hubProcesses, seedAllDayHall } from '../helpers/hub-process.js';
import { mountTmpfs, type Mount } from '../helpers/mounts.js';
import { tempDir } from '../helpers/test-hub.js';

const { start, stop, refusal } = hubProcesses();
const mounts: Mount[] = [];
const folders: string[] = [];

afterAll(async () => {
  for (const m of mounts) await m.remove();
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await tempDir('yichuang-keys-');
  folders.push(dir);
  return dir;
}

async function book(url: string): Promise<{ code: string }> {
  const slots = (await (await fetch(`${url}/api/appointments/slots?categoryId=general&day=${tomorrow()}`)).json()) as { ok: boolean; data: Array<{ start: number; open: boolean }> };
  expect(slots.ok).toBe(true);
  const slot = slots.data.find((s) => s.open)!;
  const res = await fetch(`${url}/api/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId: 'general', slotStart: slot.start, phone: '13812345678', name: '王小明', requestId: `r${Date.now()}` }),
  });
  const body = (await res.json()) as { ok: boolean; data: { code: string } };
  expect(body).toMatchObject({ ok: true });
  return body.data;
}

const tomorrow = (): string => serviceDay(Date.now() + 86_400_000, 'Asia/Shanghai');

describe('a data folder the hub cannot write', () => {
  it('is refused at start, in Chinese and English, with a non-zero exit', async () => {
    const mount = await mountTmpfs('4m');
    mounts.push(mount);
    const dataDir = path.join(mount.dir, 'data');
    await mkdir(dataDir);
    await seedAllDayHall(dataDir);
    // A hall that has run before: its keys and files exist, so nothing is missing that would fail early.
    await stop(await start(dataDir));
    await mount.readOnly();

    const said = await refusal(dataDir);
    expect(said).toMatch(/exited with 1/);
    expect(said).toMatch(/数据目录.*无法写入[\s\S]*cannot write to the data folder/);
    expect(said).toMatch(/只读[\s\S]*read-only/);
  });
});

describe('key files left empty by a crash at first start', () => {
  it('are made again when nothing was sealed with them, and the hub keeps running', async () => {
    const dataDir = await folder();
    await seedAllDayHall(dataDir);
    await writeFile(path.join(dataDir, 'secret.key'), '');
    await writeFile(path.join(dataDir, 'appointments.key'), '');

    const hub = await start(dataDir);
    await book(hub.url);
    expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
    expect(hub.child.exitCode).toBeNull();
    expect((await readFile(path.join(dataDir, 'secret.key'))).length).toBe(32);
    expect((await readFile(path.join(dataDir, 'appointments.key'), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(path.join(dataDir, 'appointments.key'))).mode & 0o777).toBe(0o600);
    expect(hub.output()).toMatch(/appointments\.key.*新密钥[\s\S]*new key/);
  });

  it('are refused when bookings were sealed with the key, saying to restore it from a backup', async () => {
    const dataDir = await folder();
    await seedAllDayHall(dataDir);
    const hub = await start(dataDir);
    await book(hub.url);
    await stop(hub);
    await writeFile(path.join(dataDir, 'appointments.key'), '');

    const said = await refusal(dataDir);
    expect(said).toMatch(/exited with 1/);
    expect(said).toMatch(/appointments\.key.*已损坏.*备份[\s\S]*appointments\.key is damaged.*backup/);
  });
});
