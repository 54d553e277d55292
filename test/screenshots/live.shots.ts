// The managers' live board: a long tax queue past its thresholds, a window paused too long, a board offline.
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import type { ShotContext } from './shot.js';

const MINUTE = 60_000;

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const kiosk = await hub.connect('demo-kiosk-1');
  const board = await hub.connect('demo-board-1');
  for (const [categoryId, n] of [['general', 4], ['tax', 9], ['insurance', 2]] as const) {
    for (let i = 0; i < n; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
  }
  for (const n of ['01', '02', '05', '08', '15']) {
    const w = await hub.connect(`demo-window-${n}`);
    await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' });
    if (n === '02') await w.emitWithAck('window:pause', { cmdId: cmdId(), windowId: 'w02', reason: 'meeting' });
    else await w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: `w${n}` });
    if (n === '01' || n === '08') await w.emitWithAck('window:start', { cmdId: cmdId(), windowId: `w${n}` });
  }
  board.disconnect();
  await new Promise((r) => setTimeout(r, 300)); // the hub notes the board gone before the clock jumps
  hub.clock.advance(33 * MINUTE);

  const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/live`, { ...LANDSCAPE, height: 2000 });
  await page.getByText('一键切换').waitFor();
  await page.locator('li[data-kind="device-offline"]').waitFor();
  await capture(page, 'console-live');
  await page.context().close();
}
