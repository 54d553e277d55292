// Window caller: a staff member mid-morning — one citizen served, one on hold, one being served,
// the queue and today's own figures; and the transfer dialog.
import { cmdId } from '../helpers/test-hub.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  for (const [categoryId, priority] of [['general', 'normal'], ['general', 'normal'], ['general', 'normal'], ['one-thing', 'normal'], ['general', 'green'], ['general', 'normal'], ['cross-region', 'normal']] as const) {
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId, priority });
    hub.clock.advance(90_000);
  }
  const page = await openScreen(browser, `${hub.hub.url}/window/?token=demo-window-01`, LANDSCAPE);
  await page.getByLabel('工号').fill('0101');
  await page.getByLabel('密码').fill('123456');
  await page.keyboard.press('Enter');
  await page.locator('[data-action=callNext]:not([disabled])').waitFor();
  const current = page.locator('.current .number');
  const step = async (key: string, then: () => Promise<unknown>) => {
    await page.keyboard.press(key);
    await then();
  };
  await step('F1', () => current.waitFor());
  await step('F3', () => page.locator('.state.serving').waitFor());
  await step('F10', () => page.getByText('挂起（1）').waitFor());
  await step('F1', () => current.waitFor());
  await step('F3', () => page.locator('.state.serving').waitFor());
  hub.clock.advance(7 * 60_000);
  await page.keyboard.press('F4');
  await page.keyboard.press('1');
  await step('Enter', () => page.getByText('当前没有呼叫中的号').waitFor());
  await step('F1', () => current.waitFor());
  await step('F3', () => page.locator('.state.serving').waitFor());
  await page.locator('[data-figure=served]', { hasText: '1' }).waitFor();
  await capture(page, 'window-caller');

  await page.keyboard.press('F9');
  await page.getByRole('dialog').waitFor();
  await page.getByLabel('转到业务').selectOption('property');
  await page.getByLabel('转移原因').fill('涉及不动产登记，转房产窗口办理');
  await capture(page, 'window-caller-transfer');
  await page.context().close();
}
