// In real Chromium, without a restart: a manager signs in at the console, adds a category and a
// window; the kiosk that was already open offers the new category at once and issues its first
// number; a caller at the new window signs in and calls it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { takeNumber } from '../printing/helpers/kiosk-page.js';
import { DEMO_PASSWORD, pairDevice } from './helpers.js';

let browser: Browser;
let t: TestHub;
beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('configuring the hall from the console', () => {
  it('adds a category and a window that take and call a ticket, live', async () => {
    const kiosk = await openScreen(browser, `${t.hub.url}/kiosk/?token=demo-kiosk-1`, PORTRAIT);
    await kiosk.getByText('综合受理').first().waitFor();
    expect(await kiosk.getByText('出入境').count()).toBe(0);

    // The demo console starts as its demo manager; the hall's manager signs in with her password.
    const console = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/admin-categories`, LANDSCAPE);
    await console.getByRole('button', { name: '切换账号' }).click();
    await console.getByLabel('工号').fill('0001');
    await console.getByLabel('密码').fill(DEMO_PASSWORD);
    await console.getByRole('button', { name: '登录' }).click();
    await console.locator('[data-operator=s0001]').waitFor();

    await console.locator('[data-add=category]').click();
    const category = console.locator('form[data-form=category]');
    await category.locator('input[name=id]').fill('passport');
    await category.locator('input[name=prefix]').fill('P');
    await category.locator('input[name=name]').fill('出入境');
    await category.locator('input[name=nameEn]').fill('Exit & entry');
    await category.getByRole('button', { name: '保存' }).click();
    await console.locator('tr[data-category=passport]').waitFor();

    await console.goto(`${t.hub.url}/console/#/admin-windows`);
    await console.locator('[data-add=window]').click();
    const window = console.locator('form[data-form=window]');
    expect(await window.locator('input[name=number]').inputValue()).toBe('18');
    await window.locator('input[name=name]').fill('出入境窗口');
    await window.locator('[data-serves=passport] input[type=checkbox]').check();
    await window.getByRole('button', { name: '保存' }).click();
    await console.locator('tr[data-window=w18]').waitFor();
    expect(await console.locator('tr[data-window=w18]').innerText()).toMatch(/18[\s\S]*出入境窗口[\s\S]*P×10/);

    // The open kiosk was told and shows the new category; its first number is P001.
    await takeNumber(kiosk, '出入境');
    await kiosk.getByText('您的号码').waitFor();
    await expect.poll(() => kiosk.locator('body').innerText()).toMatch(/P001/);

    const caller = await pairDevice(t, { name: '18号窗口叫号终端', role: 'window', windowId: 'w18' });
    const window18 = await openScreen(browser, `${t.hub.url}/window/?token=${caller.token}`);
    await window18.getByLabel('工号').fill('1301');
    await window18.getByLabel('密码').fill('123456');
    await window18.keyboard.press('Enter');
    await window18.locator('[data-action=callNext]').click();
    await window18.locator('.number', { hasText: 'P001' }).waitFor();

    await kiosk.context().close();
    await console.context().close();
    await window18.context().close();
  });
});
