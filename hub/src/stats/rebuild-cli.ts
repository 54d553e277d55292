// `npm run stats:rebuild -- [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: rebuilds day
// roll-ups exactly from the day journals and kiosk presence files, then the packs of the months that
// are over (month-pack.ts) from them. Safe while the hub runs (both are only read).
import { serviceDay } from '@yichuang/shared/time';
import { DATA_USAGE, noHall, readToolOptions } from '../config.js';
import { ConfigStore } from '../storage/config-store.js';
import { Journal } from '../storage/journal.js';
import { PresenceFiles } from './kiosk-uptime.js';
import { RollupStore } from './rollup-store.js';
import { StatsService } from './stats-service.js';

const USAGE = `用法 / usage: npm run stats:rebuild -- [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
${DATA_USAGE}
  --from, --to     重建的日期范围（不含今天）/ the days to rebuild (today's is kept live by the hub)`;

async function main(): Promise<void> {
  const { dataDir, values } = readToolOptions(process.argv.slice(2), process.env, { from: { type: 'string' }, to: { type: 'string' } }, USAGE);
  const store = await ConfigStore.open(dataDir, () => {
    throw noHall(dataDir);
  });
  const journal = await Journal.open(dataDir, store.config.hall.id);
  const stats = await StatsService.open({
    journal,
    rollups: await RollupStore.open(dataDir),
    presence: new PresenceFiles(dataDir, () => store.config.hall.timeZone),
    config: () => store.config,
    clock: Date.now,
    log: (line) => console.error(line),
  });
  const today = serviceDay(Date.now(), store.config.hall.timeZone);
  const days = (await journal.days()).filter((d) => (!values.from || d >= values.from) && (!values.to || d <= values.to) && d < today);
  const started = Date.now();
  for (const day of days) {
    const rollup = await stats.rebuild(day);
    console.log(`${day}  ${rollup.tickets.length} 张号 / tickets`);
  }
  await stats.packClosedMonths();
  await stats.close();
  await journal.close();
  console.log(`重建 ${days.length} 天，用时 ${Date.now() - started} ms / rebuilt ${days.length} days in ${Date.now() - started} ms (today's roll-up is kept live by the hub)`);
}

main().catch((err: unknown) => {
  console.error(`统计重建失败 / stats rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
