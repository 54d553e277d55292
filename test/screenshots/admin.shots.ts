// Administration: a new kiosk's pairing code; the console's sign-in, devices page (demo devices and
// a waiting screen), and the configuration pages (hall and hours, categories with an open form,
// windows, staff, evaluation and retention, the audit log); the forms' mistakes said beside their fields
// (hall hours, a 工号 in use, a file that is not a photo) and what an evaluator sees (read only), each at
// 1366×768 and 1920×1080.
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
  // Revoking asks first, in the console's own dialog, saying what it would end.
  await console.getByRole('button', { name: '撤销全部演示设备' }).click();
  await console.getByRole('dialog').waitFor();
  await capture(console, 'admin-devices-confirm');
  await console.getByRole('dialog').getByRole('button', { name: '取消' }).click();
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

  for (const [size, viewport] of [['1366', { width: 1366, height: 768 }], ['1920', LANDSCAPE]] as const) {
    const manager = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/admin-hall`, viewport);
    await manager.locator('[data-weekday="1"] [data-period="1.1"] input').nth(1).fill('12:00');
    await manager.locator('form[data-form=hall] button[type=submit]').click();
    const afternoon = manager.locator('[data-weekday="1"] [data-period="1.1"] [data-field-error]');
    await afternoon.waitFor();
    await afternoon.scrollIntoViewIfNeeded();
    await capture(manager, `console-form-errors-hall-${size}`);

    await manager.goto(`${hub.hub.url}/console/#/admin-staff`);
    await manager.locator('[data-add=staff]').click();
    const staff = manager.locator('form[data-form=staff]');
    await staff.locator('input[name=number]').fill('0101');
    await staff.locator('input[name=name]').fill('');
    await staff.locator('input[name=pin]').fill('246810');
    await staff.locator('button[type=submit]').click();
    await staff.locator('[data-field-error="staff.name"]').waitFor();
    await staff.locator('input[name=name]').fill('王小明');
    await staff.locator('button[type=submit]').click();
    await staff.locator('[data-field-error="staff.number"]').waitFor();
    await staff.scrollIntoViewIfNeeded();
    await capture(manager, `console-form-errors-staff-${size}`);

    await staff.getByRole('button', { name: '取消' }).click();
    await manager.locator('tr[data-staff=s0101] button').click();
    const edit = manager.locator('form[data-form=staff]');
    await edit.locator('input[name=photo]').setInputFiles({ name: '身份证扫描.pdf', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4') });
    await edit.locator('[data-field-error=photo]').waitFor();
    await edit.locator('[data-field-error=photo]').scrollIntoViewIfNeeded();
    await capture(manager, `console-form-errors-photo-${size}`);
    await manager.context().close();

    // The evaluator: the same pages, read only.
    const evaluator = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/admin-staff`, viewport);
    await evaluator.getByRole('button', { name: '切换账号' }).click();
    await evaluator.getByLabel('工号').fill('0003');
    await evaluator.getByLabel('密码').fill(DEMO_PASSWORD);
    await evaluator.getByRole('button', { name: '登录' }).click();
    await evaluator.locator('[data-operator=s0003]').waitFor();
    await evaluator.locator('tr[data-staff=s0101] button').click();
    await evaluator.locator('form[data-form=staff]').scrollIntoViewIfNeeded();
    await capture(evaluator, `console-evaluator-staff-${size}`);
    await evaluator.goto(`${hub.hub.url}/console/#/admin-hall`);
    await evaluator.locator('form[data-form=hall]').waitFor();
    await capture(evaluator, `console-evaluator-hall-${size}`);
    await evaluator.goto(`${hub.hub.url}/console/#/admin-categories`);
    await evaluator.locator('tr[data-category=property] button').click();
    await evaluator.locator('form[data-form=category]').scrollIntoViewIfNeeded();
    await capture(evaluator, `console-evaluator-category-${size}`);
    await evaluator.goto(`${hub.hub.url}/console/#/appointments`);
    await evaluator.locator('[data-totals]').waitFor();
    await capture(evaluator, `console-evaluator-appointments-${size}`);
    await evaluator.context().close();
  }
}
