// The staffing forecast backtested on the bench's synthetic history (README "Staffing advice"):
//   npx tsx test/capacity/backtest-bench.ts [days]
// Makes (or reuses, cached under .tmp/bench-data/) the bench's year of history, then asks the hub's own
// CapacityService for tomorrow's advice, whose backtest forecasts every past day from the days before it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HallConfig } from '@yichuang/shared/domain';
import { addDays, HALL_TIME_ZONE, serviceDay } from '@yichuang/shared/time';
import { CapacityService } from '../../hub/src/capacity/capacity-service.js';
import { demoSchedule } from '../../hub/src/demo/demo-schedule.js';
import { RollupStore } from '../../hub/src/stats/rollup-store.js';
import { history } from '../bench/history/history-folder.js';
import { SETTINGS } from '../bench/settings.js';

const days = Number(process.argv[2] ?? SETTINGS.full.history.days);
const made = await history({ days, ticketsPerWorkday: SETTINGS.full.history.ticketsPerWorkday }, (line) => console.log(line));
const config = JSON.parse(await readFile(path.join(made.dir, 'config.json'), 'utf8')) as HallConfig;
// The bench's hall is open round the clock so the bench can issue at any hour; its days were made
// by the demo hall's real calendar (holidays, make-up workdays), which the forecast must know.
const { holidays, makeupWorkdays } = demoSchedule();
config.hall.schedule = { ...config.hall.schedule, holidays, makeupWorkdays };
const rollups = await RollupStore.open(made.dir);
const now = Date.now();
const capacity = new CapacityService({
  days: () => rollups.days(),
  tickets: async (day) => (await rollups.readForReport(day))!.tickets,
  config: () => config,
  clock: () => now,
  log: (line) => console.log(line),
});
const started = performance.now();
const tomorrow = addDays(serviceDay(now, HALL_TIME_ZONE), 1);
const advice = await capacity.advice(tomorrow, { targetMin: 20, share: 0.9 });
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const b = advice.backtest;
console.log(`\nhistory ${made.firstDay} … ${made.today} (${made.dayFiles} day files, ${made.tickets} tickets), advice + backtest in ${Math.round(performance.now() - started)} ms`);
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
