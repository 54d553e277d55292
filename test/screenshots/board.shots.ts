// Hall call board (landscape and portrait) in the middle of a morning, and window-top displays.
import { LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import { cmdId, type Client, type TestHub } from '../helpers/test-hub.js';
import type { ShotContext } from './shot.js';

const NOTICE = '温馨提示：今日 16:00 起不动产登记业务暂停取号；60 岁以上老人请到帮办代办窗口（14 号）优先办理。';

async function openWindow(hub: TestHub, n: number): Promise<Client> {
  const nn = String(n).padStart(2, '0');
  const w = await hub.connect(`demo-window-${nn}`);
  await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${nn}`, staffNumber: `${nn}01`, pin: '123456' });
  return w;
}

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const console = await hub.connect('demo-console-1');
  await console.emitWithAck('live:updateSettings', { cmdId: cmdId(), notice: NOTICE });
  const kiosk = await hub.connect('demo-kiosk-1');
  const issue = [['general', 9], ['insurance', 4], ['social', 3], ['property', 3], ['tax', 5], ['certificate', 2], ['one-thing', 2]] as const;
  for (const [categoryId, n] of issue) for (let i = 0; i < n; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
  const windows: Record<number, Client> = {};
  for (const n of [1, 2, 3, 5, 7, 8, 16]) windows[n] = await openWindow(hub, n);
  for (const n of [1, 2, 8, 3, 7, 16, 1, 5]) {
    const w = windows[n]!;
    const windowId = `w${String(n).padStart(2, '0')}`;
    await w.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' }).catch(() => undefined);
    await w.emitWithAck('window:start', { cmdId: cmdId(), windowId });
    await w.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' });
    await w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId });
  }
  await windows[3]!.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w03' });
  await windows[3]!.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w03', outcome: 'done' });
  await windows[3]!.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w03', reason: 'away' });

  for (const [orientation, viewport] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
    const page = await openScreen(browser, `${hub.hub.url}/kiosk/board.html?token=demo-board-1`, viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' }); // the flash and the scrolling notice hold still
    await page.locator('[data-live="true"]').waitFor();
    await page.locator('.latest .number', { hasText: 'C001' }).waitFor();
    await capture(page, `board-${orientation}`);
    await page.context().close();
  }

  const display = { width: 1280, height: 400 };
  for (const [n, name] of [[5, 'display-calling'], [3, 'display-paused']] as const) {
    const page = await openScreen(browser, `${hub.hub.url}/kiosk/display.html?token=demo-display-0${n}`, display);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.locator('[data-live="true"]').waitFor();
    await capture(page, name);
    await page.context().close();
  }
}
