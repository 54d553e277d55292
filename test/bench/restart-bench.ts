// `npx tsx test/bench/restart-bench.ts [--devices 500] [--tickets 4200] [--history CACHED_FOLDER]`: the full bench's
// restart stage alone (run.ts), at its scale but without its other stages: the built hub on the year
// of bench history, the screens of `devices` connected, about `tickets` issued (most left waiting),
// then SIGKILL and a start on the same port: how long until every screen has its snapshot again, and
// one whole-hall snapshot on the restarted hub. Preparing the windows issues ~2,000 more. --history:
// a history folder the bench cached before (.tmp/bench-data/365d-…), used whatever the sources now.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killed } from '../helpers/hub-process.js';
import { REPO_ROOT } from '../helpers/test-hub.js';
import { forkTs, nextMessage, stop, stopAll } from './children.js';
import { history, runFolder, type History } from './history/history-folder.js';
import { startTimed } from './hub-timing.js';
import { cpuSecondsOf } from './proc.js';
import { devicePlan } from './load/devices.js';
import type { FromLoad, LoadJob, Phase, PhaseResults, ToLoad } from './load/protocol.js';
import { SETTINGS } from './settings.js';

const { values: args } = parseArgs({ options: { devices: { type: 'string' }, tickets: { type: 'string' }, history: { type: 'string' } } });
const DEVICES = Number(args.devices ?? SETTINGS.full.devices);
const TICKETS = Number(args.tickets ?? 4200);
const RATE = 320;
const PHASE_TIMEOUT_MS = 120_000;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

async function loadProcess(job: LoadJob): Promise<ChildProcess> {
  const child = forkTs(here('./load/load-process.ts'));
  child.send({ type: 'job', job } satisfies ToLoad);
  await nextMessage(child, (m: FromLoad) => (m.type === 'failed' ? thrown(m.message) : m.type === 'ready' ? true : undefined), PHASE_TIMEOUT_MS, `${job.role}: connecting`);
  return child;
}

const thrown = (message: string): never => {
  throw new Error(message);
};

async function runPhase<P extends Phase>(child: ChildProcess, phase: P, servingAt?: number): Promise<PhaseResults[P]> {
  child.send({ type: 'run', phase, servingAt } satisfies ToLoad);
  const result = await nextMessage(child, (m: FromLoad) => (m.type === 'failed' ? thrown(m.message) : m.type === 'result' && m.phase === phase ? m.result : undefined), PHASE_TIMEOUT_MS, phase);
  return result as PhaseResults[P];
}

async function main(): Promise<void> {
  const settings = SETTINGS.full;
  const h: History = args.history
    ? { ...(JSON.parse(await readFile(path.join(args.history, 'meta.json'), 'utf8')) as History), dir: path.join(args.history, 'data'), cached: true }
    : await history(settings.history, console.log);
  const dataDir = path.join(REPO_ROOT, `.tmp/restart-bench-${process.pid}`);
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  await runFolder(h, dataDir);
  const { hub } = await startTimed(dataDir);
  const bare = forkTs(here('./bare-server.ts'));
  const barePort = await nextMessage(bare, (m: { port?: number }) => m.port, 30_000, 'bare Socket.IO server');
  const hall = (await (await fetch(`${hub.url}/api/hall`)).json()) as { data: { windows: unknown[] } };
  const plan = devicePlan(DEVICES, hall.data.windows.length);
  const seconds = Math.ceil(TICKETS / RATE);
  const load = { ...settings.load, ramp: { ...settings.load.ramp, rates: [RATE], seconds } };
  const job = (role: LoadJob['role']): LoadJob => ({ role, hubUrl: hub.url, bareUrl: `http://127.0.0.1:${barePort}`, hubPid: hub.child.pid!, devices: plan[role], settings: load });
  const screens = await loadProcess(job('screens'));
  const kiosks = await loadProcess(job('kiosks'));
  await runPhase(screens, 'prepare');
  await runPhase(kiosks, 'ramp');
  await stop(kiosks);
  const today = (await (await fetch(`${hub.url}/api/stats/today`)).json()) as { data: { total: { issued: number; waiting: number } } };
  await runPhase(screens, 'rearm');
  const loadAvg = os.loadavg()[0]!.toFixed(2);
  hub.child.kill('SIGKILL');
  await killed(hub.child);
  const restarted = await startTimed(dataDir, Number(new URL(hub.url).port));
  const r = await runPhase(screens, 'recovered', Date.now());
  // The restarted hub's CPU from its start until every screen is right: on a shared machine, steadier than wall time.
  const cpuMs = Math.round((await cpuSecondsOf(restarted.hub.child.pid!)) * 1000);
  console.log(
    `${DEVICES} devices, ${today.data.total.waiting} waiting of ${today.data.total.issued}; serving after ${Math.round(restarted.ms)} ms; ` +
      `every screen right p50 ${r.right.p50} / p99 ${r.right.p99} ms (missed ${r.missed}); one window snapshot ${r.snapshotMs} ms; ` +
      `restarted hub CPU from its start to then (and five snapshots) ${cpuMs} ms; load ${loadAvg}`,
  );
  await stop(screens);
  await stop(bare);
}

main()
  .catch((err: unknown) => {
    console.error('restart bench failed:', err);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
