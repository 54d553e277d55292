// `npm run bench [-- --quick]`: the performance figures of docs/design.md §8, measured on the built hub
// with a year of history, 500 devices from separate processes and a bare Socket.IO baseline beside it.
// Loopback only; every step is bounded; every child process is stopped however the run ends.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../helpers/test-hub.js';
import { pageBundles } from './bundles.js';
import { forkTs, nextMessage, stop, stopAll } from './children.js';
import { history, runFolder, type History } from './history/history-folder.js';
import { killed } from '../helpers/hub-process.js';
import { startTimed, timeReport } from './hub-timing.js';
import { devicePlan } from './load/devices.js';
import type { FromLoad, IssueResult, LoadJob, Phase, PhaseResults, ToLoad } from './load/protocol.js';
import { machine, printTable, writeResults } from './output.js';
import { cpuSecondsOf, memoryOf } from './proc.js';
import { rows, type BenchResults, type Figures } from './results.js';
import { benchSettings, type BenchSettings } from './settings.js';
import { ticketSize } from './ticket-size.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const log = (line: string): void => console.log(line);
const MB = 1024 * 1024;
/** Connecting hundreds of sockets, or one measured phase: generous, but bounded. */
const PHASE_TIMEOUT_MS = 120_000;

/** Seconds each stage took, kept in the results: a quick run's stages scale to a full run's time. */
const stages: Record<string, number> = {};
let lapFrom = performance.now();
function lap(stage: string): void {
  stages[stage] = Math.round((performance.now() - lapFrom) / 100) / 10;
  lapFrom = performance.now();
}

async function main(): Promise<void> {
  const settings = benchSettings(process.argv.slice(2));
  const started = performance.now();
  const deadline = setTimeout(() => {
    console.error(`bench: stopped after ${settings.deadlineMs / 60_000} min (deadline)`);
    void stopAll().finally(() => process.exit(1));
  }, settings.deadlineMs);
  deadline.unref();
  const host = await machine();
  log(`一窗 bench, ${settings.mode} run — ${host.cpu}, ${host.cores} cores, Node ${host.node}, load ${host.loadAtStart}`);

  const bundles = await pageBundles();
  const ticket = ticketSize();
  lap('bundles and ticket size');

  log(`history: ${settings.history.days} days before today, ${settings.history.ticketsPerWorkday} tickets a working day`);
  const h = await history(settings.history, log);
  log(`  ${h.cached ? 'cached' : 'generated'}: ${h.dayFiles} day files, ${h.tickets} tickets (generation ${(h.generationMs / 1000).toFixed(1)} s)`);
  const dataDir = path.join(REPO_ROOT, `.tmp/bench-run-${process.pid}`);
  // Removed on every way out, the deadline and Ctrl-C included (the cache stays).
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  await runFolder(h, dataDir);
  lap('history');

  try {
    const figures = await measure(settings, h, dataDir, bundles, ticket);
    const results: BenchResults = {
      mode: settings.mode,
      at: new Date().toISOString(),
      machine: host,
      settings,
      durationS: Math.round((performance.now() - started) / 1000),
      stagesS: stages,
      figures,
      rows: rows(figures, settings),
    };
    printTable(results);
    log(`\nwritten: ${(await writeResults(results)).join(', ')}`);
  } finally {
    await stopAll();
    clearTimeout(deadline);
  }
}

