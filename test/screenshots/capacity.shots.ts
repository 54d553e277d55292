// 排班建议 over three weeks of a busy synthetic hall (the bench's generator at 4,500 tickets a working
// day): tomorrow's advice, one category slot by slot, and the live board's tidal advice looking ahead
// (the queues are short now, but the forecast's next 45 minutes will overrun the windows signed in).
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import { startHistoryHub } from '../capacity/history-hub.js';
import type { ShotContext } from './shot.js';

export async function shoot({ browser, capture }: ShotContext): Promise<void> {
  const hub = await startHistoryHub({ from: '2026-10-19', to: '2026-11-22', ticketsPerWorkday: 4500 });
  try {
    const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/capacity`, { ...LANDSCAPE, height: 1500 });
    await page.getByTestId('matrix').waitFor();
    await capture(page, 'console-capacity');
    await page.locator('[data-category=insurance] button.pick').click();
    await page.getByTestId('detail').scrollIntoViewIfNeeded();
    await capture(page, 'console-capacity-detail');
    await page.context().close();

    // The comprehensive windows (and the tidal one) keep up with 综合受理; the one-window categories will not.
    for (const n of ['01', '02', '03', '05', '15']) {
      const w = await hub.connect(`demo-window-${n}`);
      await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' });
    }
    const kiosk = await hub.connect('demo-kiosk-1');
    for (let i = 0; i < 5; i++) await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'insurance' });
    const live = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/live`, LANDSCAPE);
    await live.locator('.suggestion', { hasText: '未来' }).first().waitFor({ timeout: 30_000 });
    await capture(live, 'console-live-tidal-ahead');
    await live.context().close();
  } finally {
    await hub.close();
  }
}
