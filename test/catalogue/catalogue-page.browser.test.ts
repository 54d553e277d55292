// The console's 事项目录 page in real Chromium, for the hall's admin: list and search, add an item
// (a bad category is refused beside its field), edit and delete it, export XLSX, and import a file
// with a bad row (refused with the row named, nothing changed) and then a good one.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
  page = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/catalogue`, LANDSCAPE);
  page.setDefaultTimeout(10_000);
  await page.getByRole('button', { name: '切换账号' }).click();
  await page.getByLabel('工号').fill('0002');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-operator=s0002]').waitFor();
  await page.goto(`${t.hub.url}/console/?token=demo-console-1#/catalogue`);
  await page.locator('tr[data-item="DEMO-0001"]').waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

const guideNames = async (q: string): Promise<string[]> =>
  ((await (await fetch(`${t.hub.url}/api/kiosk/items?q=${encodeURIComponent(q)}`)).json()) as { data: { items: { name: string }[] } }).data.items.map((i) => i.name);

describe('the catalogue page', () => {
  it('lists and searches the items, adds, edits and deletes one, and the guide follows', async () => {
    await page.getByLabel('搜索名称、编码或实施主体').fill('DEMO-000');
    expect(await page.locator('tr[data-item]').count()).toBe(9);
    await page.getByLabel('搜索名称、编码或实施主体').fill('');

    await page.locator('[data-add=item]').click();
    const form = page.locator('form[data-form=item]');
    await form.locator('input[name=code]').fill('11440300MB2C92-0001');
    await form.locator('input[name=name]').fill('电动自行车登记');
    await form.locator('input[name=department]').fill('区公安分局（交警）');
    await form.locator('textarea[name=materials]').fill('居民身份证\n购车发票、合格证');
    await form.getByRole('button', { name: '保存' }).click();
    // No category chosen: said beside the field.
    expect(await form.locator('[data-field-error=categoryId]').textContent()).toBe('业务类别不能为空');
    await form.locator('select[name=categoryId]').selectOption('general');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('tr[data-item="11440300MB2C92-0001"]').waitFor();
    expect(await guideNames('电动自行车')).toEqual(['电动自行车登记']);

    await page.locator('tr[data-item="11440300MB2C92-0001"] button').click();
    expect(await form.locator('textarea[name=materials]').inputValue()).toBe('居民身份证\n购车发票、合格证');
    await form.locator('input[name=name]').fill('电动自行车上牌登记');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await guideNames('电动自行车')).toEqual(['电动自行车上牌登记']);

    await page.locator('tr[data-item="11440300MB2C92-0001"] button').click();
    await form.getByRole('button', { name: '删除' }).click();
    const asked = page.getByRole('dialog');
    expect(await asked.innerText()).toContain('删除事项「电动自行车上牌登记」？');
    await asked.getByRole('button', { name: '删除' }).click();
    await page.locator('tr[data-item="11440300MB2C92-0001"]').waitFor({ state: 'detached' });
    expect(await guideNames('电动自行车')).toEqual([]);
  });

  it('exports XLSX, refuses an import with a bad row naming it, and imports a good file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=xlsx]').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('事项')!;
    const rows = sheet.rowCount;
    sheet.getCell('E2').value = 'nowhere';
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    await page.locator('[data-import]').setInputFiles({ name: 'catalogue.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('「事项」表第 2 行「业务类别 categoryId」：大厅没有业务类别 nowhere');
    expect(await guideNames('户口迁移')).toContain('户口迁移');

    sheet.getCell('E2').value = 'general';
    sheet.getCell('B2').value = '户口迁移登记';
    await page.locator('[data-import]').setInputFiles({ name: 'catalogue.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`已导入 ${rows - 1} 个事项`);
    expect(await guideNames('户口迁移登记')).toEqual(['户口迁移登记']);
  });
});
