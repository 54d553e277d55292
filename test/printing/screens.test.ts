// In real Chromium: a kiosk out of paper says so before anyone picks a service, hands out an
// e-ticket with the QR code of the ticket's page, and the console reprints it once paper is back.
import type { Browser } from 'playwright-core';
import { renderSVG } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import type { TestHub } from '../helpers/test-hub.js';
import { takeNumber } from './helpers/kiosk-page.js';
import { printer, printerIs, PUBLIC_URL, startPrintingHub } from './helpers/printing-hub.js';
import { printerOnTcp, type WiredPrinter } from './helpers/virtual-printers.js';

let browser: Browser;
let t: TestHub;
let wired: WiredPrinter & { port: number };

beforeAll(async () => {
  wired = await printerOnTcp();
  wired.vp.state = 'paper-out';
  t = await startPrintingHub([printer('p-kiosk-1', 'kiosk-1', { kind: 'tcp', host: '127.0.0.1', port: wired.port })]);
  await printerIs(await t.connect('demo-console-1'), 'p-kiosk-1', 'paper-out');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await wired?.close();
});

describe('printing on the screens', () => {
  it('the kiosk warns of no paper, then gives an e-ticket with the QR code; the console reprints it and sets the layout', async () => {
    const kiosk = await openScreen(browser, `${t.hub.url}/kiosk/?token=demo-kiosk-1`);
    await kiosk.getByText('本机打印纸已用完').waitFor();
    await takeNumber(kiosk, '税务');
    await kiosk.getByText('电子号票').waitFor();
    await expect(kiosk.getByText('请拍照或扫码保存').isVisible()).resolves.toBe(true);
    const url = t.pageUrl('F001', PUBLIC_URL);
    // The modules drawn on screen are those of the ticket's address.
    const modules = /\sd="([^"]+)"/.exec(renderSVG(url, { ecc: 'M', border: 2 }))?.[1];
    expect(await kiosk.locator('figure.qr path').getAttribute('d')).toBe(modules);

    const console_ = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/printers`);
    const row = console_.locator('tr[data-ticket="F001"]');
    await row.waitFor();
    await expect(console_.locator('tr[data-printer="p-kiosk-1"]').innerText()).resolves.toContain('缺纸');
    wired.vp.state = 'ready';
    await row.getByRole('button', { name: '补打' }).click();
    await console_.getByText('已补打 F001').waitFor();
    const [slip] = await wired.vp.waitForSlips(1);
    expect(slip!.lines.map((l) => l.text)).toContain('F001');
    await row.waitFor({ state: 'detached' });

    // The slip's footer is changed in the layout form and kept; a character the printer has not got is pointed out.
    const footer = console_.getByLabel('底部提示');
    await footer.fill('感谢您的耐心等候😀');
    await console_.getByRole('button', { name: '保存' }).click();
    await console_.getByText('底部提示中的「😀」打印机印不出，会印成“?”').waitFor();
    await footer.fill('感谢您的耐心等候');
    await console_.getByRole('button', { name: '保存' }).click();
    await console_.getByText('已保存').waitFor();
    await expect(console_.getByText('打印机印不出').count()).resolves.toBe(0);
    const settings = await (await t.connect('demo-console-1')).emitWithAck('printer:settings', {});
    expect(settings).toMatchObject({ ok: true, data: { layout: { footer: '感谢您的耐心等候', publicUrl: PUBLIC_URL } } });
  });
});
