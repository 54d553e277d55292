// In real Chromium, against a real hub: the 评价与数据 page's provincial platform form says a wrong
// 行政区划代码 beside its field, saves a good one with the profile, and its outbox panel shows a record
// the platform refused, with the platform's reason.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;
let page: Page;
let platform: Server;

beforeAll(async () => {
  platform = createServer((_req, res) => res.writeHead(503).end('省平台维护中'));
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/admin-evaluation`, { ...LANDSCAPE, height: 1600 });
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
  platform?.close();
});

const form = (): ReturnType<Page['locator']> => page.locator('form[data-form=platform]');

describe('provincial platform settings', () => {
  it('says a region code that is not 6 digits beside the field', async () => {
    await form().locator('input[name=regionCode]').fill('3301');
    await form().locator('button[type=submit]').click();
    const error = form().locator('[data-field-error="evaluation.platform.regionCode"]');
    await error.waitFor();
    expect(await error.innerText()).toBe('行政区划代码须为 6 位数字');
  });

  it('saves the profile, region code and push address', async () => {
    const endpoint = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/records`;
    await form().locator('select[name=profile]').selectOption('reversed');
    await form().locator('input[name=regionCode]').fill('330108');
    await form().locator('input[name=endpoint]').fill(endpoint);
    await form().locator('button[type=submit]').click();
    await page.locator('main .notice').filter({ hasText: '已保存' }).waitFor();
    const manager = await t.connect('demo-console-1');
    const config = await manager.emitWithAck('admin:config', {});
    expect(config.ok && config.data.evaluation.platform).toEqual({ profile: 'reversed', regionCode: '330108', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint });
  });

  it('shows a refused record in the outbox panel with the platform’s reason', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const w1 = await t.connect('demo-window-01');
    const pad = await t.connect('demo-pad-01');
    await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' });
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    await w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    await w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' });
    await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' });
    const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: issued.ok ? issued.data.ticket.id : '', level: 'satisfied', reasons: [] });
    expect(rated.ok).toBe(true);

    const failed = page.locator('[data-panel=outbox] tr[data-state=failed]');
    for (let i = 0; i < 50 && (await failed.count()) === 0; i++) {
      await page.locator('[data-panel=outbox] button').click();
      await page.waitForTimeout(100);
    }
    expect(await failed.locator('td').first().innerText()).toBe('330108demo-district20261123A001');
    expect(await failed.locator('.reason').innerText()).toBe('HTTP 503: 省平台维护中');
    expect(await page.locator('[data-panel=outbox] .failed b').innerText()).toBe('1');
  });
});
