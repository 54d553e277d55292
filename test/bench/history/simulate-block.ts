// Simulates a run of consecutive days and writes their journal files and roll-ups. A block that
// does not start the history first replays WARM_UP_DAYS unwritten, so the bad-rating cases its first
// day carries over are exactly those a single run from the start would carry (cases close within two
// weeks and stay listed 31 days after closing).
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HallConfig, ServiceDay } from '@yichuang/shared/domain';
import { addDays, HALL_TIME_ZONE, periodsOn, startOfDay } from '@yichuang/shared/time';
import { demoSchedule } from '../../../hub/src/demo/demo-schedule.js';
import { RollupStore } from '../../../hub/src/stats/rollup-store.js';
import { simulateDay, type DayKind } from './day-simulation.js';
import { EngineRunner } from './engine-runner.js';

export const WARM_UP_DAYS = 50;

export interface BlockJob {
  dataDir: string;
  /** First day simulated; days before writeFrom are the warm-up. */
  from: ServiceDay;
  writeFrom: ServiceDay;
  to: ServiceDay;
  today: ServiceDay;
  /** The real clock when generation started: today stops there. */
  now: number;
  ticketsPerWorkday: number;
}

export interface BlockResult {
  written: ServiceDay[];
  /** Records of the warm-up: the written days' sequence numbers start after them. */
  skipped: number;
  records: number;
  tickets: number;
  journalBytes: number;
  rollupBytes: number;
  refusals: Record<string, number>;
  /** CPU seconds the block took (warm-up included): unlike wall time, hardly changed by other work on the machine. */
  cpuS: number;
}

/** What a block's process tells the generator. */
export type BlockMessage = { type: 'day'; day: ServiceDay } | { type: 'done'; result: BlockResult } | { type: 'failed'; message: string };

/** Workdays by the demo hall's real calendar (the bench config itself is open round the clock). */
function kindOf(day: ServiceDay, schedule: ReturnType<typeof demoSchedule>): DayKind {
  if (periodsOn(schedule.hours, day, schedule).length > 0) return 'workday';
  return schedule.holidays.includes(day) ? 'closed' : 'weekend';
}

export async function simulateBlock(job: BlockJob, progress: (day: ServiceDay) => void): Promise<BlockResult> {
  const config = JSON.parse(await readFile(path.join(job.dataDir, 'config.json'), 'utf8')) as HallConfig;
  const journalDir = path.join(job.dataDir, 'journal');
  await mkdir(journalDir, { recursive: true });
  const rollups = await RollupStore.open(job.dataDir);
  const runner = new EngineRunner(config);
  const schedule = demoSchedule();
  const cpuFrom = process.cpuUsage();
  const result: BlockResult = { written: [], skipped: 0, records: 0, tickets: 0, journalBytes: 0, rollupBytes: 0, refusals: runner.refusals, cpuS: 0 };

  for (let day = job.from; day <= job.to; day = addDays(day, 1)) {
    const until = day === job.today ? job.now : Infinity;
    simulateDay(runner, config, { day, kind: kindOf(day, schedule), midnight: startOfDay(day, HALL_TIME_ZONE), ticketsPerWorkday: job.ticketsPerWorkday, until });
    const finished = runner.closeDay();
    if (!finished) continue;
    if (day < job.writeFrom) {
      result.skipped += finished.records;
      continue;
    }
    await writeFile(path.join(journalDir, `${day}.jsonl`), finished.text);
    result.written.push(day);
    result.records += finished.records;
    result.tickets += finished.rollup.tickets.length;
    result.journalBytes += Buffer.byteLength(finished.text);
    // Today's roll-up is the hub's to keep live; earlier days are stored as its midnight roll-over would.
    if (day < job.today) {
      await rollups.write(finished.rollup);
      result.rollupBytes += (await stat(path.join(job.dataDir, 'rollups', `${day}.json`))).size;
    }
    progress(day);
  }
  // The bench's hall is open round the clock without caps: a refused number means the engine's rules
  // changed under the generator, and the history would quietly lack those visitors.
  const refusedIssues = Object.entries(runner.refusals).filter(([key]) => key.startsWith('issue:'));
  if (refusedIssues.length > 0) throw new Error(`the engine refused tickets: ${JSON.stringify(Object.fromEntries(refusedIssues))}`);
  const cpu = process.cpuUsage(cpuFrom);
  result.cpuS = Math.round((cpu.user + cpu.system) / 1e5) / 10;
  return result;
}
