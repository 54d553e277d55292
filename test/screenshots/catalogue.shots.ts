// The service catalogue (事项目录) on the console, for the hall's admin: the list, an item's form, and
// an import refused with its bad rows named; each at 1920×1080.
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/catalogue`, LANDSCAPE);
  await page.getByRole('button', { name: '切换账号' }).click();
  await page.getByLabel('工号').fill('0002');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-operator=s0002]').waitFor();
  await page.goto(`${hub.hub.url}/console/#/catalogue`);
  await page.locator('tr[data-item="DEMO-0001"]').waitFor();
  await capture(page, 'console-catalogue');

  await page.locator('tr[data-item="DEMO-0002"] button').click();
  await page.locator('form[data-form=item]').waitFor();
  await capture(page, 'console-catalogue-item');
  await page.getByRole('button', { name: '取消' }).click();

  // A file with a repeated code and an unknown category: refused, row by row.
  const book = new ExcelJS.Workbook();
  const xlsx = await fetch(`${hub.hub.url}/api/catalogue/export.xlsx`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
  await book.xlsx.load(await xlsx.arrayBuffer());
  const sheet = book.getWorksheet('事项')!;
  sheet.getCell('A3').value = 'DEMO-0001';
  sheet.getCell('E5').value = 'passport';
  await page.locator('[data-import]').setInputFiles({ name: '事项目录.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await book.xlsx.writeBuffer()) });
  await page.getByRole('alert').first().waitFor();
  await page.locator('main h1').scrollIntoViewIfNeeded();
  await capture(page, 'console-catalogue-import-refused');
}
