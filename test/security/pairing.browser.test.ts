// In real Chromium: a new kiosk shows a pairing code; a manager types it on the console's devices
// page and places the kiosk; the kiosk opens with its new token and takes a number. Revoked, it drops
// straight back to a (new) pairing code.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen, PORTRAIT } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { takeNumber } from '../printing/helpers/kiosk-page.js';

let browser: Browser;
let t: TestHub;
beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const codeOf = async (page: Page): Promise<string> => (await page.locator('[data-pairing-code]').getAttribute('data-pairing-code'))!;

describe('pairing a kiosk from the console', () => {
  it('pairs a new kiosk by its code, takes a number on it, and drops it back to pairing when revoked', async () => {
    const kiosk = await openScreen(browser, `${t.hub.url}/kiosk/`, PORTRAIT);
    await kiosk.locator('[data-pairing-code]').waitFor();
    const code = await codeOf(kiosk);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await kiosk.locator('body').innerText()).toMatch(/本设备尚未配对[\s\S]*This device is not paired/);

    const console = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/devices`, LANDSCAPE);
    const form = console.locator('form[data-form=pair]');
    await form.waitFor();
    await console.getByText('等待配对的屏幕').waitFor();
    await form.locator('input[name=code]').fill(code.toLowerCase());
    await form.locator('select[name=role]').selectOption('kiosk');
    await form.locator('input[name=name]').fill('3号取号机');
    await form.locator('select[name=place]').selectOption('hall');
    await form.getByRole('button', { name: '配对' }).click();
    await console.getByText('已配对：3号取号机').waitFor();

    // The kiosk collects its token, reopens with it, and is a kiosk like any other.
    await kiosk.getByText('综合受理').first().waitFor({ timeout: 15_000 });
    expect(kiosk.url()).not.toContain('token=');
    await takeNumber(kiosk, '综合受理');
    await kiosk.getByText('您的号码').waitFor();
    await expect.poll(() => kiosk.locator('body').innerText()).toMatch(/A001/);
    const row = console.locator('tr[data-device=kiosk-3]');
    await expect.poll(() => row.innerText()).toMatch(/3号取号机[\s\S]*在线/);

    await row.getByRole('button', { name: '撤销' }).click();
    await console.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await kiosk.locator('[data-pairing-code]').waitFor({ timeout: 15_000 });
    expect(await codeOf(kiosk)).not.toBe(code);
    await expect.poll(() => console.locator('tr[data-device=kiosk-3]').count()).toBe(0);
    await kiosk.context().close();
    await console.context().close();
  });
});
