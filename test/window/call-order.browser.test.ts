// The window caller in real Chromium against a real hub (#23, #24): its queue list is the order its calls
// take (green channel, a due appointment, a re-queued no-show, a resumed hold, categories of different
// weights, the anti-starvation rule), and GET /api/windows/:id/queue says the same; 过号 and 挂起 are
// confirmed and said; the recall that would pass a ticket is warned of and confirmed; a 办结 whose answer
// was lost shows, once the connection is back, what the hub saved (the same cmdId, answered not redone).
import { QUEUE_SHOWN, type WindowQueueEntry } from '@yichuang/shared/window-queue';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slotAt } from '../appointments/rest.js';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { acked, cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

const OFFICE_SCREEN = { width: 1366, height: 768 };
const MINUTE = 60_000;
const W1 = 'w01';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function apiQueue(t: TestHub): Promise<string[]> {
  const res = await fetch(`${t.hub.url}/api/windows/${W1}/queue`);
  const body = (await res.json()) as { ok: boolean; data: WindowQueueEntry[] };
  expect(body.ok).toBe(true);
  // No personal data on this open route: numbers, categories, priorities, times only.
  for (const e of body.data) expect(Object.keys(e).sort()).toEqual(['categoryId', 'issuedAt', 'number', 'priority', 'targeted']);
  return body.data.map((e) => e.number);
}

const listed = (page: Page): Promise<string[]> =>
  page.locator('[data-waiting] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-number') ?? ''));

async function signIn(w: Client): Promise<void> {
  await acked(w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: W1, staffNumber: '0101', pin: '123456' }));
}

async function openCaller(t: TestHub, prepare?: Parameters<typeof openScreen>[3]): Promise<Page> {
  const page = await openScreen(browser, `${t.hub.url}/window/?token=demo-window-01`, OFFICE_SCREEN, prepare);
  page.setDefaultTimeout(10_000);
  await page.locator('[data-action=callNext]').waitFor();
  return page;
}