async function measure(
  settings: BenchSettings,
  h: History,
  dataDir: string,
  bundles: Figures['bundles'],
  ticket: Figures['ticket'],
): Promise<Figures> {
  // Start (and stop) the hub a few times; the last one stays up for the rest.
  const hubStartMs: number[] = [];
  let hub = await startTimed(dataDir);
  hubStartMs.push(hub.ms);
  for (let i = 1; i < settings.starts; i++) {
    await stop(hub.hub.child);
    hub = await startTimed(dataDir);
    hubStartMs.push(hub.ms);
  }
  log(`hub start → serving: ${hubStartMs.map(Math.round).join(', ')} ms`);
  lap('hub starts');
  const { url, child: hubChild } = hub.hub;
  const beforeDevices = await memoryOf(hubChild.pid!);

  const bare = forkTs(here('./bare-server.ts'));
  const barePort = await nextMessage(bare, (m: { port?: number }) => m.port, 30_000, 'bare Socket.IO server');
  const hall = (await (await fetch(`${url}/api/hall`)).json()) as { data: { windows: unknown[] } };
  const plan = devicePlan(settings.devices, hall.data.windows.length);
  const job = (role: LoadJob['role']): LoadJob => ({
    role,
    hubUrl: url,
    bareUrl: `http://127.0.0.1:${barePort}`,
    hubPid: hubChild.pid!,
    devices: plan[role],
    settings: settings.load,
  });
  const screens = await loadProcess(job('screens'));
  const kiosks = await loadProcess(job('kiosks'));
  log(`connected ${settings.devices} devices to the hub and as many sockets to the bare server`);
  lap('connecting devices');
  const connected = await memoryOf(hubChild.pid!);
  const bareMemory = await memoryOf(bare.pid!);

  const cpu = async (): Promise<[number, number]> => [await cpuSecondsOf(hubChild.pid!), await cpuSecondsOf(bare.pid!)];
  await runPhase(screens, 'prepare');
  lap('preparing windows');
  const fanoutFrom = await cpu();
  const fanout = await runPhase(screens, 'fanout');
  const fanoutTo = await cpu();
  lap('fan-out');
  log(`fan-out: p99 to the last of ${fanout.receivers}: hub ${fanout.hub.last.p99} ms, bare ${fanout.bare.last.p99} ms`);
  // A quiet stretch as long as the steady phase, every device connected and nothing happening: the
  // CPU both servers spend on their own (heartbeats, timers), taken off the steady phase's below.
  await sleep(SETTLE_MS);
  const quiet = await timedCpu(cpu, () => sleep(settings.load.steady.seconds * 1000));
  lap('quiet stretch');
  const captured = runPhase(screens, 'capture');
  const steady = await timedCpu(cpu, () => runPhase(kiosks, 'steady'));
  lap('steady issuing');
  // The bare server broadcasts what the hub did for a ticket, at the same rate.
  bare.send({ changes: await captured });
  await nextMessage(bare, (m: { changesSet?: boolean }) => m.changesSet, 30_000, 'bare server: changes');
  await sleep(SETTLE_MS);
  const bareSteady = await timedCpu(cpu, () => runPhase(kiosks, 'bareSteady'));
  if (bareSteady.result.errors + bareSteady.result.unanswered > 0) throw new Error('bare steady: tickets not answered');
  lap('bare steady issuing');
  const burst = await runPhase(kiosks, 'burst');
  lap('bursts');
  log(`issue → ack: steady p99 ${steady.result.ack.p99} ms, burst p99 ${burst.ack.p99} ms`);
  const ramp = await runPhase(kiosks, 'ramp');
  log(`sustained: ${ramp.sustained} tickets/s`);
  lap('rate steps');
  const loaded = await memoryOf(hubChild.pid!);
  await Promise.all([kiosks, bare].map(stop));

  // The hub killed with every screen connected, and started again on its port: how long until each
  // screen is right again (its snapshot in hand), with the day's tickets as the run left them.
  const today = (await (await fetch(`${url}/api/stats/today`)).json()) as { data: { total: { issued: number; waiting: number } } };
  await runPhase(screens, 'rearm');
  hubChild.kill('SIGKILL');
  await killed(hubChild);
  const restarted = await startTimed(dataDir, Number(new URL(url).port));
  const recovery = await runPhase(screens, 'recovered', Date.now());
  lap('restart');
  log(`restart: ${today.data.total.waiting} waiting of ${today.data.total.issued}; serving after ${Math.round(restarted.ms)} ms; every screen right p99 ${recovery.right.p99} ms`);
  await stop(screens);

  // Last, with no devices left to stall: a long report holds the hub's event loop.
  const first = await timeReport(url, h.firstDay, h.today);
  const runsMs: number[] = [];
  const reportsFrom = performance.now();
  while (runsMs.length < settings.reports && (runsMs.length === 0 || performance.now() - reportsFrom < settings.reportBudgetMs)) {
    runsMs.push((await timeReport(url, h.firstDay, h.today)).ms);
  }
  lap('reports');
  log(`report ${h.firstDay}…${h.today}: first ${Math.round(first.ms)} ms, then ${runsMs.map(Math.round).join(', ')} ms (${first.days} days, ${first.tickets} tickets)`);

  return {
    history: {
      firstDay: h.firstDay,
      today: h.today,
      days: h.dayFiles,
      tickets: h.tickets,
      records: h.records,
      journalMb: Math.round(h.journalBytes / MB),
      rollupMb: Math.round(h.rollupBytes / MB),
      generationMs: h.generationMs,
      cached: h.cached,
    },
    hubStartMs: hubStartMs.map(Math.round),
    report: { firstMs: Math.round(first.ms), runsMs: runsMs.map(Math.round), answer: { bytes: first.bytes, days: first.days, tickets: first.tickets } },
    fanout,
    steady: steady.result,
    burst,
    cpuMs: {
      hubPerCall: perItem(fanoutTo[0] - fanoutFrom[0], fanout.calls.hub),
      barePerCall: perItem(fanoutTo[1] - fanoutFrom[1], fanout.calls.bare),
      hubPerTicket: perItem(steady.cpu[0], tickets(steady.result)),
      hubPerTicketMarginal: perItem(steady.cpu[0] - idleCores(quiet, 0) * steady.seconds, tickets(steady.result)),
      barePerTicket: perItem(bareSteady.cpu[1], tickets(bareSteady.result)),
      barePerTicketMarginal: perItem(bareSteady.cpu[1] - idleCores(quiet, 1) * bareSteady.seconds, tickets(bareSteady.result)),
    },
    idle: { seconds: round3(quiet.seconds), hubCores: round3(idleCores(quiet, 0)), bareCores: round3(idleCores(quiet, 1)) },
    ramp,
    restart: { waiting: today.data.total.waiting, issued: today.data.total.issued, servingMs: Math.round(restarted.ms), ...recovery },
    memory: { devices: settings.devices, hubIdleMb: beforeDevices.rssMb, hubRssMb: connected.rssMb, hubPeakMb: loaded.peakMb, bareRssMb: bareMemory.rssMb },
    bundles,
    ticket,
  };
}

