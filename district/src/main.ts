// Entry point of the district server: `npm run district -- --db postgres://… --port N`.
import { stopOnSignals } from '@yichuang/hub/dist/stop-on-signals.js';
import { OptionsError, readOptions } from './options.js';
import { startDistrict } from './server.js';

const log = (line: string): void => console.error(`[district] ${line}`);

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const district = await startDistrict(options, { clock: Date.now, log });
  console.log(`一窗区级服务已启动 / district server started: ${district.url}  (port ${district.port})`);
  console.log(`区级控制台 / district console: ${district.url}/district/`);
  stopOnSignals(() => district.close(), log);
}

main().catch((err: unknown) => {
  if (err instanceof OptionsError) console.error(err.message);
  else console.error('一窗区级服务启动失败 / district server failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
