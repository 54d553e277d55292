// The staffing forecast backtested on the bench's synthetic history (README "Staffing advice"):
//   npx tsx test/capacity/backtest-bench.ts [days, default 120]
// Simulates the bench's hall (test/bench/history: its generator, 2,000 tickets a working day, the demo
// calendar) for the days before today in this process, into .tmp/capacity-history/, then asks the hub's
// own CapacityService for tomorrow's advice, whose backtest forecasts every past day from the days before it.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HallConfig } from '@yichuang/shared/domain';
import { addDays, HALL_TIME_ZONE, serviceDay } from '@yichuang/shared/time';
import { CapacityService } from '../../hub/src/capacity/capacity-service.js';
import { demoSchedule } from '../../hub/src/demo/demo-schedule.js';
import { RollupStore } from '../../hub/src/stats/rollup-store.js';
import { simulateBlock } from '../bench/history/simulate-block.js';
import { SETTINGS } from '../bench/settings.js';
import { seedAllDayHall } from '../helpers/hub-process.js';
import { REPO_ROOT } from '../helpers/test-hub.js';

const days = Number(process.argv[2] ?? 120);
const { ticketsPerWorkday } = SETTINGS.full.history;
const now = Date.now();
const today = serviceDay(now, HALL_TIME_ZONE);
const first = addDays(today, -days);
const dir = path.join(REPO_ROOT, '.tmp/capacity-history');
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
await seedAllDayHall(dir);
const generation = performance.now();
const made = await simulateBlock({ dataDir: dir, from: first, writeFrom: first, to: addDays(today, -1), today, now, ticketsPerWorkday }, (day) => {
  if (day.endsWith('-01')) console.log(`  ${day}`);
});
console.log(`${made.written.length} days, ${made.tickets} tickets simulated in ${Math.round((performance.now() - generation) / 1000)} s`);
const config = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')) as HallConfig;
// The bench's hall is open round the clock so the bench can issue at any hour; its days were made
// by the demo hall's real calendar (holidays, make-up workdays), which the forecast must know.
const { holidays, makeupWorkdays } = demoSchedule();
config.hall.schedule = { ...config.hall.schedule, holidays, makeupWorkdays };
const rollups = await RollupStore.open(dir);
const capacity = new CapacityService({
  days: () => rollups.days(),
  tickets: async (day) => (await rollups.readForReport(day))!.tickets,
  config: () => config,
  clock: () => now,
  log: (line) => console.log(line),
});
const started = performance.now();
const tomorrow = addDays(today, 1);
const advice = await capacity.advice(tomorrow, { targetMin: 20, share: 0.9 });
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const b = advice.backtest;
console.log(`\nhistory ${first} … ${addDays(today, -1)}, advice + backtest in ${Math.round(performance.now() - started)} ms`);
console.log(`backtest: ${b.days} days scored; hall per slot ${pct(b.slotMape)} (Poisson floor ${pct(b.slotNoiseFloor)}), per day ${pct(b.dayMape)}`);
console.log('category     slot MAPE   day MAPE   service min (CV)   planned   peak needed   mean wait: actual / model');
for (const c of advice.categories) {
  const m = b.byCategory[c.categoryId];
  const peak = Math.max(0, ...c.slots.map((s) => s.windowsNeeded));
  console.log(
    `${c.categoryId.padEnd(12)} ${pct(m?.slotMape ?? null).padStart(9)} ${pct(m?.dayMape ?? null).padStart(10)}   ${String(c.serviceMin).padStart(6)} (${c.serviceCv ?? '—'})   ${String(c.windowsPlanned).padStart(12)} ${String(peak).padStart(11)}   ${c.check?.actualMeanWaitMin ?? '—'} / ${c.check?.modelMeanWaitMin ?? '—'}`,
  );
}
console.log(`\n${tomorrow}: effects ${advice.effects.join(', ') || 'none'}, factor ${advice.factor}, basis ${advice.basis.join(' ')}`);