describe('the window list is the call order', () => {
  let t: TestHub;
  let page: Page;
  afterEach(async () => {
    await page?.context().close();
    await t?.close();
  });

  it('over a mixed queue, every call takes the list head, and the REST queue agrees', async () => {
    t = await startTestHub();
    const kiosk = await t.connect('demo-kiosk-1');
    const console_ = await t.connect('demo-console-1');
    const w1 = await t.connect('demo-window-01');
    const issue = (categoryId: string, priority: 'normal' | 'green' = 'normal'): Promise<unknown> =>
      acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId, priority }));
    const at = (type: 'window:callNext' | 'window:start' | 'window:hold' | 'window:noShow'): Promise<unknown> =>
      acked(w1.emitWithAck(type, { cmdId: cmdId(), windowId: W1 }));

    const slot = await slotAt(t, 'general', '2026-11-23', '11:00');
    const booked = await acked(console_.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'general', slotStart: slot.start, name: '李建国', phone: '13912345678' }));
    // Window 1 serves 综合受理 (weight 10), 一件事一次办 (3), 跨域通办 (2). Lighter categories first in time.
    await issue('cross-region'); // K001
    await issue('one-thing'); // L001
    for (let i = 0; i < 4; i++) await issue('general'); // A001–A004
    await issue('general', 'green'); // A005
    await issue('general', 'green'); // A006
    await issue('general', 'green'); // A007
    await signIn(w1);
    // A005 is called, does not come (过号), comes back: re-queued a few places from the front.
    await at('window:callNext');
    await at('window:noShow');
    await acked(w1.emitWithAck('window:requeue', { cmdId: cmdId(), windowId: W1, number: 'A005' }));
    // The next is served, steps away (挂起) and is resumed: first in line here.
    const held = (await acked(w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: W1 }))) as { ticket?: { number: string } };
    await at('window:start');
    await at('window:hold');
    await acked(w1.emitWithAck('window:resume', { cmdId: cmdId(), windowId: W1, number: held.ticket!.number }));
    // An appointment for 11:00 (booked earlier), checked in at 10:50: due (from 10:45).
    t.clock.advance(slot.start - 10 * MINUTE - t.clock.now());
    await acked(console_.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code }));
    await issue('general'); // one more walk-in after them all

    page = await openCaller(t);
    const first = await apiQueue(t);
    expect(first.length).toBe(11);
    // Not issue order: the list the window used to show.
    expect(first).not.toEqual([...first].sort());
    await expect.poll(() => listed(page), { timeout: 8000 }).toEqual(first);

    const called: string[] = [];
    for (;;) {
      const api = await apiQueue(t);
      // The list settles on the hub's order after each change; then the two agree.
      await expect.poll(() => listed(page), { timeout: 8000 }).toEqual(api);
      if (api.length === 0) break;
      await page.locator('[data-action=callNext]:not([disabled])').waitFor();
      await page.keyboard.press('F1');
      await page.locator('.current .number', { hasText: api[0] }).waitFor();
      called.push(api[0]!);
      // 过号 asks first, then says it was done.
      await page.locator('[data-action=noShow]:not([disabled])').waitFor();
      await page.keyboard.press('F5');
      const dialog = page.getByRole('dialog', { name: `将 ${api[0]} 记为过号？` });
      await dialog.waitFor();
      await page.keyboard.press('Enter');
      await page.locator('[data-notice]', { hasText: `${api[0]} 已记为过号` }).waitFor();
    }
    // Nothing changed but the calls themselves: the first list was the whole order.
    expect(called).toEqual(first);
  });

  it('lists the head of a long queue, says how many more wait, and keeps the count as it is called', async () => {
    t = await startTestHub();
    const kiosk = await t.connect('demo-kiosk-1');
    const w1 = await t.connect('demo-window-01');
    for (let i = 0; i < QUEUE_SHOWN + 5; i++) await acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
    await signIn(w1);
    page = await openCaller(t);
    const all = await apiQueue(t);
    expect(all).toHaveLength(QUEUE_SHOWN + 5);
    await expect.poll(() => listed(page), { timeout: 8000 }).toEqual(all.slice(0, QUEUE_SHOWN));
    await page.getByRole('heading', { name: `等候队列（${QUEUE_SHOWN + 5}）` }).waitFor();
    await page.locator('[data-more]', { hasText: '其后还有 5 位等候' }).waitFor();
    await page.keyboard.press('F1');
    await page.locator('.current .number', { hasText: all[0] }).waitFor();
    await page.getByRole('heading', { name: `等候队列（${QUEUE_SHOWN + 4}）` }).waitFor();
    await expect.poll(() => listed(page)).toEqual(all.slice(1, QUEUE_SHOWN));
    await page.locator('[data-more]', { hasText: '其后还有 5 位等候' }).waitFor();
  });
});

