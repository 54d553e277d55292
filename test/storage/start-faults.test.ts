// What a hub finds in its data folder at start, and what it does about it: a folder it cannot write
// is refused at once (not at the first kiosk's connection); a key file left empty by a crash at first
// start is made again when nothing was sealed with it, and refused when something was.
//
// The read-only case mounts a tmpfs (test/helpers/mounts.ts; needs root, as CI runs) and remounts it
// read-only: as root, file modes alone would not stop the hub writing.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killed, seedAllDayHall, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { mountTmpfs, type Mount } from '../helpers/mounts.js';
import { tempDir } from '../helpers/test-hub.js';

const running: HubProcess[] = [];
const mounts: Mount[] = [];

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => killed(p.child)));
  for (const m of mounts) await m.remove();
});

async function start(dataDir: string): Promise<HubProcess> {
  const hub = await startHubProcess(dataDir);
  running.push(hub);
  return hub;
}

async function stop(hub: HubProcess): Promise<void> {
  hub.child.kill('SIGTERM');
  await killed(hub.child);
}

/** Starting must fail: resolves with what the hub printed before exiting. */
async function refusal(dataDir: string): Promise<string> {
  const started = await start(dataDir).then(
    (hub) => hub,
    (err: Error) => err.message,
  );
  if (typeof started === 'string') return started;
  throw new Error(`the hub started, and should not have:\n${started.output()}`);
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

const tomorrow = (): string => new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);

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
    const dataDir = await tempDir('yichuang-keys-');
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
    const dataDir = await tempDir('yichuang-keys-');
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
