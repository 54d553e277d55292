// Regenerates docs/screenshots/: starts a demo hub on port 0 with the clock on a Monday morning,
// then runs every test/screenshots/*.shots.ts module. Run with `npm run screenshots`.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { REPO_ROOT, startTestHub } from '../helpers/test-hub.js';
import type { ShotContext, ShotModule } from './shot.js';

const OUT = path.join(REPO_ROOT, 'docs/screenshots');
const only = process.argv[2];

const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.shots.ts') && (!only || f.startsWith(only)));
const browser = await launchBrowser();
let failed = 0;
for (const file of files) {
  const hub = await startTestHub();
  const ctx: ShotContext = {
    hub,
    browser,
    async capture(page: Page, name: string) {
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`  docs/screenshots/${name}.png`);
    },
  };
  try {
    const mod = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as ShotModule;
    console.log(file);
    await mod.shoot(ctx);
  } catch (err) {
    failed++;
    console.error(`${file} failed:`, err);
  } finally {
    await hub.close();
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
