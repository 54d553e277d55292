// Take-a-number kiosk: home in both orientations, and the ticket it gives.
import { LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  for (const [orientation, viewport] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
    const page = await openScreen(browser, `${hub.hub.url}/kiosk/?token=demo-kiosk-1`, viewport);
    await page.getByText('综合受理').first().waitFor();
    await capture(page, `kiosk-home-${orientation}`);
    await page.getByText('综合受理').first().click();
    const normal = page.getByText('普通取号');
    if (await normal.isVisible().catch(() => false)) await normal.click();
    await page.getByText('您的号码').waitFor();
    await capture(page, `kiosk-ticket-${orientation}`);
    await page.context().close();
  }
}
