// Evaluation pad at window 1 on a 10-inch tablet: the staff card while idle, the five levels after a
// visit, the reasons screen of a bad rating; then the console's case list with the case it opened.
import { cmdId, type Client } from '../helpers/test-hub.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import type { ShotContext } from './shot.js';

const TABLET = { width: 1280, height: 800 };

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  const window = await hub.connect('demo-window-01');
  await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
  const pad = await openScreen(browser, `${hub.hub.url}/window/pad.html?token=demo-pad-01`, TABLET);
  await pad.locator('[data-staff="0101"]').waitFor();
  await capture(pad, 'pad-idle');

  await serveOne(kiosk, window);
  await pad.locator('[data-screen=rate]').waitFor();
  await capture(pad, 'pad-rate');

  await pad.locator('[data-level=dissatisfied]').click();
  await pad.getByRole('button', { name: '办事效率' }).click();
  await pad.getByRole('button', { name: '材料要求不清' }).click();
  await pad.locator('textarea').fill('材料清单与窗口要求不一致，跑了两趟');
  for (const d of '1391234') await pad.locator('.keypad button', { hasText: new RegExp(`^${d}$`) }).click();
  await capture(pad, 'pad-reasons');
  for (const d of '5678') await pad.locator('.keypad button', { hasText: new RegExp(`^${d}$`) }).click();
  await pad.getByRole('button', { name: '提交评价' }).click();
  await pad.locator('[data-screen=thanks]').waitFor();
  await pad.context().close();

  const console1 = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/cases`, LANDSCAPE);
  await console1.locator('[data-case]').first().click();
  await console1.locator('form[data-step=verify]').waitFor();
  await capture(console1, 'console-cases');
  await console1.context().close();
}

async function serveOne(kiosk: Client, window: Client): Promise<void> {
  await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
  for (const command of ['window:callNext', 'window:start'] as const) await window.emitWithAck(command, { cmdId: cmdId(), windowId: 'w01' });
  await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'incomplete', note: '缺少营业执照副本' });
}
