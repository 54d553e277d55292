// The built hub in a child process, as `npm start` runs it, for crash and restart tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HallConfig, TimeRange, WeekHours } from '@yichuang/shared/domain';
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
