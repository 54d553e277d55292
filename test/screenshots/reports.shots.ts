// The console's report page after a morning's traffic, with bookings and the 24-hour terminal online;
// its rankings (one table sorted by a click on its heading) and the month view with its 环比, at
// 1366×768 and 1920×1080.
import type { RatingLevel } from '@yichuang/shared/ratings';
import { book, ok, slotAt } from '../appointments/rest.js';
import { LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId } from '../helpers/test-hub.js';
import { simulateMorning } from '../helpers/traffic.js';
import type { ShotContext } from './shot.js';

export async function shoot({ hub, browser, capture }: ShotContext): Promise<void> {
  await hub.connect('demo-terminal24-1');
  const kiosk = await hub.connect('demo-kiosk-2');
  const booked = ok(await book(hub, { categoryId: 'general', slotStart: (await slotAt(hub, 'general', '2026-11-23', '11:30')).start, phone: '13812345678' }));
  ok(await book(hub, { categoryId: 'insurance', slotStart: (await slotAt(hub, 'insurance', '2026-11-24', '09:30')).start, phone: '13912345678' }));
  await simulateMorning(hub);
  const checkedIn = await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code });
  if (!checkedIn.ok) throw new Error(`check-in: ${checkedIn.error.message}`);
  // After lunch (13:30): rated visits at windows 5–7, for the rankings: two ranked by 满意率, one with too few ratings.
  hub.clock.advance(Date.parse('2026-11-23T05:31:00Z') - hub.clock.now());
  const levels: [string, string, RatingLevel[]][] = [
    ['05', 'insurance', ['very-satisfied', 'very-satisfied', 'satisfied', 'satisfied', 'very-satisfied', 'basic']],
    ['06', 'business', ['satisfied', 'basic', 'satisfied', 'very-satisfied', 'dissatisfied']],
    ['07', 'property', ['very-satisfied', 'satisfied']],
  ];
  for (const [nn, categoryId, rated] of levels) {
    const windowId = `w${nn}`;
    const window = await hub.connect(`demo-window-${nn}`);
    const pad = await hub.connect(`demo-pad-${nn}`);
    await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId, staffNumber: `${nn}01`, pin: '123456' });
    for (const level of rated) {
      const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
      if (!issued.ok) throw new Error(`issue: ${issued.error.message}`);
      hub.clock.advance(60_000);
      await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId, number: issued.data.ticket.number });
      await window.emitWithAck('window:start', { cmdId: cmdId(), windowId });
      hub.clock.advance(4 * 60_000);
      await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' });
      const reasons = level === 'dissatisfied' ? { reasons: ['办事效率'] } : {};
      await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId, ticketId: issued.data.ticket.id, level, ...reasons });
    }
    window.disconnect();
    pad.disconnect();
  }
  const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/reports`, { ...LANDSCAPE, height: 1600 });
  await page.getByTestId('issued').waitFor();
  await page.waitForTimeout(800); // charts animate in
  await capture(page, 'console-reports');
  await page.context().close();
  // The evaluation report as it prints: A4 portrait is 794 px wide at 96 px per inch.
  const a4 = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/reports`, { width: 794, height: 1123 });
  await a4.getByTestId('issued').waitFor();
  await a4.goto(`${hub.hub.url}/api/reports/evaluation.html?from=2026-11-23&to=2026-11-23`);
  await a4.setViewportSize({ width: 794, height: await a4.evaluate(() => document.documentElement.scrollHeight) });
  await capture(a4, 'evaluation-report');
  await a4.context().close();

  for (const [size, viewport] of [['1366', { width: 1366, height: 768 }], ['1920', LANDSCAPE]] as const) {
    const reports = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/reports`, viewport);
    await reports.locator('[data-table=rankWindows]').waitFor();
    await reports.waitForTimeout(800); // charts animate in
    await reports.locator('.charts').scrollIntoViewIfNeeded();
    await capture(reports, `console-reports-charts-${size}`);
    const finished = reports.locator('[data-table=rankWindows] th', { hasText: '办结 Finished' }).locator('button');
    await finished.click();
    await finished.click();
    await reports.locator('[data-table=rankWindows]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await capture(reports, `console-reports-rankings-${size}`);
    await reports.getByRole('button', { name: '月', exact: true }).click();
    await reports.locator('[data-table=comparison]').waitFor();
    await reports.locator('[data-table=comparison]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await capture(reports, `console-reports-month-${size}`);
    await reports.context().close();
  }
}
