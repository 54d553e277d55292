// The managers' live board: a long tax queue with the tidal suggestion, a switched-back-able tidal
// window, alerts of every kind the hub checks (one acknowledged, one cleared), at the whole page and at
// 1366×768 and 1920×1080; then the operation log with the changes made (a cancel, a handled suggestion
// and a notice among them), at both sizes.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import type { ShotContext } from './shot.js';

const MINUTE = 60_000;
const SMALL = { width: 1366, height: 768 };

async function signedIn(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await openScreen(browser, url, viewport);
  await page.getByRole('button', { name: '切换账号' }).click();
  await page.getByLabel('工号').fill('0001');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-operator=s0001]').waitFor();
  return page;
}

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  const board = await hub.connect('demo-board-1');
  for (const [categoryId, n] of [['general', 4], ['tax', 9], ['insurance', 2], ['property', 2]] as const) {
    for (let i = 0; i < n; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
  }
  for (const n of ['01', '02', '03', '05', '08']) {
    const w = await hub.connect(`demo-window-${n}`);
    await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' });
    if (n === '02') await w.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w02', reason: 'meeting' });
    else if (n === '03') w.disconnect(); // its caller gone, still shown as serving
    else await w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: `w${n}` });
    if (n === '01') await w.emitWithAck('window:transfer', { cmdId: cmdId(), windowId: 'w01', toWindowId: 'w04', note: '需社会事务窗口办理' });
    if (n === '08') await w.emitWithAck('window:start', { cmdId: cmdId(), windowId: `w${n}` });
  }
  board.disconnect();
  await new Promise((r) => setTimeout(r, 300)); // the hub notes the board gone before the clock jumps
  hub.clock.advance(33 * MINUTE);

  const page = await signedIn(browser, `${hub.hub.url}/console/?token=demo-console-1#/live`, { ...LANDSCAPE, height: 2000 });
  await page.locator('li[data-kind="device-offline"]').waitFor();
  // 林雪梅 acknowledges one alert; the tidal window's staff arrives and the suggestion appears.
  await page.locator('li[data-kind="paused-too-long"]').getByRole('button', { name: '确认' }).click();
  await page.locator('li[data-kind="paused-too-long"]').getByText(/已确认/).waitFor();
  const w15 = await hub.connect('demo-window-15');
  await w15.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w15', staffNumber: '1501', pin: '123456' });
  await page.getByText('一键切换').waitFor();
  await page.getByLabel('等候超过（分钟）').fill('25');
  await page.locator('section.settings .actions').nth(1).getByRole('button', { name: '保存' }).click();
  await page.locator('section.settings').getByText('已保存').waitFor();
  await capture(page, 'console-live');
  for (const [viewport, name] of [[SMALL, 'console-live-1366'], [LANDSCAPE, 'console-live-1920']] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
    await capture(page, name);
  }
  // The switch, then the operation log.
  await page.setViewportSize({ ...LANDSCAPE, height: 2000 });
  await page.getByRole('button', { name: '一键切换' }).click();
  await page.getByRole('button', { name: '恢复' }).waitFor();
  await capture(page, 'console-live-switched');

  // A printer added and changed over REST by the demo console's built-in manager.
  const api = (body: object): Promise<Response> =>
    fetch(`${hub.hub.url}/api/printing/printers/p-east`, {
      method: 'PUT',
      headers: { authorization: 'Bearer demo-console-1', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const printer = { name: '1号取号机打印机', kioskId: 'kiosk-1', connection: { kind: 'tcp', host: '10.0.0.9', port: 9100 }, enabled: false, statusQueries: true };
  await api(printer);
  await api({ ...printer, name: '大厅东侧打印机', connection: { kind: 'tcp', host: '10.0.0.19', port: 9100 } });

  // The demo manager cancels a ticket, handles a suggestion and posts a notice: each its own kind in the log.
  const manager = await hub.connect('demo-console-1');
  await manager.emitWithAck('ticket:cancel', { cmdId: cmdId(), number: 'F009', note: '群众自行离开' });
  const left = await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'complaint', topics: ['waiting'], text: '税务等候太久' });
  if (left.ok) await manager.emitWithAck('kiosk:handleSuggestion', { cmdId: cmdId(), id: left.data.id, handler: '王主任', note: '已增开潮汐窗口' });
  await manager.emitWithAck('notice:post', { cmdId: cmdId(), windowId: null, text: '系统升级，15:00 起暂停办理', endsAt: hub.clock.now() + 60 * MINUTE });

  await page.goto(`${hub.hub.url}/console/#/admin-audit`);
  await page.locator('tr[data-action="tidal.assign"]').waitFor();
  for (const [viewport, name] of [[SMALL, 'console-audit-1366'], [LANDSCAPE, 'console-audit-1920']] as const) {
    await page.setViewportSize(viewport);
    await capture(page, name);
  }
  await page.getByLabel('类别').selectOption({ label: '潮汐窗口' });
  await capture(page, 'console-audit-filtered');
  await page.context().close();
}
