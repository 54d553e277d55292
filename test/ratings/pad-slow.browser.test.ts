// The evaluation pad in real Chromium against a real hub, with the pad's clock and the hub's moved on
// together: a complaint entered slowly (a level chosen, then reasons, a quick phrase and a phone
// number past the pad's 60 s) is kept and recorded in full; a level chosen and never finished still
// counts; a visit rated on the phone stops the pad's question and the pad says so; a phone whose
// rating comes after the pad's says what became of it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { PHONE } from '../kiosk/helpers/screens.js';
import { ratingOf, serveOne } from './serve.js';

const TABLET = { width: 1280, height: 800 };

let t: TestHub;
let browser: Browser;
let kiosk: Client;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  kiosk = await t.connect('demo-kiosk-1');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A pad whose clock the test moves on with the hub's, showing its window's staff card. */
async function openPad(nn: string): Promise<Page> {
  const pad = await openScreen(browser, `${t.hub.url}/window/pad.html?token=demo-pad-${nn}`, TABLET, { prepare: (c) => c.clock.install() });
  await pad.locator('[data-screen=idle]').waitFor();
  return pad;
}

/** Time passes for the hub and the pad alike; the hub's pad timer checks every second. */
async function pass(pad: Page, ms: number): Promise<void> {
  t.clock.advance(ms);
  await pad.clock.fastForward(ms);
}

const digit = (pad: Page, d: string) => pad.locator('.keypad button', { hasText: new RegExp(`^${d}$`) }).click();

describe('a complaint entered slowly on the pad', () => {
  it('is kept past the pad’s 60 s once a level is chosen, and recorded with everything given', async () => {
    const pad = await openPad('01');
    const { ticket } = await serveOne(kiosk, await t.connect('demo-window-01'), '01', 'general');
    await pad.locator('[data-screen=rate]').waitFor();

    await pass(pad, 20_000);
    await pad.locator('[data-level=very-dissatisfied]').click();
    await pad.locator('[data-screen=reasons]').waitFor();
    // The hub keeps the level and gives minutes more, shown on the pad.
    await pad.locator('.sub[data-kept=true]').waitFor();
    expect(await pad.locator('.sub[data-kept=true]').innerText()).toMatch(/请在 [23]:\d\d 内填写完毕/);

    // The citizen takes their time: well past the pad's 60 s.
    await pass(pad, 30_000);
    await pad.getByRole('button', { name: '服务态度' }).click();
    await pass(pad, 30_000);
    await pad.locator('[data-phrase=wait]').click();
    await pad.locator('[data-phrase=trips]').click();
    await pass(pad, 20_000);
    for (const d of '13912345678') await digit(pad, d);
    await pass(pad, 15_000); // 115 s after the visit
    // The hub's timer has had time to run: nothing was recorded as 未评价.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ratingOf(t.hub.url, ticket.number)).toBeUndefined();
    expect(await pad.locator('[data-screen]').getAttribute('data-screen')).toBe('reasons');

    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.locator('[data-screen=thanks]').waitFor();
    expect(await ratingOf(t.hub.url, ticket.number)).toMatchObject({
      channel: 'pad',
      level: 'very-dissatisfied',
      reasons: ['服务态度'],
      text: '等候时间太长；来回跑了多趟',
      contact: { masked: '139****5678' },
    });
    await pad.context().close();
  });

  it('counts the level chosen when the details are never finished, and the pad says so', async () => {
    const pad = await openPad('02');
    const { ticket } = await serveOne(kiosk, await t.connect('demo-window-02'), '02', 'general');
    await pad.locator('[data-screen=rate]').waitFor();
    await pad.locator('[data-level=dissatisfied]').click();
    await pad.locator('.sub[data-kept=true]').waitFor();
    // The citizen walks away: the time for the details runs out too.
    await pass(pad, 3 * 60_000 + 2000);
    await pad.locator('[data-screen=kept]').waitFor();
    expect(await pad.locator('[data-screen=kept]').innerText()).toContain('已按您选择的「不满意」记录');
    await expect.poll(() => ratingOf(t.hub.url, ticket.number), { timeout: 5000 }).toMatchObject({ channel: 'pad', level: 'dissatisfied', code: 2, reasons: [] });
    await pad.context().close();
  });
});

