import type { Page } from 'playwright-core';

/** Takes a number on a kiosk page: picks the service, and a standard ticket where the kiosk asks which kind. */
export async function takeNumber(page: Page, service: string): Promise<void> {
  await page.getByText(service).first().click();
  const normal = page.getByText('普通取号');
  const result = page.getByText('您的号码');
  await normal.or(result).first().waitFor();
  if (await normal.isVisible()) await normal.click();
}
