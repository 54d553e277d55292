// The console's report page after a morning's traffic.
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { simulateMorning } from '../helpers/traffic.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  await simulateMorning(hub);
  const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/reports`, { ...LANDSCAPE, height: 1600 });
  await page.getByTestId('issued').waitFor();
  await page.waitForTimeout(800); // charts animate in
  await capture(page, 'console-reports');
  await page.goto(`${hub.hub.url}/api/reports/evaluation.html?from=2026-11-23&to=2026-11-23`);
  await capture(page, 'evaluation-report');
  await page.context().close();
}
