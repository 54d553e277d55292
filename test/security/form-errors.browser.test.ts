// In real Chromium, against a real hub: a manager's mistakes in the settings forms are said beside the
// field, in Chinese, naming what the manager sees — never at the top of the page with the hub's internal
// names (hall.schedule.hours.1.0, s0101), never as the browser's own (English) bubble.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
  // The demo console acts as its demo manager.
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/admin-hall`, LANDSCAPE);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

/** What the page says outside the fields (the notice above the forms). */
const notices = (p: Page): Promise<string> => p.locator('main .notice').allInnerTexts().then((texts) => texts.join('\n'));

describe('settings forms say each problem beside its field', () => {
  it('hall hours: an afternoon that ends before it starts, and a time that is not a time', async () => {
    const monday = page.locator('[data-weekday="1"]');
    await monday.locator('[data-period="1.1"] input').nth(1).fill('12:00'); // 13:30–12:00
    await page.locator('[data-weekday="2"] [data-period="2.0"] input').first().fill('9点');
    await page.locator('form[data-form=hall] button[type=submit]').click();

    const afternoon = monday.locator('[data-period="1.1"] [data-field-error]');
    await afternoon.waitFor();
    expect(await afternoon.innerText()).toBe('下午 结束时间须晚于开始时间');
    expect(await page.locator('[data-weekday="2"] [data-period="2.0"] [data-field-error]').innerText()).toMatch(/^上午 .*时间格式 HH:MM/);
    // Nothing beside the periods that were right, and no internal names anywhere.
    expect(await page.locator('[data-field-error]').count()).toBe(2);
    const body = await page.locator('main').innerText();
    expect(body).not.toMatch(/hall\.|schedule|hours\.\d/);
    expect(await notices(page)).toContain('未保存：请按各项旁的提示修改');
  });

  it('staff: a 工号 already used names who has it, beside the 工号 field', async () => {
    await page.goto(`${t.hub.url}/console/#/admin-staff`);
    // The name as the table shows it, without the badge beside it.
    const holder = await page.locator('tr[data-staff=s0101] td').nth(2).evaluate((td) => td.firstChild!.textContent!.trim());
    await page.locator('[data-add=staff]').click();
    const form = page.locator('form[data-form=staff]');
    await form.locator('input[name=number]').fill('0101');
    await form.locator('input[name=name]').fill('王小明');
    await form.locator('input[name=pin]').fill('246810');
    await form.locator('button[type=submit]').click();
    const error = form.locator('[data-field-error="staff.number"]');
    await error.waitFor();
    expect(await error.innerText()).toBe(`工号 0101 已被 ${holder} 使用`);
    expect(await page.locator('main').innerText()).not.toMatch(/s0101|编号已被占用/);
  });

  it('staff: an empty name is said beside the name, not by a browser bubble', async () => {
    const form = page.locator('form[data-form=staff]');
    await form.locator('input[name=number]').fill('0999');
    await form.locator('input[name=name]').fill('');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-field-error="staff.name"]').waitFor();
    expect(await form.locator('[data-field-error="staff.name"]').innerText()).toMatch(/不能为空/);
    // The form asked the hub: the browser's own validation did not stop it.
    expect(await form.evaluate((f: HTMLFormElement) => f.noValidate)).toBe(true);
  });

  it('staff: the new PIN is masked until shown', async () => {
    const pin = page.locator('form[data-form=staff] input[name=pin]');
    expect(await pin.getAttribute('type')).toBe('password');
    await page.locator('form[data-form=staff]').getByRole('button', { name: '显示' }).click();
    expect(await pin.getAttribute('type')).toBe('text');
    expect(await pin.inputValue()).toBe('246810');
    await page.locator('form[data-form=staff]').getByRole('button', { name: '隐藏' }).click();
    expect(await pin.getAttribute('type')).toBe('password');
  });

  it('staff: a photo file that is not an image says so beside the photo field', async () => {
    await page.locator('form[data-form=staff]').getByRole('button', { name: '取消' }).click();
    await page.locator('tr[data-staff=s0101] button').click();
    const form = page.locator('form[data-form=staff]');
    await form.locator('input[name=photo]').setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是图片 / not an image') });
    const error = form.locator('[data-field-error=photo]');
    await error.waitFor();
    expect(await error.innerText()).toBe('所选文件 照片.jpg 不是图片，请选择 JPEG、PNG 或 WebP 照片');
  });
});
