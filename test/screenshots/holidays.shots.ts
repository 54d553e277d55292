// 大厅设置 → 导入年度节假日: the next year pasted from the State Council notice, imported into the
// lists (before 保存), and the live board's alert that the calendar runs out.
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  const live = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/live`, LANDSCAPE);
  await live.locator('li[data-key="check:calendar-ending"]').waitFor();
  await capture(live, 'live-calendar-ending');
  await live.context().close();
  const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/admin-hall`, { ...LANDSCAPE, height: 1400 });
  const importer = page.locator('[data-testid=holiday-import]');
  await importer.locator('textarea').fill('放假：2027-01-01至2027-01-03、2027-10-01至2027-10-07\n上班：2027-09-26');
  await importer.getByRole('button', { name: '导入粘贴的日期' }).click();
  await importer.getByRole('status').waitFor();
  await importer.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await capture(page, 'admin-holiday-import');
  await page.context().close();
}
