// Administration: a new kiosk's pairing code; the console's sign-in, devices page (demo devices and
// a waiting screen), and the configuration pages (hall and hours, categories with an open form,
// windows, staff, evaluation and retention, the audit log).
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await openScreen(browser, `${hub.hub.url}/kiosk/`, PORTRAIT);
  await kiosk.locator('[data-pairing-code]').waitFor();
  await capture(kiosk, 'admin-pairing-kiosk');

  const console = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/devices`, { ...LANDSCAPE, height: 1400 });
  await console.getByRole('button', { name: '切换账号' }).click();
  await console.getByLabel('工号').fill('0002');
  await capture(console, 'admin-sign-in');
  await console.getByLabel('密码').fill(DEMO_PASSWORD);
  await console.getByRole('button', { name: '登录' }).click();
  await console.locator('[data-operator=s0002]').waitFor();
  await console.getByText('等待配对的屏幕').waitFor();
  await console.locator('form[data-form=pair] input[name=code]').fill((await kiosk.locator('[data-pairing-code]').getAttribute('data-pairing-code'))!);
  await console.locator('form[data-form=pair] input[name=name]').fill('3号取号机');
  await capture(console, 'admin-devices');
  await kiosk.context().close();

  // Something in the audit log besides the sign-in.
  const manager = await hub.connect('demo-console-1');
  await manager.emitWithAck('admin:saveRetention', { cmdId: cmdId(), retention: { personalDataDays: 180 } });

  for (const page of ['admin-hall', 'admin-windows', 'admin-staff', 'admin-evaluation', 'admin-audit']) {
    await console.goto(`${hub.hub.url}/console/#/${page}`);
    await console.locator('main h1').waitFor();
    await console.locator('main table, main form').first().waitFor();
    await capture(console, `console-${page}`);
  }
  await console.goto(`${hub.hub.url}/console/#/admin-categories`);
  await console.locator('tr[data-category=property] button').click();
  await console.locator('form[data-form=category]').waitFor();
  await capture(console, 'console-admin-categories');
  await console.context().close();
}
