// The built hub in a child process, as `npm start` runs it, for crash and restart tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HallConfig, TimeRange, WeekHours } from '@yichuang/shared/domain';
import { afterAll } from 'vitest';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { REPO_ROOT } from './test-hub.js';

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const ALL_DAY: TimeRange[] = [{ start: '00:00', end: '24:00' }];

/** Writes the demo hall with round-the-clock hours, so a test can issue tickets whenever it runs. */
export async function seedAllDayHall(dataDir: string): Promise<HallConfig> {
  const config = await demoHall();
  config.hall.schedule.hours = Array.from({ length: 7 }, () => ALL_DAY) as WeekHours;
  config.hall.schedule.holidays = [];
  for (const c of config.categories) {
    delete c.hours;
    delete c.dailyCap;
    delete c.slotQuota;
  }
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(config));
  return config;
}

/** `port` 0: any free one; a hub restarted on its old port is found again by its screens. */
export function startHubProcess(dataDir: string, port = 0): Promise<HubProcess> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'hub/dist/main.js'), '--port', String(port), '--host', '127.0.0.1', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const port = /\(port (\d+),/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${out}`));
    });
  });
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Hub processes a test file starts, stops and expects to refuse; any still running is killed after its tests. */
export function hubProcesses(): {
  start(dataDir: string): Promise<HubProcess>;
  /** SIGTERM, as systemd stops it, and waits for the exit. */
  stop(hub: HubProcess): Promise<void>;
  /** Starting must fail: resolves with what the hub printed, and its exit code, before it exited. */
  refusal(dataDir: string): Promise<string>;
} {
  const running: HubProcess[] = [];
  afterAll(async () => {
    for (const p of running) p.child.kill('SIGKILL');
    await Promise.all(running.map((p) => killed(p.child)));
  });
  const start = async (dataDir: string): Promise<HubProcess> => {
    const hub = await startHubProcess(dataDir);
    running.push(hub);
    return hub;
  };
  return {
    start,
    async stop(hub) {
      hub.child.kill('SIGTERM');
      await killed(hub.child);
    },
    async refusal(dataDir) {
      const started = await start(dataDir).then(
        (hub) => hub,
        (err: Error) => err.message,
      );
      if (typeof started === 'string') return started;
      throw new Error(`the hub started, and should not have:\n${started.output()}`);
    },
  };
}
