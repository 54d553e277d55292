import { chromium } from 'playwright-core';
const url = 'http://127.0.0.1:18471';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(`${url}/district/#/reports`);
await page.getByLabel('用户名').fill('demo-evaluator');
await page.getByLabel('密码').fill('yichuang-demo-2026');
await page.getByRole('button', { name: '登录' }).click();
await page.locator('.who').waitFor();
for (const [name, from, to] of [['month', '2026-11-01', '2026-11-30'], ['year', '2025-12-01', '2026-11-30']]) {
  await page.getByLabel('从').fill(from!);
  await page.getByLabel('至').fill(to!);
  const t = Date.now();
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('[data-testid="district-tiles"]').waitFor({ timeout: 120000 });
  await page.waitForLoadState('networkidle');
  console.log(name, Date.now() - t, 'ms, issued', await page.getByTestId('issued').textContent());
  await page.screenshot({ path: `/tmp/shots-dyear/district-reports-${name}.png` });
  await page.screenshot({ path: `/tmp/shots-dyear/district-reports-${name}-full.png`, fullPage: true });
}
await browser.close();