describe('a complaint still being written as its time runs out', () => {
  it('is sent by the pad with the reasons and comment given so far', async () => {
    const pad = await openPad('02');
    const { ticket } = await serveOne(kiosk, await t.connect('demo-window-02'), '02', 'general');
    await pad.locator('[data-screen=rate]').waitFor();
    await pad.locator('[data-level=very-dissatisfied]').click();
    await pad.getByRole('button', { name: '办事效率' }).click();
    await pad.locator('[data-phrase=slow]').click();
    for (const d of '139') await digit(pad, d); // a phone number never finished is left out
    await pad.locator('.sub[data-kept=true]').waitFor();
    await pass(pad, 3 * 60_000 - 2000);
    await pad.locator('[data-screen=thanks]').waitFor();
    expect(await ratingOf(t.hub.url, ticket.number)).toMatchObject({ channel: 'pad', level: 'very-dissatisfied', reasons: ['办事效率'], text: '办理速度太慢' });
    expect((await ratingOf(t.hub.url, ticket.number))?.contact).toBeUndefined();
    await pad.context().close();
  });
});

describe('a visit rated on the phone while the pad asks', () => {
  it('stops the pad’s question, and the pad says where it was rated', async () => {
    const pad = await openPad('03');
    const issued = await serveOne(kiosk, await t.connect('demo-window-03'), '03', 'general');
    await pad.locator('[data-screen=rate]').waitFor();
    await pad.locator('[data-level=dissatisfied]').click();
    await pad.locator('[data-screen=reasons]').waitFor();

    const phone = await openScreen(browser, issued.print!.pageUrl.replace(/^http:\/\/[^/]+/, t.hub.url), PHONE, { hasTouch: true });
    await phone.locator('[data-level="satisfied"]').tap();
    await phone.getByText('感谢您的评价！').waitFor();

    await pad.locator('[data-screen=elsewhere]').waitFor({ timeout: 5000 });
    const told = await pad.locator('[data-screen=elsewhere]').innerText();
    expect(told).toContain(`${issued.ticket.number} 号的本次办理已在手机上评价`);
    expect(told).toContain('在本评价器上填写的内容未记录');
    expect(await ratingOf(t.hub.url, issued.ticket.number)).toMatchObject({ channel: 'phone', level: 'satisfied' });
    // The pad asks no more, even after a reload.
    await pad.reload();
    await pad.locator('[data-screen=idle]').waitFor();
    for (const p of [pad, phone]) await p.context().close();
  });

  it('a phone rating after the pad’s says it was not recorded, and what the pad recorded', async () => {
    const window = await t.connect('demo-window-01');
    const issued = await serveOne(kiosk, window, '01', 'general');
    const phone = await openScreen(browser, issued.print!.pageUrl.replace(/^http:\/\/[^/]+/, t.hub.url), PHONE, { hasTouch: true });
    await phone.getByText('评价本次服务', { exact: true }).waitFor();
    const pad = await t.connect('demo-pad-01');
    const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: `2026-11-23/${issued.ticket.number}`, level: 'basic' });
    expect(rated.ok).toBe(true);

    await phone.locator('[data-level="very-satisfied"]').tap();
    const refused = phone.locator('[data-refused=very-satisfied]');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/您刚才的评价「非常满意」未能记录：这次办事已于 \d\d:\d\d 在窗口评价器上评价为「基本满意」/);
    expect(await ratingOf(t.hub.url, issued.ticket.number)).toMatchObject({ channel: 'pad', level: 'basic' });
    await phone.context().close();
  });
});

describe('a pad opened with another device’s token', () => {
  it('says whose token it is and how to pair, and shows a pairing code on request', async () => {
    const page = await openScreen(browser, `${t.hub.url}/window/pad.html?token=demo-window-02`, TABLET);
    const wrong = page.locator('[data-screen=wrong-device]');
    await wrong.waitFor();
    expect(await wrong.innerText()).toContain('此地址中的令牌属于「2号窗口叫号终端」，不是评价器的令牌');
    expect(await wrong.innerText()).toContain('管理控制台「设备」页');
    await page.getByRole('button', { name: '重新配对' }).click();
    await page.locator('[data-pairing-code]').waitFor();
    // The caller's token is not kept by the pad: the address no longer carries it.
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });
});
