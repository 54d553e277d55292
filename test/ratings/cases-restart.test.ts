// A case outlives its day and the hub: restarted on the next working day, the hub still lists it,
// with its deadline flags, and the next step goes on from where it was.
import { afterEach, describe, expect, it } from 'vitest';
import { cmdId, MONDAY_10AM, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';

const DAY = 86_400_000;
let hubs: TestHub[] = [];

afterEach(async () => {
  for (const h of hubs) await h.close();
  hubs = [];
});

async function hubAt(dataDir: string, start: number): Promise<TestHub> {
  const t = await startTestHub({ dataDir, start });
  hubs.push(t);
  return t;
}

describe('cases across a restart on another day', () => {
  it('keeps an open case, its deadlines and its steps', async () => {
    const dataDir = await tempDir();
    const monday = await hubAt(dataDir, MONDAY_10AM);
    const kiosk = await monday.connect('demo-kiosk-1');
    const window = await monday.connect('demo-window-02');
    const pad = await monday.connect('demo-pad-02');
    await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w02', staffNumber: '0201', pin: '123456' });
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(issued.ok).toBe(true);
    for (const step of ['window:callNext', 'window:start'] as const) await window.emitWithAck(step, { cmdId: cmdId(), windowId: 'w02' });
    await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w02', outcome: 'done' });
    const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w02', ticketId: '2026-11-23/A001', level: 'very-dissatisfied', reasons: ['服务态度'] });
    expect(rated.ok).toBe(true);
    await monday.close();
    hubs = [];

    // Wednesday: verification (due Tuesday) is overdue; nothing has happened today yet.
    const wednesday = await hubAt(dataDir, MONDAY_10AM + 2 * DAY);
    const console1 = await wednesday.connect('demo-console-1');
    const listed = await console1.emitWithAck('case:list', { cmdId: cmdId() });
    expect(listed).toMatchObject({ ok: true, data: [{ id: '20261123-A001', next: 'verify', overdue: true, standing: { verify: 'overdue' } }] });
    const verified = await console1.emitWithAck('case:verify', { cmdId: cmdId(), caseId: '20261123-A001', handler: '林雪梅', verdict: 'unfounded', notes: '经核实，群众误解了办理要求' });
    expect(verified).toMatchObject({ ok: true, data: { next: 'followUp', standing: { verify: 'late', rectify: 'skipped' } } });
    await wednesday.close();
    hubs = [];

    // Wednesday again, after a restart: the day's own journal holds the case and its step.
    const again = await hubAt(dataDir, MONDAY_10AM + 2 * DAY + 60_000);
    const console2 = await again.connect('demo-console-1');
    const relisted = await console2.emitWithAck('case:list', { cmdId: cmdId() });
    expect(relisted).toMatchObject({ ok: true, data: [{ id: '20261123-A001', next: 'followUp', verdict: 'unfounded' }] });
  });
});
