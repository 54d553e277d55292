// An M/M/c day through the real engine: Poisson arrivals and exponential service times at c windows,
// every step an engine command on a virtual clock (as the hub runs them), then the hub's own report of
// the days. Its mean wait must agree with Erlang C's within a tolerance set by the run's length.
import { describe, expect, it } from 'vitest';
import type { HallConfig, ServiceWindow } from '@yichuang/shared/domain';
import { addDays, serviceDay } from '@yichuang/shared/time';
import { meanWaitMin } from '../../hub/src/capacity/erlang.js';
import { decide, evolve, initialState, type Command, type EngineState } from '../../hub/src/engine/index.js';
import { local, makeConfig, MINUTE } from '../../hub/src/engine/test-fixtures.js';
import { DayAccumulator } from '../../hub/src/stats/day-accumulator.js';
import { buildReport } from '../../hub/src/stats/report.js';
import type { DayRollup } from '../../hub/src/stats/rollup.js';
import type { JournalRecord } from '../../hub/src/storage/journal.js';
import { Random } from '../bench/history/random.js';

const C = 4;
const SERVICE_MIN = 5;
/** Arrivals per minute: load 3 erlangs on 4 windows (ρ = 0.75), waits long enough to measure. */
const LAMBDA = 0.6;
const DAYS = 8;
const FIRST_DAY = '2026-11-23';
/** Arrivals from 00:30 to 22:30 (the 24-hour category), so the queue is empty again before midnight. */
const OPEN_MIN = 30;
const CLOSE_MIN = 22 * 60 + 30;

const windows: ServiceWindow[] = Array.from({ length: C }, (_, i) => ({
  id: `w${i + 1}`,
  number: i + 1,
  name: `${i + 1}号窗口`,
  nameEn: `Window ${i + 1}`,
  kind: 'department',
  department: 'hall',
  categories: [{ categoryId: 'self', weight: 1 }],
}));
const config: HallConfig = makeConfig({ windows });

/** Runs one command at `now` through decide → evolve, as HallService does, keeping the journal records. */
class Engine {
  state: EngineState = initialState();
  readonly records: JournalRecord[] = [];
  exec(command: Command, now: number): void {
    const d = decide(this.state, command, { now, config });
    if (!d.ok) throw new Error(`${command.type}: ${JSON.stringify(d.error)}`);
    for (const event of d.events) {
      this.state = evolve(this.state, event);
      this.records.push({ v: 1, id: `r${this.records.length}`, hall: 'hall-1', seq: this.records.length + 1, day: serviceDay(now, config.hall.timeZone), at: now, event });
    }
  }
}

/** One day's M/M/c: each ticket's wait (minutes), from the simulation's own clock. */
function simulateDay(engine: Engine, day: string, rng: Random): number[] {
  const midnight = local(`${day} 00:00`);
  const exp = (mean: number): number => -Math.log(1 - rng.next()) * mean;
  const free: number[] = windows.map(() => 0);
  const finishes: { at: number; w: number }[] = [];
  const queue: number[] = []; // arrival instants, in order: the engine calls in that order too
  const waits: number[] = [];
  for (const [i, w] of windows.entries()) engine.exec({ type: 'signIn', windowId: w.id, staffId: `s${i + 1}` }, midnight + OPEN_MIN * MINUTE - 1);
  /** Window w calls the next ticket at `now` and starts serving it at once. */
  const serveNext = (w: number, now: number): void => {
    const issued = queue.shift()!;
    engine.exec({ type: 'callNext', windowId: windows[w]!.id }, now);
    engine.exec({ type: 'start', windowId: windows[w]!.id }, now);
    waits.push((now - issued) / MINUTE);
    free[w] = Infinity;
    finishes.push({ at: now + Math.round(exp(SERVICE_MIN) * MINUTE), w });
    finishes.sort((a, b) => a.at - b.at);
  };
  /** Finishes every service that ends by `until`, each window taking the next ticket at once. */
  const finishUntil = (until: number): void => {
    while (finishes.length && finishes[0]!.at <= until) {
      const { at, w } = finishes.shift()!;
      engine.exec({ type: 'finish', windowId: windows[w]!.id, outcome: 'done' }, at);
      free[w] = at;
      if (queue.length) serveNext(w, at);
    }
  };
  let t = midnight + OPEN_MIN * MINUTE;
  const close = midnight + CLOSE_MIN * MINUTE;
  for (;;) {
    t += Math.max(1, Math.round(exp(1 / LAMBDA) * MINUTE));
    if (t >= close) break;
    finishUntil(t);
    engine.exec({ type: 'issue', categoryId: 'self', priority: 'normal', source: 'kiosk' }, t);
    queue.push(t);
    const idle = free.findIndex((f) => f <= t);
    if (idle !== -1) serveNext(idle, t);
  }
  finishUntil(Infinity);
  for (const w of windows) engine.exec({ type: 'signOut', windowId: w.id }, Math.max(...free) + 1);
  return waits;
}

describe('an M/M/c day through the engine against Erlang C', () => {
  it("the report's mean wait agrees with Erlang C within the run's own standard error", () => {
    const engine = new Engine();
    const rng = new Random(20261207);
    const waits: number[] = [];
    const days = Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DAY, i));
    for (const day of days) waits.push(...simulateDay(engine, day, rng));

    const rollups: DayRollup[] = days.map((day) => {
      const acc = new DayAccumulator(day);
      for (const r of engine.records) if (r.day === day) acc.apply(r);
      return acc.rollup(config.hall.timeZone, { kiosks: [] });
    });
    const report = buildReport(rollups, { from: days[0]!, to: days.at(-1)! }, 20 * MINUTE, { later: [], today: days.at(-1)! });
    const reported = report.byCategory.self!.wait;
    // The report counts the waits the simulation made (to its one-second resolution).
    expect(reported.n).toBe(waits.length);
    const ownMean = waits.reduce((a, b) => a + b, 0) / waits.length;
    expect(Math.abs(reported.mean / MINUTE - ownMean)).toBeLessThan(1 / 60);

    // Tolerance from the run's length: waits of neighbours are correlated, so the standard error of the
    // mean comes from batch means (20 batches of consecutive tickets, each far longer than a busy period),
    // and shrinks as 1/√(run length). Three of them (a miss by chance: 3 in 1,000), plus the bias of starting each day empty (below 2%).
    const batches = 20;
    const size = Math.floor(waits.length / batches);
    const means = Array.from({ length: batches }, (_, b) => waits.slice(b * size, (b + 1) * size).reduce((a, x) => a + x, 0) / size);
    const m = means.reduce((a, x) => a + x, 0) / batches;
    const se = Math.sqrt(means.reduce((a, x) => a + (x - m) ** 2, 0) / (batches - 1) / batches);
    const expected = meanWaitMin(C, LAMBDA, SERVICE_MIN);
    const tolerance = 3 * se + 0.02 * expected;
    expect(waits.length).toBeGreaterThan(6000);
    expect(tolerance).toBeLessThan(0.4 * expected); // a run too short to tell would pass anything
    expect(Math.abs(reported.mean / MINUTE - expected)).toBeLessThan(tolerance);
  });
});
