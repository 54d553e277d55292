// `npx tsx test/bench/report-bench.ts [--days 365] [--tickets 2000] [--runs 5] [--keep DIR]`: times a one-year
// report (docs/design.md §8: ≤ 500 ms) over synthetic day roll-ups written straight in the roll-up format
// (no engine), in a temp folder that is removed afterwards. Prints the roll-up size of a busy day
// (and what the same day took as one JSON object per ticket, roll-up version 2), the report's time
// cold (first after a start: the months that are over packed first, as the hub does, month-pack.ts) and warm
// (median of the next runs), and memory.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { OUTCOMES, type HallConfig, type PauseReason, type PriorityClass, type TicketSource } from '@yichuang/shared/domain';
import { LEVEL_CODE, type Case, type CaseStep, type Rating, type RatingLevel } from '@yichuang/shared/ratings';
import { addDays, HALL_TIME_ZONE, weekdayOf, zonedInstant } from '@yichuang/shared/time';
import type { AppointmentFact, KioskFact, TicketEnd, TicketFact, WindowFact } from '../../hub/src/stats/facts.js';
import { caseFact } from '../../hub/src/stats/evaluation-figures.js';
import { PresenceFiles } from '../../hub/src/stats/kiosk-uptime.js';
import { decodeRatings, encodeRatings, encodeTickets, ROLLUP_VERSION, type DayRollup } from '../../hub/src/stats/rollup.js';
import { RollupStore, rollupJson } from '../../hub/src/stats/rollup-store.js';
import { StatsService } from '../../hub/src/stats/stats-service.js';
import { dataFolder } from '../../hub/src/storage/data-folder.js';
import { Journal } from '../../hub/src/storage/journal.js';

