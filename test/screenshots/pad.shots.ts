// Evaluation pad at window 1 on a 10-inch tablet: the staff card while idle, the five levels after a
// visit, the reasons screen of a bad rating (quick phrases, the longer time once a level is chosen);
// a level kept when time ran out; a visit rated on the phone meanwhile; a pad opened with another
// device's token; the phone page whose rating came after the pad's; then the console's case list.
// Window-top displays at every common size with a 4-digit number and a notice, and the console's
// 窗口通知 page.
import { cmdId, type Client } from '../helpers/test-hub.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { PHONE } from '../kiosk/helpers/screens.js';
import { DISPLAY_SIZES } from '../ratings/display-layout.js';
import type { ShotContext } from './shot.js';

const TABLET = { width: 1280, height: 800 };

export async function shoot(ctx: ShotContext): Promise<void> {
  await shootPad(ctx);
  await shootDisplays(ctx);
}

async function shootPad({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  const window = await hub.connect('demo-window-01');
  await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
  const pad = await openScreen(browser, `${hub.hub.url}/window/pad.html?token=demo-pad-01`, TABLET, { prepare: (c) => c.clock.install() });
  await pad.locator('[data-staff="0101"]').waitFor();
  await capture(pad, 'pad-idle');

  await serveOne(kiosk, window);
  await pad.locator('[data-screen=rate]').waitFor();
  await capture(pad, 'pad-rate');

  await pad.locator('[data-level=dissatisfied]').click();
  await pad.locator('.sub[data-kept=true]').waitFor();
  await pad.getByRole('button', { name: '办事效率' }).click();
  await pad.getByRole('button', { name: '材料要求不清' }).click();
  await pad.locator('[data-phrase=materials]').click();
  await pad.locator('[data-phrase=trips]').click();
  for (const d of '1391234') await pad.locator('.keypad button', { hasText: new RegExp(`^${d}$`) }).click();
  await capture(pad, 'pad-reasons');
  for (const d of '5678') await pad.locator('.keypad button', { hasText: new RegExp(`^${d}$`) }).click();
  await pad.getByRole('button', { name: '提交评价' }).click();
  await pad.locator('[data-screen=thanks]').waitFor();

  // A level chosen, then nothing more until the time for the details runs out too.
  await pad.clock.fastForward(5000);
  await serveOne(kiosk, window);
  await pad.locator('[data-screen=rate]').waitFor();
  await pad.locator('[data-level=very-dissatisfied]').click();
  await pad.locator('.sub[data-kept=true]').waitFor();
  hub.clock.advance(3 * 60_000 + 2000);
  await pad.clock.fastForward(3 * 60_000 + 2000);
  await pad.locator('[data-screen=kept]').waitFor();
  // The jump in the pad's clock outran its socket's heartbeat: let it reconnect first.
  await pad.locator('.pad[data-live=true]').waitFor();
  await capture(pad, 'pad-kept');

  // Rated on the phone while the pad asks.
  await pad.clock.fastForward(10_000);
  const issued = await serveOne(kiosk, window);
  await pad.locator('[data-screen=rate]').waitFor();
  const phone = await openScreen(browser, issued.print!.pageUrl.replace(/^http:\/\/[^/]+/, hub.hub.url), PHONE, { hasTouch: true });
  await phone.locator('[data-level="satisfied"]').tap();
  await pad.locator('[data-screen=elsewhere]').waitFor();
  await capture(pad, 'pad-elsewhere');
  await phone.context().close();

  // The pad rated first; the phone's rating comes too late.
  await pad.clock.fastForward(10_000);
  const second = await serveOne(kiosk, window);
  const late = await openScreen(browser, second.print!.pageUrl.replace(/^http:\/\/[^/]+/, hub.hub.url), PHONE, { hasTouch: true });
  await late.getByText('评价本次服务', { exact: true }).waitFor();
  await pad.locator('[data-screen=rate]').waitFor();
  await pad.locator('[data-level=basic]').click();
  await pad.locator('[data-screen=thanks]').waitFor();
  await late.locator('[data-level="very-dissatisfied"]').tap();
  await late.getByRole('button', { name: '服务态度' }).tap();
  await late.getByRole('button', { name: '提交评价' }).tap();
  await late.locator('[data-refused]').waitFor();
  await capture(late, 'phone-rated-on-pad');
  await late.context().close();
  await pad.context().close();

  const wrong = await openScreen(browser, `${hub.hub.url}/window/pad.html?token=demo-window-02`, TABLET);
  await wrong.locator('[data-screen=wrong-device]').waitFor();
  await capture(wrong, 'pad-wrong-token');
  await wrong.context().close();

  const console1 = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/cases`, LANDSCAPE);
  await console1.locator('[data-case]').first().click();
  await console1.locator('form[data-step=verify]').waitFor();
  await capture(console1, 'console-cases');
  await console1.context().close();
}

/** J1000 called at window 11 (numbers grow past 999), a notice for window 11, window 12 paused. */
async function shootDisplays({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  await Promise.all(Array.from({ length: 1000 }, () => kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'utilities' })));
  const w11 = await hub.connect('demo-window-11');
  await w11.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w11', staffNumber: '1101', pin: '123456' });
  await w11.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w11', number: 'J1000' });
  const w12 = await hub.connect('demo-window-12');
  await w12.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w12', staffNumber: '1201', pin: '123456' });
  await w12.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w12', reason: 'away' });

  const console1 = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/notices`, LANDSCAPE);
  await console1.locator('select[name=window]').selectOption('w11');
  await console1.locator('input[name=text]').fill('本窗口 14:00 起暂停办理，请到 2 号综合窗口');
  await console1.locator('input[name=endTime]').fill('14:00');
  await console1.getByRole('button', { name: '发布通知' }).click();
  await console1.locator('tr.showing').waitFor();
  await capture(console1, 'console-notices');
  await console1.context().close();

  for (const [nn, what] of [['11', 'calling-notice'], ['12', 'paused']] as const)
    for (const size of DISPLAY_SIZES) {
      const page = await openScreen(browser, `${hub.hub.url}/kiosk/display.html?token=demo-display-${nn}`, size);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.locator('[data-live="true"]').waitFor();
      if (nn === '11') await page.locator('.notice').waitFor();
      await capture(page, `display-${what}-${size.width}x${size.height}`);
      await page.context().close();
    }
}

async function serveOne(kiosk: Client, window: Client) {
  const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
  if (!issued.ok) throw new Error(issued.error.messageEn);
  for (const command of ['window:callNext', 'window:start'] as const) await window.emitWithAck(command, { cmdId: cmdId(), windowId: 'w01' });
  await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'incomplete', note: '缺少营业执照副本' });
  return issued.data;
}
