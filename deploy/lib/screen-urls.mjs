// Prints the hub's address and every demo screen's URL as the hall's devices reach it, using the
// hub's own list of screens (hub/dist/http/screens.js), so the installer never keeps a copy of it.
// Usage: node screen-urls.mjs APP_DIR CONFIG_JSON BASE_URL (the demo hall when CONFIG_JSON is missing).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [appDir, configFile, base] = process.argv.slice(2);
if (!appDir || !configFile || !base) {
  console.error('用法 / usage: node screen-urls.mjs APP_DIR CONFIG_JSON BASE_URL');
  process.exit(2);
}
const load = (rel) => import(pathToFileURL(path.join(appDir, 'hub/dist', rel)).href);

let config;
try {
  config = JSON.parse(await readFile(configFile, 'utf8'));
} catch {
  config = await (await load('demo/demo-hall.js')).demoHall();
}
const { demoScreenLinks } = await load('http/screens.js');
console.log(`一窗 hub: ${base}   健康检查 / health: ${base}/api/health`);
console.log('演示设备屏幕 / demo screens (正式设备的令牌见 config.json 的 devices / real devices: tokens in config.json devices):');
const byRole = new Map();
for (const link of demoScreenLinks(config, appDir)) byRole.set(link.device.role, [...(byRole.get(link.device.role) ?? []), link]);
const show = (link) => console.log(`  ${link.device.role.padEnd(8)} ${link.device.name}: ${base}${link.path}`);
for (const links of byRole.values()) {
  // One per window: the first and the last tell the pattern without 50 lines.
  if (links.length <= 3) links.forEach(show);
  else {
    show(links[0]);
    console.log(`  ${''.padEnd(8)} … 共 ${links.length} 个 / ${links.length} in all`);
    show(links.at(-1));
  }
}
