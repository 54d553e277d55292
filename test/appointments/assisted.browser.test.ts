// In real Chromium (issue #24), the kiosk's assisted (elderly) mode: in a browser with no Mandarin
// voice it voices through the board's recorded clip pack (a chime for each prompt, the number taken
// read letter by letter and digit by digit with 号); it promises a priority ticket only for services
// that have one and says so before taking a standard ticket for one that has none; and it does not
// offer a service that is full today.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Voiced } from '../../kiosk/src/kiosk/assisted/voiced.js';
import { LANDSCAPE, launchBrowser, openScreen } from '../helpers/browser.js';
import { shortClip } from '../helpers/short-clip.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

declare global {
  interface Window {
    __assistVoiced?: Voiced[];
  }
}

/** A browser without a Mandarin voice, whatever the machine has. A string: the page runs it as is. */
const NO_VOICE = `
  if (window.speechSynthesis) Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });
  window.__assistVoiced = [];
  addEventListener('assist:voiced', (e) => window.__assistVoiced.push(e.detail));
`;

let t: TestHub;
let browser: Browser;
let manager: Client;
beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  manager = await t.connect('demo-console-1');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The kiosk in assisted mode with no voice; `clips` records every clip of the pack it fetched. */
async function openAssisted(clips: string[] = []): Promise<Page> {
  const clip = shortClip();
  const kiosk = await openScreen(browser, `${t.hub.url}/kiosk/?token=demo-kiosk-1`, LANDSCAPE, {
    prepare: async (context) => {
      await context.addInitScript(NO_VOICE);
      await context.route('**/kiosk/voice/default/**', (route) => {
        const url = route.request().url();
        clips.push(url.slice(url.lastIndexOf('/') + 1));
        return url.endsWith('/manifest.json') ? route.continue() : route.fulfill({ body: clip, contentType: 'audio/wav' });
      });
    },
  });
  await kiosk.getByText('长者模式').first().tap();
  await kiosk.getByText('取号办事').waitFor();
  return kiosk;
}

const voiced = (kiosk: Page): Promise<Voiced[]> => kiosk.evaluate(() => window.__assistVoiced ?? []);

describe('assisted mode (issue #24)', () => {
  it('voices its prompts through the clip pack where the browser has no Mandarin voice', async () => {
    const fetched: string[] = [];
    const kiosk = await openAssisted(fetched);
    expect(await kiosk.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await kiosk.getByText('本机没有中文语音').waitFor();

    // The greeting: the chime, from the pack.
    await expect.poll(async () => (await voiced(kiosk)).length).toBe(1);
    const [greeting] = await voiced(kiosk);
    expect(greeting).toMatchObject({ via: 'clips', text: '您好！请问您要办什么事？请点下面的大按钮' });
    expect(greeting!.played.map((p) => p.clip)).toEqual(['chime']);
    expect(fetched).toContain('manifest.json');
    expect(fetched).toContain('chime.opus');

    // The number taken, as the board will call it: B, 0, 0, 1, 号.
    await kiosk.getByText('取号办事').tap();
    await kiosk.locator('[data-category="social"]').tap();
    await kiosk.locator('.number').getByText('B001').waitFor();
    await expect.poll(async () => (await voiced(kiosk)).at(-1)?.clips).toEqual(['B', '0', '0', '1', '号']);
    const result = (await voiced(kiosk)).at(-1)!;
    expect(result.played.map((p) => p.clip)).toEqual(['chime', 'B', '0', '0', '1', '号']);
    // One after another on the audio clock, never over each other.
    for (let i = 1; i < result.played.length; i++) expect(result.played[i]!.start).toBeGreaterThanOrEqual(result.played[i - 1]!.end - 1);
    expect(fetched).toEqual(expect.arrayContaining(['b.opus', '0.opus', '1.opus', 'hao.opus']));
    await kiosk.context().close();
  });

  it('promises a priority ticket only for services that have one, and says so before a standard ticket', async () => {
    const kiosk = await openAssisted();
    await kiosk.getByText('取号办事').tap();
    // Page 1: 综合受理, 社会事务, 医保社保 — each with a green channel.
    await kiosk.getByText('标有「优先」的业务，将为您取老年人优先号').waitFor();
    expect(await kiosk.locator('[data-category="social"] .green').innerText()).toBe('优先');
    await kiosk.getByText('其他业务').tap();
    // 企业开办 has no green channel: no mark, and a tap only asks.
    await kiosk.locator('[data-category="business"]').waitFor();
    expect(await kiosk.locator('[data-category="business"] .green').count()).toBe(0);
    const before = await waitingIn('business');
    await kiosk.locator('[data-category="business"]').tap();
    await kiosk.locator('.caption').getByText('「企业开办」没有老年人优先号，只能取普通号，按顺序叫号。要取普通号吗？').waitFor();
    expect(await waitingIn('business')).toBe(before);
    await kiosk.getByRole('button', { name: '取普通号' }).tap();
    await kiosk.locator('.number').getByText(/^D\d{3}$/).waitFor();
    expect(await kiosk.locator('.badge').count()).toBe(0);
    expect(await waitingIn('business')).toBe(before + 1);

    // 上一步 from the question goes back to the services, with no ticket taken.
    await kiosk.getByText('完成').tap();
    await kiosk.getByText('长者模式').first().tap();
    await kiosk.getByText('取号办事').tap();
    await kiosk.getByText('其他业务').tap();
    await kiosk.locator('[data-category="business"]').tap();
    await kiosk.getByText('上一步').tap();
    await kiosk.locator('[data-category="business"]').waitFor();
    expect(await waitingIn('business')).toBe(before + 1);
    await kiosk.context().close();
  });

  it('does not offer a service that is full today', async () => {
    // 民政事务 takes one ticket a day; the one is taken.
    const config = await manager.emitWithAck('admin:config', {});
    if (!config.ok) throw new Error(config.error.messageEn);
    const civil = config.data.categories.find((c) => c.id === 'civil')!;
    expect((await manager.emitWithAck('admin:saveCategory', { cmdId: cmdId(), category: { ...civil, dailyCap: 1 }, isNew: false })).ok).toBe(true);
    const kioskSocket = await t.connect('demo-kiosk-2');
    expect((await kioskSocket.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'civil' })).ok).toBe(true);

    const kiosk = await openAssisted();
    await kiosk.getByText('取号办事').tap();
    const offered: string[] = [];
    for (;;) {
      await kiosk.locator('.assist .choices [data-category]').first().waitFor();
      offered.push(...(await kiosk.locator('.assist .choices [data-category]').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')!))));
      if ((await kiosk.getByText('其他业务').count()) === 0) break;
      await kiosk.getByText('其他业务').tap();
    }
    expect(offered).toContain('health');
    expect(offered).not.toContain('civil');
    await kiosk.context().close();
  });
});

async function waitingIn(categoryId: string): Promise<number> {
  const snapshot = await manager.emitWithAck('sync:snapshot', {});
  if (!snapshot.ok) throw new Error(snapshot.error.messageEn);
  return snapshot.data.queues.find((q) => q.categoryId === categoryId)?.waiting ?? 0;
}
