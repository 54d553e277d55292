// The printable evaluation report (#20): fits A4 portrait in real Chromium (no table wider than the
// page), Chinese headings only, a print button; GET /api/reports/evaluation.pdf renders it to a real
// A4 PDF with the hall's Chromium, and says so in both languages when there is no Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
let browser: Browser;
const DAY = '2026-11-23';
const q = `from=${DAY}&to=${DAY}`;
const MANAGER = { authorization: 'Bearer demo-console-1' };
/** A4 portrait at 96 px per inch: 210 mm. */
const A4_WIDTH_PX = 794;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const kiosk = await t.connect('demo-kiosk-1');
  // Visits at two windows with long names, so every annex table has rows.
  for (const nn of ['01', '04']) {
    const window = await t.connect(`demo-window-${nn}`);
    const windowId = `w${nn}`;
    const signed = await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId, staffNumber: `${nn}01`, pin: '123456' });
    if (!signed.ok) throw new Error(JSON.stringify(signed));
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: nn === '01' ? 'general' : 'social' });
    if (!issued.ok) throw new Error(JSON.stringify(issued));
    t.clock.advance(4 * 60_000);
    await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId, number: issued.data.ticket.number });
    await window.emitWithAck('window:start', { cmdId: cmdId(), windowId });
    t.clock.advance(6 * 60_000);
    await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' });
  }
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the printable evaluation report', () => {
  it('fits A4 portrait: no table wider than the page, on screen or in print', async () => {
    const context = await browser.newContext({ viewport: { width: A4_WIDTH_PX, height: 1123 }, extraHTTPHeaders: MANAGER, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${t.hub.url}/api/reports/evaluation.html?${q}`);
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        tables: [...document.querySelectorAll('table')].map((table) => table.getBoundingClientRect().right),
      }));
      expect(widths.tables.length, media).toBeGreaterThanOrEqual(5);
      expect(widths.page, media).toBeLessThanOrEqual(widths.view);
      for (const right of widths.tables) expect(right, media).toBeLessThanOrEqual(A4_WIDTH_PX);
    }
    await context.close();
  });

  it('has Chinese headings only, and a print button that prints', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: MANAGER, locale: 'zh-CN' });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') blocked.push(m.text());
    });
    await page.goto(`${t.hub.url}/api/reports/evaluation.html?${q}`);
    const headings = await page.locator('th, h1, h2').allTextContents();
    expect(headings.length).toBeGreaterThan(20);
    // Chinese only: no English words (P50, P90 and % are the headings' own).
    for (const h of headings) expect(h, h).not.toMatch(/[A-Za-z]{2,}/);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    expect(blocked).toEqual([]); // the button's script is allowed by the page's own policy
    await context.close();
  });

  it('renders to a real A4 PDF with the hall’s Chromium', async () => {
    const res = await fetch(`${t.hub.url}/api/reports/evaluation.pdf?${q}`, { headers: MANAGER });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595.28 × 841.89 points; every page's MediaBox says so (Chromium rounds to 594.96 × 841.92).
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, w, h] of boxes) {
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
    }
  });

  it('refuses with a bilingual 503 when the hall has no Chromium', async () => {
    const bare = await startTestHub({ chromium: '/nonexistent/chromium' });
    try {
      const res = await fetch(`${bare.hub.url}/api/reports/evaluation.pdf?${q}`, { headers: MANAGER });
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, error: { code: 'PDF_UNAVAILABLE' } });
      expect(body.error.message).toContain('Chromium');
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error.messageEn).toContain('Chromium');
    } finally {
      await bare.close();
    }
  });
});
