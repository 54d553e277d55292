// At night (Sunday 22:00 hall time) in real Chromium: a hall kiosk refuses a ticket and says when
// ticketing opens; the 24-hour terminal switches to 24-hour mode — no ticketing, the other services
// on, the assisted mode without "take a number" — and back to full service when the hall opens.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, launchBrowser, PORTRAIT } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { openKiosk, SUNDAY_NIGHT, tap } from './helpers/screens.js';

let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHub({ start: SUNDAY_NIGHT });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('outside hall hours', () => {
  it('a hall kiosk refuses a ticket and shows the next opening time', async () => {
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-1', LANDSCAPE, { hubTime: true });
    await kiosk.getByText('下次开始取号：明天 09:00').waitFor();
    // Greyed out and not tappable (issue #24): a tap stays on the home screen.
    const tile = kiosk.locator('.tile', { hasText: '综合受理（无差别）' });
    expect(await tile.isDisabled()).toBe(true);
    await tile.tap({ force: true });
    expect(await kiosk.getByText('普通取号').count()).toBe(0);
    // A stale screen's tap is refused by the hub, which says the next opening as the screen does.
    const refusal = await (await t.connect('demo-kiosk-1')).emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(!refusal.ok && [refusal.error.message, refusal.error.messageEn]).toEqual([
      '现在不在办理时间，下次开始取号：明天 09:00',
      'Outside service hours; ticketing opens tomorrow 09:00',
    ]);
    await kiosk.context().close();
  });

  it('the 24-hour terminal runs in 24-hour mode, then in full service once the hall opens', async () => {
    const kiosk = await openKiosk(browser, t, '', 'demo-terminal24-1', PORTRAIT, { hubTime: true });
    await kiosk.getByText('现在是非工作时间，暂停现场取号').waitFor();
    expect(await kiosk.getByText('下次开始取号：明天 09:00').isVisible()).toBe(true);
    expect(await kiosk.locator('.tile').count()).toBe(0);
    for (const service of ['办事指南', '预约签到', '服务评价', '意见箱']) {
      expect(await kiosk.getByRole('button', { name: service }).isVisible()).toBe(true);
    }
    await tap(kiosk, '办事指南');
    await kiosk.getByText('一件事一次办').waitFor();
    await tap(kiosk, '返回');
    await tap(kiosk, '长者模式');
    await kiosk.getByText('预约签到').waitFor();
    expect(await kiosk.getByText('取号办事').count()).toBe(0);
    await tap(kiosk, '退出长者模式');

    // Monday 09:00: the hall opens; the terminal takes numbers again, told by the hub (no reload).
    t.clock.advance(11 * 3_600_000);
    await kiosk.getByText('请选择要办理的业务').waitFor({ timeout: 15_000 });
    expect(await kiosk.locator('.tile').count()).toBeGreaterThan(10);
    await kiosk.context().close();
  });
});
