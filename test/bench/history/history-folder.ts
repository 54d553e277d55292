// A hub data folder holding a year of synthetic history up to now: config.json (the demo hall, open
// round the clock so the bench can issue at any hour), one journal file per service day and the day
// roll-ups the hub would have stored. Generated once per day, parameters and code, cached under .tmp/.
import { createHash } from 'node:crypto';
import { cp, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceDay } from '@yichuang/shared/domain';
import { addDays, HALL_TIME_ZONE, serviceDay } from '@yichuang/shared/time';
import { seedAllDayHall } from '../../helpers/hub-process.js';
import { REPO_ROOT } from '../../helpers/test-hub.js';
import { forkTs, nextMessage } from '../children.js';
import { edgeSeq, shiftSeq } from './seq-shift.js';
import { simulateBlock, WARM_UP_DAYS, type BlockJob, type BlockMessage, type BlockResult } from './simulate-block.js';

const CACHE_ROOT = path.join(REPO_ROOT, '.tmp/bench-data');
/** The code a cached history was made with: change any of it, and the cache is made afresh. */
const GENERATOR_SOURCES = ['hub/src/engine', 'hub/src/stats', 'hub/src/demo', 'hub/src/storage/journal.ts', 'test/bench/history', 'test/helpers/hub-process.ts'];
/** A block of half a year takes about a minute on a quiet machine. */
const BLOCK_TIMEOUT_MS = 6 * 60_000;

export interface HistorySettings {
  /** Full days before today; today is filled up to the real clock. */
  days: number;
  ticketsPerWorkday: number;
}

export interface History {
  /** The cached data folder: never give it to a hub, which would append to it (see runFolder). */
  dir: string;
  firstDay: ServiceDay;
  today: ServiceDay;
  cached: boolean;
  /** Wall time of this run's generation, or of the run that made the cache. */
  generationMs: number;
  dayFiles: number;
  tickets: number;
  records: number;
  journalBytes: number;
  rollupBytes: number;
  /** Commands the engine refused, by 'command:code' (warm-up replays included): the simulation's races. */
  refusals: Record<string, number>;
  /** CPU seconds of each block of days (blocks run in parallel). */
  blockCpuS: number[];
}

type Meta = Omit<History, 'dir' | 'cached'>;

export async function history(settings: HistorySettings, log: (line: string) => void): Promise<History> {
  const now = Date.now();
  const today = serviceDay(now, HALL_TIME_ZONE);
  const prefix = `${settings.days}d-${settings.ticketsPerWorkday}t-`;
  const dir = path.join(CACHE_ROOT, `${prefix}${today}-${await sourceHash()}`);
  const meta = await readMeta(dir);
  if (meta) return { ...meta, dir: path.join(dir, 'data'), cached: true };

  await mkdir(CACHE_ROOT, { recursive: true });
  // The same parameters on an earlier day, or from older code, will never be used again.
  for (const name of await readdir(CACHE_ROOT)) {
    if (name.startsWith(prefix)) await rm(path.join(CACHE_ROOT, name), { recursive: true, force: true });
  }
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const made = await generate(path.join(partial, 'data'), settings, now, log);
  await writeFile(path.join(partial, 'meta.json'), JSON.stringify(made, null, 2));
  await rename(partial, dir);
  return { ...made, dir: path.join(dir, 'data'), cached: false };
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of GENERATOR_SOURCES) {
    const full = path.join(REPO_ROOT, source);
    const files = source.endsWith('.ts') ? [full] : (await readdir(full, { recursive: true })).map((f) => path.join(full, f));
    for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) hash.update(path.relative(REPO_ROOT, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 10);
}

async function readMeta(dir: string): Promise<Meta | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as Meta;
  } catch {
    return undefined;
  }
}

