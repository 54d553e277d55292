// A morning in the demo hall over real sockets, for screens and reports that need something to show.
import { cmdId, type TestHub } from './test-hub.js';

const MINUTE = 60_000;

/** Signs in windows 1–4, issues `tickets` across four categories, and serves `served` of them. */
export async function simulateMorning(t: TestHub, tickets = 24, served = 10): Promise<void> {
  const kiosk = await t.connect('demo-kiosk-1');
  const windows = await Promise.all(['01', '02', '03', '04'].map((n) => t.connect(`demo-window-${n}`)));
  for (const [i, w] of windows.entries()) {
    const n = String(i + 1).padStart(2, '0');
    const ack = await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' });
    if (!ack.ok) throw new Error(`sign-in at w${n}: ${ack.error.message}`);
  }
  const categories = ['general', 'general', 'social', 'general', 'insurance', 'general'];
  for (let i = 0; i < tickets; i++) {
    t.clock.advance(MINUTE);
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: categories[i % categories.length]!, priority: i % 9 === 4 ? 'green' : 'normal' });
    if (!ack.ok) throw new Error(`issue: ${ack.error.message}`);
  }
  for (let i = 0; i < served; i++) {
    const [w, windowId] = [windows[i % 4]!, `w0${(i % 4) + 1}`];
    const called = await w.emitWithAck('window:callNext', { cmdId: cmdId(), windowId });
    if (!called.ok) continue;
    t.clock.advance(MINUTE);
    await w.emitWithAck('window:start', { cmdId: cmdId(), windowId });
    t.clock.advance((3 + (i % 5)) * MINUTE);
    await w.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: i % 3 === 0 ? 'accepted' : 'done' });
  }
  kiosk.disconnect();
  for (const w of windows) w.disconnect();
}