describe('confirmations at window 1', () => {
  let t: TestHub;
  let page: Page;
  let w1: Client;
  beforeAll(async () => {
    t = await startTestHub();
    w1 = await t.connect('demo-window-01');
    await signIn(w1);
    const kiosk = await t.connect('demo-kiosk-1');
    for (let i = 0; i < 4; i++) await acked(kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
    page = await openCaller(t, {
      // The page's own clock, so a lost answer times out without a 10 s wait.
      prepare: (context) => context.clock.install(),
    });
  });
  afterAll(async () => {
    await page?.context().close();
    await t?.close();
  });
  afterEach(async () => {
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  });

  it('warns before the recall that passes the ticket, and confirms it', async () => {
    await page.keyboard.press('F1');
    await page.locator('.current .number', { hasText: 'A001' }).waitFor();
    const warning = page.locator('[data-last-recall]');
    for (const n of [1, 2]) {
      await expect(warning.count()).resolves.toBe(0);
      await page.locator('[data-action=recall]:not([disabled])').waitFor();
      await page.keyboard.press('F2');
      await page.locator('[data-notice]', { hasText: '已重呼 A001' }).waitFor();
      await page.getByText(`已重呼 ${n} 次`).waitFor();
    }
    // The cap (2) is reached: the next recall would pass A001.
    await warning.filter({ hasText: '再重呼将记为过号' }).waitFor();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /再重呼将记为过号/ }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await acked(w1.emitWithAck('ticket:lookup', { number: 'A001' }))).state).toBe('called');
    await page.keyboard.press('F2');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-notice]', { hasText: 'A001 已记为过号' }).waitFor();
    expect((await acked(w1.emitWithAck('ticket:lookup', { number: 'A001' }))).state).toBe('no-show');
  });

  it('confirms 挂起 and says it was done; 签退 is cancelled by Esc', async () => {
    await page.keyboard.press('F1');
    await page.locator('.current .number', { hasText: 'A002' }).waitFor();
    await page.locator('[data-action=start]:not([disabled])').waitFor();
    await page.keyboard.press('F3');
    await page.locator('[data-action=hold]:not([disabled])').waitFor();
    await page.keyboard.press('F10');
    await page.getByRole('dialog', { name: '挂起 A002？' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-notice]', { hasText: 'A002 已挂起' }).waitFor();

    await page.keyboard.press('F8');
    const signOut = page.getByRole('dialog', { name: '确定签退吗？' });
    await signOut.waitFor();
    await page.keyboard.press('Enter'); // a click signs out, not Enter
    await page.keyboard.press('Escape');
    await signOut.waitFor({ state: 'detached' });
    expect((await acked(w1.emitWithAck('sync:snapshot', {}))).windows.find((w) => w.id === W1)?.status).toBe('open');
  });

  it('shows the 办结 the hub saved when its answer was lost, once the connection is back', async () => {
    // Every later socket of the page goes through here: the 办结's answer is dropped, once.
    let dropped: string | undefined;
    let route: WebSocketRoute | undefined;
    await page.routeWebSocket(/socket\.io/, (ws) => {
      route = ws;
      const server = ws.connectToServer();
      let finishId: string | undefined;
      ws.onMessage((m) => {
        const text = String(m);
        const sent = /^42(\d+)\["window:finish"/.exec(text);
        if (sent && dropped === undefined) finishId = sent[1];
        server.send(m);
      });
      server.onMessage((m) => {
        const text = String(m);
        if (finishId !== undefined && text.startsWith(`43${finishId}[`)) {
          dropped = text;
          finishId = undefined;
          return;
        }
        ws.send(m);
      });
    });
    // Reload so the page's socket is a routed one.
    await page.reload();
    await page.locator('[data-action=callNext]:not([disabled])').waitFor();

    await page.keyboard.press('F1');
    const number = (await page.locator('.current .number').innerText()).trim();
    await page.locator('[data-action=start]:not([disabled])').waitFor();
    await page.keyboard.press('F3');
    await page.locator('[data-action=finish]:not([disabled])').waitFor();
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: '请选择办理结果' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /即办/ }).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => dropped !== undefined, { timeout: 8000 }).toBe(true);
    // No answer within the command's time: the dialog says so (the hub had saved it).
    await page.clock.fastForward(11_000);
    await dialog.getByText(/暂时连不上服务器/).waitFor();
    expect((await acked(w1.emitWithAck('ticket:lookup', { number }))).state).toBe('finished');

    // The connection drops and comes back: the dialog asks again with the same cmdId and shows the saved outcome.
    await route!.close();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-notice]', { hasText: `${number} 已办结：即办` }).waitFor();
    const figures = await acked(w1.emitWithAck('window:figures', { cmdId: cmdId(), windowId: W1 }));
    expect(figures.served).toBe(1);
  });
});