/** Waits between phases, for the last one's timers (gathered queue changes, live board) to pass. */
const SETTLE_MS = 1500;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const tickets = (r: IssueResult): number => r.ack.n + r.errors;

interface Timed<T> {
  result: T;
  seconds: number;
  /** CPU seconds of [hub, bare server] over it. */
  cpu: [number, number];
}

async function timedCpu<T>(cpu: () => Promise<[number, number]>, run: () => Promise<T>): Promise<Timed<T>> {
  const from = await cpu();
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  const to = await cpu();
  return { result, seconds, cpu: [to[0] - from[0], to[1] - from[1]] };
}

/** One server's CPU in cores while nothing happened (0: the hub, 1: the bare server). */
const idleCores = (idle: Timed<unknown>, server: 0 | 1): number => idle.cpu[server] / idle.seconds;

/** Milliseconds of CPU per item, to two decimals. */
const perItem = (cpuSeconds: number, items: number): number => Math.round((cpuSeconds * 1000 * 100) / Math.max(1, items)) / 100;

async function loadProcess(job: LoadJob): Promise<ChildProcess> {
  const child = forkTs(here('./load/load-process.ts'));
  child.send({ type: 'job', job } satisfies ToLoad);
  await nextMessage(child, (m: FromLoad) => (unlessFailed(m, job.role).type === 'ready' ? true : undefined), PHASE_TIMEOUT_MS, `${job.role}: connecting`);
  return child;
}

async function runPhase<P extends Phase>(child: ChildProcess, phase: P, servingAt?: number): Promise<PhaseResults[P]> {
  child.send({ type: 'run', phase, servingAt } satisfies ToLoad);
  const result = await nextMessage(child, (m: FromLoad) => {
    const r = unlessFailed(m, phase);
    return r.type === 'result' && r.phase === phase ? r.result : undefined;
  }, PHASE_TIMEOUT_MS, phase);
  // A load process answers a phase with that phase's result (protocol.ts).
  return result as PhaseResults[P];
}

function unlessFailed(m: FromLoad, what: string): FromLoad {
  if (m.type === 'failed') throw new Error(`${what}: ${m.message}`);
  return m;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().catch(async (err: unknown) => {
  console.error('bench failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  await stopAll();
  process.exit(1);
});