const { values: args } = parseArgs({ options: { days: { type: 'string' }, tickets: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'string' } } });
const DAYS = Number(args.days ?? 365);
const TICKETS = Number(args.tickets ?? 2000);
const RUNS = Number(args.runs ?? 5);
const FIRST_DAY = '2025-11-24';
const HALL = 'bench-hall';
const MINUTE = 60_000;
const SECOND = 1000;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = Array.from({ length: 16 }, (_, i) => `cat-${String(i + 1).padStart(2, '0')}`);
const WINDOWS = Array.from({ length: 24 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`);
const STAFF = Array.from({ length: 30 }, (_, i) => `s${String(i + 1).padStart(3, '0')}`);
const SOURCES: TicketSource[] = ['kiosk', 'kiosk', 'kiosk', 'kiosk', 'appointment', 'appointment', 'staff', 'terminal24', 'phone'];
const PRIORITIES: PriorityClass[] = ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'appointment', 'appointment', 'green'];
const LEVELS: RatingLevel[] = ['very-satisfied', 'satisfied', 'basic', 'dissatisfied', 'very-dissatisfied'];
const PAUSES: PauseReason[] = ['away', 'meal', 'meeting'];

const KIOSKS = ['kiosk-1', 'kiosk-2', 'kiosk-3', 'kiosk-4', 'kiosk-5', 'kiosk-6'];
const TERMINALS24 = ['terminal24-1', 'terminal24-2'];

/** Days after its rating a case reaches each step: a day's roll-up holds the cases opened or moved on it. */
const CASE_STEPS: Array<[CaseStep, number, string]> = [
  ['verify', 1, '调看录像属实'],
  ['rectify', 3, '窗口人员培训'],
  ['followUp', 7, '电话回访，群众满意'],
  ['close', 8, '办结'],
];
const CASE_DAYS = 8;

/** A case as it stands `age` days after it was opened. */
function caseAt(c: Case, age: number): Case {
  const steps = CASE_STEPS.filter(([, after]) => after <= age).map(([step, after, text]) => ({ step, at: c.openedAt + after * 86_400_000, by: { deviceId: 'console-1', name: '林雪梅' }, text }));
  return { ...c, steps, reached: steps.at(-1)?.step ?? 'opened', ...(steps.length > 0 && { verdict: 'confirmed' as const }) };
}

/**
 * One synthetic service day: `tickets` tickets over 09:00–17:00, a few waits beyond 4 h, most finished
 * visits rated, ~2.5% of ratings bad (each opens a case), bookings for the week ahead, kiosk uptime.
 * `carried`: the cases of earlier days; the day holds those that reach a step on it.
 */
function syntheticDay(day: string, index: number, tickets: number, carried: ReadonlyArray<{ c: Case; index: number }>): { rollup: DayRollup; facts: TicketFact[]; opened: Case[] } {
  const r = rng(index + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const exp = (mean: number): number => -Math.log(1 - r()) * mean;
  const midnight = zonedInstant(day, 0, HALL_TIME_ZONE);
  const facts: TicketFact[] = [];
  const ratings: Rating[] = [];
  const opened: Case[] = [];
  const letters = new Map<string, number>();
  for (let i = 0; i < tickets; i++) {
    const category = pick(CATEGORIES);
    const seq = (letters.get(category) ?? 0) + 1;
    letters.set(category, seq);
    const number = `${String.fromCharCode(65 + CATEGORIES.indexOf(category))}${String(seq).padStart(3, '0')}`;
    const issuedMs = Math.round((9 * 60 + (i / tickets) * 8 * 60) * MINUTE + r() * MINUTE);
    const roll = r();
    const end: TicketEnd = roll < 0.86 ? 'finished' : roll < 0.95 ? 'no-show' : 'cancelled';
    const called = end !== 'cancelled';
    const wait = called ? Math.round(r() < 0.002 ? 4 * 3600 * SECOND + exp(40 * MINUTE) : exp(12 * MINUTE)) : undefined;
    const fact: TicketFact = {
      number,
      category,
      source: pick(SOURCES),
      priority: pick(PRIORITIES),
      issued: Math.floor(issuedMs / SECOND),
      end,
      called,
      transfers: r() < 0.03 ? 1 : 0,
      holds: r() < 0.05 ? 1 : 0,
    };
    if (wait !== undefined) {
      fact.wait = wait;
      fact.totalWait = wait + (fact.transfers ? Math.round(exp(5 * MINUTE)) : 0);
      fact.window = pick(WINDOWS);
      fact.staff = STAFF[WINDOWS.indexOf(fact.window) + (r() < 0.2 ? 6 : 0)]!;
    } else {
      fact.totalWait = Math.round(exp(10 * MINUTE));
    }
    if (end === 'finished') {
      fact.walk = Math.round(exp(0.7 * MINUTE));
      fact.service = Math.round(exp(9 * MINUTE));
      fact.stay = fact.totalWait + fact.walk + fact.service;
      fact.outcome = pick(OUTCOMES);
      const finishedAt = midnight + issuedMs + fact.stay;
      const rated = r() < 0.7;
      const level: RatingLevel = rated ? (r() < 0.025 ? pick(LEVELS.slice(3)) : pick(LEVELS.slice(0, 3))) : 'very-satisfied';
      const rating: Rating = {
        ticketId: `${day}/${number}`,
        ticketNumber: number,
        categoryId: category,
        windowId: fact.window!,
        staffId: fact.staff!,
        channel: 'pad',
        finishedAt,
        at: finishedAt + (rated ? Math.round(exp(20 * SECOND)) : 60 * SECOND),
        level: rated ? level : 'unrated',
        ...(rated ? { code: LEVEL_CODE[level] } : {}),
        reasons: rated && LEVELS.indexOf(level) >= 3 ? ['服务态度'] : [],
      };
      ratings.push(rating);
      if (rated && LEVELS.indexOf(level) >= 3) {
        opened.push({
          id: `${day.replace(/-/g, '')}-${number}`,
          rating: { ...rating, contact: { kind: 'phone', masked: '138****5678' } },
          department: 'hall',
          openedAt: rating.at,
          due: { verify: addDays(day, 1), rectify: addDays(day, 7), followUp: addDays(day, 14) },
          reached: 'opened',
          steps: [],
        });
      }
    }
    facts.push(fact);
  }
  const windows: WindowFact[] = WINDOWS.map((window) => ({
    window,
    openMs: Math.round(7 * 3600 * SECOND * (0.8 + 0.2 * r())),
    servingMs: Math.round(5 * 3600 * SECOND * (0.8 + 0.2 * r())),
    pauseMs: { [pick(PAUSES)]: Math.round(exp(30 * MINUTE)) },
  }));
  // Bookings made today for the week ahead; check-ins and no-shows of today's bookings.
  const appointments: AppointmentFact[] = [];
  for (let ahead = 0; ahead < 7; ahead++) {
    for (const category of CATEGORIES.slice(0, 8)) {
      const due = ahead === 0;
      const checkedIn = due ? Math.round(20 * r()) : 0;
      appointments.push({ day: addDays(day, ahead), category, booked: Math.round(6 * r()), changed: r() < 0.3 ? 1 : 0, cancelled: r() < 0.3 ? 1 : 0, checkedIn, late: due && r() < 0.3 ? 1 : 0, afterNoShow: 0, noShow: due ? Math.round(2 * r()) : 0 });
    }
  }
  const up = (dueMs: number): number => Math.round(dueMs * (r() < 0.05 ? 0.7 + 0.3 * r() : 1));
  const kiosks: KioskFact[] = [
    ...KIOSKS.map((kiosk) => ({ kiosk, allDay: false, dueMs: 8 * 3600 * SECOND, upMs: up(8 * 3600 * SECOND) })),
    ...TERMINALS24.map((kiosk) => ({ kiosk, allDay: true, dueMs: 24 * 3600 * SECOND, upMs: up(24 * 3600 * SECOND) })),
  ];
  const rollup: DayRollup = {
    v: ROLLUP_VERSION,
    hall: HALL,
    day,
    seq: (index + 1) * tickets * 6,
    weekday: weekdayOf(day),
    tickets: encodeTickets(facts),
    windows,
    ratings: encodeRatings(ratings.sort((a, b) => a.at - b.at), midnight),
    cases: [...carried.filter((o) => CASE_STEPS.some(([, after]) => after === index - o.index)).map((o) => caseAt(o.c, index - o.index)), ...opened].map((c) => caseFact(c, HALL_TIME_ZONE)),
    appointments,
    kiosks,
  };
  return { rollup, facts, opened };
}

/** The same day as roll-up version 2 stored it (one pretty-printed JSON object per ticket): whole file, and its ticket rows. */
function version2Bytes({ rollup, facts }: { rollup: DayRollup; facts: TicketFact[] }): { file: number; tickets: number } {
  const midnight = zonedInstant(rollup.day, 0, HALL_TIME_ZONE);
  const tickets = facts.map(({ issued, ...f }) => ({
    ...f,
    hour: Math.floor(issued / 3600),
    weekday: rollup.weekday,
    issuedAt: midnight + issued * SECOND + 123,
  }));
  const v2 = { v: 2, hall: rollup.hall, day: rollup.day, seq: rollup.seq, tickets, windows: rollup.windows, ratings: decodeRatings(rollup.ratings, rollup.day), cases: rollup.cases };
  return { file: Buffer.byteLength(JSON.stringify(v2, null, 2)), tickets: Buffer.byteLength(JSON.stringify({ tickets }, null, 2)) };
}

/** A full garbage collection, so heap figures are settled. */
const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  // --keep DIR: write there and leave it (to profile a report over it), else a temp folder removed afterwards.
  const dir = args.keep ? path.resolve(args.keep) : await mkdtemp(path.join(os.tmpdir(), 'yichuang-report-bench-'));
  try {
    const lastDay = addDays(FIRST_DAY, DAYS - 1);
    console.log(`${DAYS} days ${FIRST_DAY} … ${lastDay}, ${TICKETS} tickets a day, in ${dir}`);
    const rollups = await RollupStore.open(dir);
    let sample: { rollup: DayRollup; facts: TicketFact[] } | undefined;
    let carried: Array<{ c: Case; index: number }> = [];
    const sampleIndex = Math.min(DAYS - 1, CASE_DAYS + 1); // a day moving cases of every age
    const started = performance.now();
    for (let i = 0; i < DAYS; i++) {
      const day = syntheticDay(addDays(FIRST_DAY, i), i, TICKETS, carried);
      if (i === sampleIndex) sample = day;
      await rollups.write(day.rollup);
      carried = [...carried.filter((o) => i + 1 - o.index <= CASE_DAYS), ...day.opened.map((c) => ({ c, index: i }))];
    }
    const rollupDir = dataFolder(dir).rollups;
    const files = await readdir(rollupDir);
    let bytes = 0;
    for (const f of files) bytes += (await stat(path.join(rollupDir, f))).size;
    const { rollup: busy } = sample!;
    const dayBytes = (await stat(path.join(rollupDir, `${busy.day}.json`))).size;
    // Bytes of each top-level field in the stored file (rollupJson writes each from a line `  "name": …`).
    const sections = new Map<string, number>();
    let section = '';
    for (const line of rollupJson(busy).split('\n')) {
      section = /^ {2}"(\w+)"/.exec(line)?.[1] ?? section;
      sections.set(section, (sections.get(section) ?? 0) + line.length + 1);
    }
    const part = (name: keyof DayRollup): string => kb(sections.get(name) ?? 0);
    console.log(`written in ${Math.round(performance.now() - started)} ms: ${files.length} files, ${mb(bytes)}`);
    const v2 = version2Bytes(sample!);
    console.log(
      `a busy day (${busy.day}): ${kb(dayBytes)} — tickets ${part('tickets')}, ${busy.ratings.length} ratings ${part('ratings')} (as objects, roll-up v4: ${kb(Buffer.byteLength(JSON.stringify(decodeRatings(busy.ratings, busy.day))))}), ` +
        `${busy.cases.length} cases opened or moved ${part('cases')}, appointments ${part('appointments')}; as roll-up v2 (one pretty-printed object per ticket): ${kb(v2.file)}, of which ticket rows ${kb(v2.tickets)}`,
    );

    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const schedule = { hours: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []], holidays: [], makeupWorkdays: [] } as HallConfig['hall']['schedule'];
    const config = { hall: { id: HALL, timeZone: HALL_TIME_ZONE, schedule }, devices: [], windows: [] } as unknown as HallConfig; // all the stats service reads of it
    const journal = await Journal.open(dir, HALL);
    const now = zonedInstant(addDays(lastDay, 1), 8 * 60, HALL_TIME_ZONE); // the morning after: every day is over
    const presence = new PresenceFiles(dir, () => HALL_TIME_ZONE);
    const open = (): Promise<StatsService> => StatsService.open({ journal, rollups, presence, config: () => config, clock: () => now, log: console.error });
    // As the hub does a little after a start: the months that are over packed (month-pack.ts), then a fresh start.
    const packer = await open();
    const packStarted = performance.now();
    await packer.packClosedMonths();
    const packMs = performance.now() - packStarted;
    await packer.close();
    const packDir = path.join(rollupDir, 'months');
    const packFiles = await readdir(packDir);
    let packBytes = 0;
    let headerBytes = 0;
    for (const f of packFiles) {
      const bytes = await readFile(path.join(packDir, f));
      packBytes += bytes.length;
      headerBytes += bytes.readUInt32LE(4); // month-pack.ts: "YCMP", then the JSON header's length
    }
    console.log(`${packFiles.length} months packed in ${Math.round(packMs)} ms: ${mb(packBytes)}, of which JSON headers ${kb(headerBytes)}`);
    const stats = await open();
    gc();
    const before = process.memoryUsage();
    /** Wall time, and the CPU time of this process (the same on a busy machine, where wall time is not). */
    const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await work();
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
    };
    const time = async (service = stats): Promise<{ ms: number; cpuMs: number; issued: number }> => {
      const { ms, cpuMs, result } = await timed(() => service.report(FIRST_DAY, lastDay, 30 * MINUTE));
      return { ms, cpuMs, issued: result.total.issued };
    };
    const cold = await time();
    const warm: Array<{ ms: number; cpuMs: number }> = [];
    for (let i = 0; i < RUNS; i++) warm.push(await time());
    gc();
    const after = process.memoryUsage();
    const runs = warm.map((w) => `${Math.round(w.ms)}`).join(', ');
    console.log(`report over ${DAYS} days (${cold.issued.toLocaleString('en')} tickets):`);
    console.log(`  cold (first after a start, the months that are over read from their packs, this month's days from their roll-ups): ${Math.round(cold.ms)} ms (CPU ${Math.round(cold.cpuMs)} ms)`);
    const ms = warm.map((w) => w.ms);
    console.log(`  warm (from memory): ${runs} ms → median ${Math.round(median(ms))} ms, best ${Math.round(Math.min(...ms))} ms (CPU median ${Math.round(median(warm.map((w) => w.cpuMs)))} ms)`);
    const cache = stats.cacheSize();
    const grown = (key: 'heapUsed' | 'arrayBuffers'): string => mb(after[key] - before[key]);
    console.log(`memory: ${cache.days} past days kept for reports (budget estimate ${mb(cache.bytes)}); after gc: JS heap +${grown('heapUsed')}, typed arrays +${grown('arrayBuffers')}`);
    await journal.close();
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
