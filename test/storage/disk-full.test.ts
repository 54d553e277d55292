// The disk fills up while kiosks take numbers, then space returns: every write is refused with
// STORAGE_FAILED meanwhile, /api/health says why (503), and the journal carries on by itself — no
// restart, no gap or repeat in the numbers or the journal's sequence.
//
// Set-up: the hub's data folder is a tmpfs of its own (test/helpers/mounts.ts; needs root, as CI
// runs), filled by a file written until ENOSPC and emptied by removing that file.
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppError } from '@yichuang/shared/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { hubProcesses, seedAllDayHall } from '../helpers/hub-process.js';
import { mountTmpfs, type Mount } from '../helpers/mounts.js';
import { cmdId, connectClient } from '../helpers/test-hub.js';

const { start, stop } = hubProcesses();
let mount: Mount | undefined;

afterAll(async () => {
  await mount?.remove();
});

/** Writes `file` until the file system has no room left. */
async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x2e);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close();
  }
}

/** Takes numbers without pause, keeping every answer; `when` resolves as soon as the answers so far satisfy a condition. */
function issuing(kiosk: Awaited<ReturnType<typeof connectClient>>) {
  const acked: string[] = [];
  const refused: AppError[] = [];
  const waiting = new Set<() => void>();
  let stop = false;
  const loop = async (): Promise<void> => {
    while (!stop) {
      const ack = await kiosk
        .timeout(5000)
        .emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })
        .catch(() => undefined); // the hub went away (a failed test's clean-up): stop
      if (!ack) return;
      if (ack.ok) acked.push(ack.data.ticket.number);
      else refused.push(ack.error);
      for (const check of waiting) check();
    }
  };
  const loops = [loop(), loop()];
  return {
    acked,
    refused,
    when(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`${what}: not within ${timeoutMs} ms (${acked.length} issued, ${refused.length} refused)`));
        }, timeoutMs);
        const check = (): void => {
          if (!condition()) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      });
    },
    async stop(): Promise<void> {
      stop = true;
      await Promise.all(loops);
    },
  };
}

describe('disk full mid-day', () => {
  it('refuses writes with STORAGE_FAILED, answers 503 on /api/health, and recovers by itself once space returns', async () => {
    mount = await mountTmpfs('6m');
    const dataDir = path.join(mount.dir, 'data');
    await mkdir(dataDir);
    await seedAllDayHall(dataDir);
    const hub = await start(dataDir);
    const kiosk = await connectClient(hub.url, 'demo-kiosk-1');
    const manager = await connectClient(hub.url, 'demo-console-1');
    const tickets = issuing(kiosk);
    await tickets.when(() => tickets.acked.length >= 10, 'tickets before the disk fills', 10_000);

    const filler = path.join(mount.dir, 'filler');
    await fillDisk(filler);
    await tickets.when(() => tickets.refused.length >= 3, 'refusals once the disk is full', 10_000);
    expect(new Set(tickets.refused.map((e) => e.code))).toEqual(new Set(['STORAGE_FAILED']));

    const broken = await fetch(`${hub.url}/api/health`);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_BROKEN', message: expect.stringMatching(/磁盘已满/), messageEn: expect.stringMatching(/disk is full/) },
    });
    const settings = await manager.timeout(5000).emitWithAck('live:updateSettings', { cmdId: cmdId(), notice: '今日系统维护 / maintenance today' });
    expect(settings).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });

    await rm(filler);
    const before = tickets.acked.length;
    await tickets.when(() => tickets.acked.length >= before + 10, 'tickets after space returned (the journal must recover without a restart)', 5_000);
    await tickets.stop();
    const healthy = await fetch(`${hub.url}/api/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true });
    expect(await manager.timeout(5000).emitWithAck('live:updateSettings', { cmdId: cmdId(), notice: '欢迎 / welcome' })).toMatchObject({ ok: true });

    // No number given twice or skipped: refused tickets took none.
    const numbers = tickets.acked.map((n) => Number(n.slice(1))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    kiosk.disconnect();
    manager.disconnect();
    await stop(hub);

    // The journal reads back whole, its sequence unbroken, and a restarted hub goes on from it.
    const [file] = (await readdir(path.join(dataDir, 'journal'))).filter((f) => f.endsWith('.jsonl'));
    const seqs = (await readFile(path.join(dataDir, 'journal', file!), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const again = await start(dataDir);
    const kiosk2 = await connectClient(again.url, 'demo-kiosk-1');
    const next = await kiosk2.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    kiosk2.disconnect();
    await stop(again);
    expect(next).toMatchObject({ ok: true, data: { ticket: { number: `A${String(numbers.length + 1).padStart(3, '0')}` } } });
  });
});
