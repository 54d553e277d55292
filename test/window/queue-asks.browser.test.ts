// The window caller asks the hub for its queue (GET /api/windows/:id/queue) when its call order can have
// changed — a ticket for a category it serves, another window taking one, its categories — not on every
// change in the hall (with a hundred window clients, every ticket taken anywhere had each of them ask)
// nor after its own calls, which leave the rest of its order as it was (#19).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { acked, cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

const W1 = 'w01';
let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestHub();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

const listed = (p: Page): Promise<string[]> => p.locator('[data-waiting] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-number') ?? ''));

describe('the window caller’s queue asks', () => {
  it('asks again for a ticket of a category it serves, not for one served only elsewhere nor after its own calls, and when another window takes one', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const w1 = await t.connect('demo-window-01');
    const served = await (await fetch(`${t.hub.url}/api/windows`)).json() as { data: Array<{ id: string; categories: Array<{ categoryId: string }> }> };
    const here = served.data.find((w) => w.id === W1)!.categories.map((c) => c.categoryId);
    expect(here).toContain('general');
    expect(here).not.toContain('social'); // served at other windows only
    await acked(w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: W1, staffNumber: '0101', pin: '123456' }));
    const issue = (categoryId: string): Promise<{ ticket: { number: string } }> => acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId })) as Promise<{ ticket: { number: string } }>;
    const first = await issue('general');

    page = await openScreen(browser, `${t.hub.url}/window/?token=demo-window-01`, { width: 1366, height: 768 });
    page.setDefaultTimeout(15_000);
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-waiting] li')].some((li) => li.getAttribute('data-number') === n), first.ticket.number);
    const asks: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/windows/${W1}/queue`) asks.push(r.url());
    });

    for (let i = 0; i < 5; i++) await issue('social');
    // A ticket this window serves, taken after them: once it is listed, the five before it have come too.
    const mine = await issue('general');
    const expected = [first.ticket.number, mine.ticket.number];
    await page.waitForFunction((ns) => [...document.querySelectorAll('[data-waiting] li')].map((li) => li.getAttribute('data-number')).join() === ns.join(), expected);
    expect(await listed(page)).toEqual(expected);
    // One ask for the ticket it serves (a second at most, if a periodic one fell in between), none for the five.
    expect(asks.length).toBeGreaterThanOrEqual(1);
    expect(asks.length).toBeLessThanOrEqual(2);

    // Its own call-next (F1) of the head and the no-show after it leave the rest in the order it has: no
    // ask. Another window taking a ticket it could call can reorder the rest (the priority-burst rule): an ask.
    const other = served.data.find((w) => w.id !== W1 && w.categories.some((c) => c.categoryId === 'general'))!.id;
    const w2 = await t.connect(`demo-window-${other.slice(1)}`);
    await acked(w2.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: other, staffNumber: `${other.slice(1)}01`, pin: '123456' }));
    const third = await issue('general');
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-waiting] li')].some((li) => li.getAttribute('data-number') === n), third.ticket.number);
    await new Promise((r) => setTimeout(r, 1500)); // the ask for it answered, the once-a-second limit passed
    asks.length = 0;
    await page.keyboard.press('F1');
    await page.waitForFunction((ns) => [...document.querySelectorAll('[data-waiting] li')].map((li) => li.getAttribute('data-number')).join() === ns.join(), [mine.ticket.number, third.ticket.number]);
    await acked(w1.emitWithAck('window:noShow', { cmdId: cmdId(), windowId: W1 }));
    await page.getByText(first.ticket.number).waitFor({ state: 'detached' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(asks).toEqual([]);
    await acked(w2.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: other }));
    await page.waitForFunction((n) => ![...document.querySelectorAll('[data-waiting] li')].some((li) => li.getAttribute('data-number') === n), mine.ticket.number);
    await expect.poll(() => asks.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    expect(await listed(page)).toEqual([third.ticket.number]);
  });
});
