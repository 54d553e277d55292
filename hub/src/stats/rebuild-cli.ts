// `npm run stats:rebuild -- [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: rebuilds day
// roll-ups exactly from the day journals and kiosk presence files. Safe while the hub runs (both are only read).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serviceDay } from '@yichuang/shared/time';
import { ConfigStore } from '../storage/config-store.js';
import { Journal } from '../storage/journal.js';
import { PresenceFiles } from './kiosk-uptime.js';
import { RollupStore } from './rollup-store.js';
import { StatsService } from './stats-service.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
  const dataDir = path.resolve(values.data ?? process.env.YICHUANG_DATA ?? 'data');
  const store = await ConfigStore.open(dataDir, () => {
    throw new Error(`${dataDir} 中没有 config.json / no config.json in ${dataDir}`);
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
  await journal.close();
  console.log(`重建 ${days.length} 天，用时 ${Date.now() - started} ms / rebuilt ${days.length} days in ${Date.now() - started} ms (today's roll-up is kept live by the hub)`);
}

main().catch((err: unknown) => {
  console.error(`统计重建失败 / stats rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
