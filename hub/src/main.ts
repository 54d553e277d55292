// Entry point: read options, start the hub, print where every screen is, stop cleanly on signals.
import path from 'node:path';
import { OptionsError, readOptions } from './config.js';
import { startHub } from './hub.js';
import { stopOnSignals } from './stop-on-signals.js';

const log = (line: string): void => console.error(`[hub] ${line}`);

// A promise nobody waited on must not end a hall's day: Node would exit on it. It is a fault to fix,
// so it is logged, and the hub runs on.
process.on('unhandledRejection', (reason) => {
  log(`未处理的异步错误（hub 继续运行）/ unhandled rejection (the hub keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

async function main(): Promise<void> {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  const options = readOptions(process.argv.slice(2), process.env, repoRoot);
  const hub = await startHub(options, { clock: Date.now, log });

  console.log(`一窗 hub 已启动 / started: ${hub.url}  (port ${hub.port}, data ${options.dataDir})`);
  console.log(`健康检查 / health: ${hub.url}/api/health`);
  for (const s of hub.screens) console.log(`  ${s.device.role.padEnd(8)} ${s.device.name}: ${hub.url}${s.path}`);
  if (hub.screens.length > 0) {
    console.log(
      `注意：${hub.screens.length} 台演示设备使用公开凭证，正式启用前请在控制台“设备”页撤销 / ` +
        `note: demo devices use public tokens; revoke them on the console's Devices page before going live`,
    );
  }

  stopOnSignals(() => hub.close(), log);
}

main().catch((err: unknown) => {
  if (err instanceof OptionsError) console.error(err.message);
  else console.error('一窗 hub 启动失败 / failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