async function generate(dataDir: string, settings: HistorySettings, now: number, log: (line: string) => void): Promise<Meta> {
  const started = performance.now();
  await mkdir(dataDir, { recursive: true });
  await seedAllDayHall(dataDir);
  const today = serviceDay(now, HALL_TIME_ZONE);
  const firstDay = addDays(today, -settings.days);
  const jobs = blocks(settings.days + 1, os.availableParallelism()).map(
    ({ from, writeFrom, to }): BlockJob => ({
      dataDir,
      from: addDays(firstDay, from),
      writeFrom: addDays(firstDay, writeFrom),
      to: addDays(firstDay, to),
      today,
      now,
      ticketsPerWorkday: settings.ticketsPerWorkday,
    }),
  );
  log(`  generating ${settings.days + 1} days of history in ${jobs.length} block(s)…`);
  const progress = (block: number) => (day: ServiceDay) => {
    if (day.endsWith('-01')) log(`  history block ${block + 1}: ${day}`);
  };
  const results = jobs.length === 1 ? [await simulateBlock(jobs[0]!, progress(0))] : await Promise.all(jobs.map((job, i) => inWorker(job, progress(i))));
  // Each block numbered its records from 1 (warm-up included); move them after the blocks before.
  let before = 0;
  for (const [i, r] of results.entries()) {
    await shiftSeq(dataDir, r.written, before - r.skipped);
    before += r.records;
    const [previous, first] = [results[i - 1]?.written.at(-1), r.written[0]];
    if (previous === undefined || first === undefined) continue;
    const [last, next] = [await edgeSeq(dataDir, previous, 'last'), await edgeSeq(dataDir, first, 'first')];
    if (next !== last + 1) throw new Error(`history: seq jumps from ${last} (${previous}) to ${next} (${first})`);
  }
  const sum = (key: 'records' | 'tickets' | 'journalBytes' | 'rollupBytes'): number => results.reduce((a, r) => a + r[key], 0);
  const refusals: Record<string, number> = {};
  for (const [key, n] of results.flatMap((r) => Object.entries(r.refusals))) refusals[key] = (refusals[key] ?? 0) + n;
  return {
    firstDay,
    today,
    generationMs: Math.round(performance.now() - started),
    dayFiles: results.reduce((a, r) => a + r.written.length, 0),
    tickets: sum('tickets'),
    records: sum('records'),
    journalBytes: sum('journalBytes'),
    rollupBytes: sum('rollupBytes'),
    refusals,
    blockCpuS: results.map((r) => r.cpuS),
  };
}

/**
 * Splits `days` (indices 0…days−1) into up to `workers` blocks of equal work: every block after the
 * first also replays WARM_UP_DAYS. Blocks shorter than their warm-up are not worth a thread.
 */
export function blocks(days: number, workers: number): { from: number; writeFrom: number; to: number }[] {
  let n = Math.max(1, Math.min(workers, 4));
  while (n > 1 && (days + (n - 1) * WARM_UP_DAYS) / n - WARM_UP_DAYS < WARM_UP_DAYS) n--;
  const work = Math.ceil((days + (n - 1) * WARM_UP_DAYS) / n);
  const out: { from: number; writeFrom: number; to: number }[] = [];
  let writeFrom = 0;
  for (let i = 0; i < n; i++) {
    const to = i === n - 1 ? days - 1 : writeFrom + work - (i === 0 ? 0 : WARM_UP_DAYS) - 1;
    out.push({ from: i === 0 ? 0 : writeFrom - WARM_UP_DAYS, writeFrom, to });
    writeFrom = to + 1;
  }
  return out;
}

/** A block in its own process (a worker thread would not get tsx's loader on Node 20). */
function inWorker(job: BlockJob, progress: (day: ServiceDay) => void): Promise<BlockResult> {
  const child = forkTs(fileURLToPath(new URL('./block-worker.ts', import.meta.url)));
  child.send(job);
  return nextMessage(
    child,
    (m: BlockMessage) => {
      if (m.type === 'day') progress(m.day);
      if (m.type === 'failed') throw new Error(`history block from ${job.from}: ${m.message}`);
      return m.type === 'done' ? m.result : undefined;
    },
    BLOCK_TIMEOUT_MS,
    `history block from ${job.from}`,
  );
}

/**
 * A data folder for one hub run: the past days hard-linked from the cache (the hub only reads them,
 * and replaces a roll-up by renaming a new file over it), config.json and today's journal copied,
 * since the hub writes to them.
 */
export async function runFolder(h: History, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const sub of ['journal', 'rollups']) {
    await mkdir(path.join(dir, sub), { recursive: true });
    for (const name of await readdir(path.join(h.dir, sub))) {
      const [from, to] = [path.join(h.dir, sub, name), path.join(dir, sub, name)];
      if (name.startsWith(h.today)) await cp(from, to);
      else await link(from, to);
    }
  }
  await cp(path.join(h.dir, 'config.json'), path.join(dir, 'config.json'));
}
