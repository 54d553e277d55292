// The window caller's 办结 dialog in real Chromium against a real hub: the 办件编号 field takes a USB
// scanner's burst of keystrokes ending in Enter (which fills the field and moves on to the 事项, never
// finishes the visit), digits typed there do not pick an outcome, a bad number is refused in the
// dialog; the 事项 picker offers the hall catalogue's items for this window's services; both reach the
// hub's journal with the finish.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
  const kiosk = await t.connect('demo-kiosk-1');
  await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
  page = await openScreen(browser, `${t.hub.url}/window/?token=demo-window-01`, { width: 1366, height: 768 });
  page.setDefaultTimeout(10_000);
  await page.getByLabel('工号').fill('0101');
  await page.getByLabel('密码').fill('123456');
  await page.keyboard.press('Enter');
  await page.locator('[data-action=callNext]:not([disabled])').click();
  await page.locator('[data-action=start]:not([disabled])').click();
  await page.locator('[data-action=finish]:not([disabled])').click();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

const finishes = async (): Promise<Record<string, unknown>[]> =>
  (await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { event: Record<string, unknown> }).event)
    .filter((e) => e.type === 'ticket.finished');

describe('办结 with a case number and a 事项', () => {
  it('takes a scanned case number without finishing, offers this window’s 事项, and journals both', async () => {
    const dialog = page.getByRole('dialog');
    await page.keyboard.press('1'); // 办结 (the first outcome)
    const chosen = dialog.locator('.tile.chosen');
    const outcome = await chosen.textContent();

    const field = dialog.getByLabel('办件编号');
    await field.focus();
    // A bad number: Enter says so and keeps the dialog.
    await page.keyboard.type('受理 1', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('办件编号为 1–50 位字母、数字、- 或 _');
    expect(await finishes()).toEqual([]);

    // The scanner: fast keystrokes, then Enter.
    await field.fill('');
    await page.keyboard.type('SL2026-0042', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    expect(await field.inputValue()).toBe('SL2026-0042');
    expect(await chosen.textContent()).toBe(outcome); // the digits did not pick another outcome
    const picker = dialog.getByLabel('办理事项');
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await finishes()).toEqual([]);

    // Window 1 takes 综合 services: 户口迁移 is offered, 就业登记 (window 4's) is not.
    const offered = await picker.locator('option').allTextContents();
    expect(offered).toContain('户口迁移');
    expect(offered).not.toContain('就业登记');
    await picker.selectOption({ label: '户口迁移' });
    const box = await picker.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    await dialog.getByRole('button', { name: /确定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(finishes).toEqual([expect.objectContaining({ outcome: 'done', caseNumber: 'SL2026-0042', itemCode: 'DEMO-0001' })]);
  });

  it('adds the 办件编号 to the visit just finished, from the notice of 办结', async () => {
    await page.locator('[data-notice]', { hasText: '已办结' }).waitFor();
    await page.locator('[data-action=linkCase]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('补录 A001 的办件编号、事项').waitFor();
    // Focus starts in the number: the scanner's burst and its Enter fill it and move on.
    await page.keyboard.type('SL2026-0043', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('办理事项').evaluate((el) => el === document.activeElement)).toBe(true);
    // Enter once more (not in the number) confirms.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-notice]', { hasText: '已为 A001 补录办件信息' }).waitFor();
    const journal = await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
    expect(journal).toMatch(/"type":"ticket\.caseLinked".*"caseNumber":"SL2026-0043"/);
  });
});
