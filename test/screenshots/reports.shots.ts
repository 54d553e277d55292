// The console's report page after a morning's traffic, with bookings and the 24-hour terminal online.
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
  const page = await openScreen(browser, `${hub.hub.url}/console/?token=demo-console-1#/reports`, { ...LANDSCAPE, height: 1600 });
  await page.getByTestId('issued').waitFor();
  await page.waitForTimeout(800); // charts animate in
  await capture(page, 'console-reports');
  await page.goto(`${hub.hub.url}/api/reports/evaluation.html?from=2026-11-23&to=2026-11-23`);
  await capture(page, 'evaluation-report');
  await page.context().close();
}
