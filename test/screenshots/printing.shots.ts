// Printing: a kiosk out of paper (home notice, e-ticket with its QR code), a printed ticket, and the
// console's printers page. The printer is the project's virtual printer on a loopback TCP port.
import { LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import { takeNumber } from '../printing/helpers/kiosk-page.js';
import { printer } from '../printing/helpers/printing-hub.js';
import { printerOnTcp } from '../printing/helpers/virtual-printers.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const wired = await printerOnTcp();
  try {
    wired.vp.state = 'paper-out';
    const console_ = await hub.connect('demo-console-1');
    await console_.emitWithAck('printer:save', { cmdId: cmdId(), printer: { ...printer('p-kiosk-1', 'kiosk-1', { kind: 'tcp', host: '127.0.0.1', port: wired.port }), name: '1号取号机打印机' } });

    for (const [orientation, viewport] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
      const page = await openScreen(browser, `${hub.hub.url}/kiosk/?token=demo-kiosk-1`, viewport);
      await page.getByText('本机打印纸已用完').waitFor();
      await capture(page, `printing-kiosk-paper-out-${orientation}`);
      await takeNumber(page, '社会事务');
      await page.getByText('电子号票').waitFor();
      await capture(page, `printing-kiosk-eticket-${orientation}`);
      await page.context().close();
    }

    wired.vp.state = 'ready';
    const page = await openScreen(browser, `${hub.hub.url}/kiosk/?token=demo-kiosk-1`, LANDSCAPE);
    await page.getByText('综合受理').first().waitFor();
    await page.getByText('本机打印纸已用完').waitFor({ state: 'detached', timeout: 10_000 });
    await takeNumber(page, '税务');
    await page.getByText('请取走打印的号票').waitFor();
    await capture(page, 'printing-kiosk-printed-landscape');
    await page.context().close();

    const consolePage = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/printers`, LANDSCAPE);
    await consolePage.getByText('今日未打印的号票').waitFor();
    await consolePage.locator('tr[data-ticket="B001"]').waitFor();
    await capture(consolePage, 'printing-console-printers');
    await consolePage.context().close();
  } finally {
    await wired.close();
  }
}
