// The caller, the pad and the console's case page in real Chromium against a real hub: a visit is
// called and finished at window 1, its pad asks for a rating, a 不满意 opens a case that the console
// takes through every step; another window's pad cannot rate it; a pad left alone records 未评价;
// 20 rapid presses of "call next" call one ticket.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { launchBrowser, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';

/** A 10-inch tablet on its side. */
const TABLET = { width: 1280, height: 800 };
/** Short enough for a test to watch it run out; long enough to rate in. */
const PAD_TIMEOUT_S = 8;

let t: TestHub;
let browser: Browser;
let kiosk: Client;

beforeAll(async () => {
  const dataDir = await tempDir();
  const config = await demoHall();
  config.evaluation.padTimeoutSeconds = PAD_TIMEOUT_S;
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(config));
  t = await startTestHub({ dataDir });
  browser = await launchBrowser();
  kiosk = await t.connect('demo-kiosk-1');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function issue(categoryId: string, n = 1): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const ack = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
    if (!ack.ok) throw new Error(ack.error.messageEn);
    numbers.push(ack.data.ticket.number);
  }
  return numbers;
}

async function openCaller(nn: string): Promise<Page> {
  const page = await openScreen(browser, `${t.hub.url}/window/?token=demo-window-${nn}`);
  await page.getByLabel('工号').fill(`${nn}01`);
  await page.getByLabel('密码').fill('123456');
  await page.keyboard.press('Enter');
  await page.locator('[data-action=callNext]').waitFor();
  return page;
}

async function journalEvents(type: string): Promise<{ actor?: { deviceId: string }; event: Record<string, unknown> }[]> {
  const dir = path.join(t.dataDir, 'journal');
  const lines: string[] = [];
  for (const f of await readdir(dir)) lines.push(...(await readFile(path.join(dir, f), 'utf8')).split('\n').filter(Boolean));
  return lines.map((l) => JSON.parse(l)).filter((r) => r.event.type === type);
}

describe('window 1: call, finish, rate 不满意, work the case', () => {
  it('goes from the caller to the pad to the console', async () => {
    const [number] = await issue('general');
    const caller = await openCaller('01');
    const pad = await openScreen(browser, `${t.hub.url}/window/pad.html?token=demo-pad-01`, TABLET);
    const otherPad = await openScreen(browser, `${t.hub.url}/window/pad.html?token=demo-pad-02`, TABLET);
    await pad.locator('[data-staff="0101"]').waitFor();
    await expect.poll(() => pad.locator('.card').innerText()).toContain('王晓燕');
    await otherPad.locator('[data-screen=idle]').waitFor();

    // Call, start, finish (即办) from the keyboard.
    await caller.keyboard.press('F1');
    await caller.locator('.number', { hasText: number! }).waitFor();
    await caller.keyboard.press('F3');
    await caller.locator('.state.serving').waitFor();
    await caller.keyboard.press('F4');
    await caller.keyboard.press('1');
    await caller.keyboard.press('Enter');
    await caller.getByText('当前没有呼叫中的号').waitFor();

    // The pad of window 1 asks; the pad of window 2 does not.
    await pad.locator('[data-screen=rate]').waitFor();
    await pad.getByText(`您的号码 ${number}`).waitFor();
    await expect.poll(() => pad.locator('[data-level]').count()).toBe(5);
    expect(await otherPad.locator('[data-screen]').getAttribute('data-screen')).toBe('idle');
    const pad2 = await t.connect('demo-pad-02');
    const stolen = await pad2.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w02', ticketId: `2026-11-23/${number}`, level: 'very-satisfied' });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'NOT_RATABLE' } });

    // 不满意 → reasons, comments and a phone number on the keypad.
    await pad.locator('[data-level=dissatisfied]').click();
    await pad.locator('[data-screen=reasons]').waitFor();
    expect(await pad.getByRole('button', { name: '提交评价' }).isDisabled()).toBe(true);
    await pad.getByRole('button', { name: '服务态度' }).click();
    await pad.getByRole('button', { name: '办事效率' }).click();
    await pad.locator('textarea').fill('等候时间太长');
    for (const d of '13812345678') await pad.locator('.keypad button', { hasText: new RegExp(`^${d}$`) }).click();
    await expect.poll(() => pad.locator('output').getAttribute('data-phone')).toBe('13812345678');
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.locator('[data-screen=thanks]').waitFor();

    const [recorded] = await journalEvents('rating.recorded');
    expect(recorded?.event).toMatchObject({ level: 'dissatisfied', reasons: ['服务态度', '办事效率'], text: '等候时间太长', contact: { masked: '138****5678' } });
    expect(await journalEvents('case.opened')).toHaveLength(1);

    // The caller's own figures count the visit and the bad rating.
    await expect.poll(() => caller.locator('[data-figure=served]').innerText(), { timeout: 25_000 }).toBe('1');

    // The console takes the case through verify → rectify → follow up → close.
    const caseId = `20261123-${number}`;
    const console1 = await openScreen(browser, `${t.hub.url}/console/?token=demo-console-1#/cases`);
    await console1.locator(`[data-case="${caseId}"]`).click();
    const form = console1.locator('form[data-step]');
    const doStep = async (step: string, text: string) => {
      await console1.locator(`form[data-step=${step}]`).waitFor();
      await form.locator('textarea').fill(text);
      await form.locator('input[name=handler]').fill('林雪梅');
      await form.getByRole('button', { name: '提交' }).click();
    };
    await console1.getByLabel('属实', { exact: true }).check();
    await doStep('verify', '调阅录像，等候时间过长属实');
    await doStep('rectify', '午间增开一个综合窗口');
    // The follow-up call needs the full number: opened on request, written to the audit log.
    await console1.getByRole('button', { name: /查看完整号码/ }).click();
    await expect.poll(() => console1.locator('[data-phone]').innerText()).toBe('13812345678');
    await console1.getByLabel('满意', { exact: true }).check();
    await doStep('followUp', '电话回访，群众表示满意');
    await doStep('close', '');
    await console1.locator(`[data-case="${caseId}"]`).waitFor({ state: 'detached' });
    await console1.getByLabel('显示已办结').check();
    await console1.locator(`[data-case="${caseId}"] [data-next=none]`).waitFor();
    await expect.poll(() => console1.locator('.history li').count()).toBe(4);
    expect(await console1.locator('.history').innerText()).toContain('林雪梅');

    const steps = ['case.verified', 'case.rectified', 'case.followedUp', 'case.closed'];
    for (const type of steps) expect((await journalEvents(type)).map((r) => r.actor?.deviceId)).toEqual(['console-1']);
    for (const p of [caller, pad, otherPad, console1]) await p.context().close();
  });
});

describe('a pad nobody answers', () => {
  it('goes back to the staff card, and the hub records 未评价', async () => {
    const [number] = await issue('social');
    const caller = await openCaller('04');
    const pad = await openScreen(browser, `${t.hub.url}/window/pad.html?token=demo-pad-04`, TABLET, {
      // A pad whose clock the test moves on with the hub's, instead of waiting out its time.
      prepare: (context) => context.clock.install(),
    });
    await pad.locator('[data-staff="0401"]').waitFor();
    await caller.keyboard.press('F1');
    await caller.locator('.number', { hasText: number! }).waitFor();
    await caller.keyboard.press('F3');
    await caller.locator('.state.serving').waitFor();
    await caller.keyboard.press('F4');
    await caller.keyboard.press('3');
    await caller.keyboard.press('Enter');
    await pad.locator('[data-screen=rate]').waitFor();
    // Nobody touches the pad for its whole time: the pad's clock and the hub's move on together.
    t.clock.advance((PAD_TIMEOUT_S + 1) * 1000);
    await pad.clock.fastForward((PAD_TIMEOUT_S + 1) * 1000);
    await pad.locator('[data-screen=idle]').waitFor({ timeout: 5000 });
    await expect
      .poll(async () => (await journalEvents('rating.expired')).map((r) => r.event), { timeout: 5000 })
      .toEqual([expect.objectContaining({ ticketId: `2026-11-23/${number}`, windowId: 'w04', reason: 'timeout' })]);
    expect((await journalEvents('rating.recorded')).filter((r) => r.event.windowId === 'w04')).toEqual([]);
    for (const p of [caller, pad]) await p.context().close();
  });
});

describe('double presses', () => {
  it('20 rapid presses of "call next", by key and by click, call exactly one ticket; every action has its key', async () => {
    const waiting = await issue('business', 3);
    const caller = await openCaller('06');
    for (let i = 0; i < 20; i++) await caller.keyboard.press('F1');
    await caller.locator('.number', { hasText: waiting[0]! }).waitFor();
    await caller.keyboard.press('F5'); // no-show (confirmed), so the button is live again
    await caller.getByRole('dialog').waitFor();
    await caller.keyboard.press('Enter');
    await caller.getByText('当前没有呼叫中的号').waitFor();
    // Twenty clicks in one go, faster than the page can re-render the button as disabled.
    await caller.locator('[data-action=callNext]').evaluate((b: HTMLButtonElement) => {
      for (let i = 0; i < 20; i++) b.click();
    });
    await caller.locator('.number', { hasText: waiting[1]! }).waitFor();
    // The extra presses never reached the hub: it would have answered them with WINDOW_BUSY.
    expect(await caller.locator('.error').count()).toBe(0);
    // Both rounds are in: anything extra would have been journaled by now.
    await expect.poll(async () => (await journalEvents('ticket.noShow')).length).toBe(1);
    const calls = (await journalEvents('ticket.called')).filter((r) => r.event.windowId === 'w06');
    expect(calls.map((r) => r.event.ticketId)).toEqual([`2026-11-23/${waiting[0]}`, `2026-11-23/${waiting[1]}`]);

    // Every other action from its key: hold (F10) and resume (F11), call a number (F7), transfer (F9),
    // requeue the returning no-show (F12); then F1 takes the resumed ticket first.
    const [noShow, held, other] = waiting as [string, string, string];
    const id = (n: string) => `2026-11-23/${n}`;
    await caller.keyboard.press('F3');
    await caller.locator('.state.serving').waitFor();
    await caller.keyboard.press('F10');
    await caller.getByRole('dialog').waitFor();
    await caller.keyboard.press('Enter');
    await caller.getByText('挂起（1）').waitFor();
    await caller.keyboard.press('F11');
    await caller.keyboard.press('1');
    await caller.getByText('挂起（1）').waitFor({ state: 'detached' });
    await caller.keyboard.press('F7');
    // A number of a service window 6 does not serve: the dialog says so, and stays open.
    const [notHere] = await issue('general');
    await caller.getByRole('dialog').locator('input').fill(notHere!);
    await caller.keyboard.press('Enter');
    await caller.getByRole('dialog').getByText(`${notHere} 号不是本窗口的业务`, { exact: false }).waitFor();
    await caller.getByRole('dialog').locator('input').fill(other.toLowerCase());
    await caller.keyboard.press('Enter');
    await caller.locator('.number', { hasText: other }).waitFor();
    await caller.keyboard.press('F9');
    await caller.getByLabel('转到业务').selectOption('general');
    await caller.getByLabel('转移原因').fill('属综合受理事项');
    await caller.keyboard.press('Enter');
    await caller.getByText('当前没有呼叫中的号').waitFor();
    await caller.keyboard.press('F12');
    await caller.getByRole('dialog').locator('input').fill(noShow);
    await caller.keyboard.press('Enter');
    await caller.getByRole('dialog').waitFor({ state: 'detached' });
    await caller.keyboard.press('F1');
    await caller.locator('.number', { hasText: held }).waitFor();
    const of = async (type: string) => (await journalEvents(type)).filter((r) => r.event.windowId === 'w06').map((r) => r.event.ticketId);
    expect(await of('ticket.held')).toEqual([id(held)]);
    expect(await of('ticket.resumed')).toEqual([id(held)]);
    expect(await of('ticket.transferred')).toEqual([id(other)]);
    expect(await of('ticket.requeued')).toEqual([id(noShow)]);
    expect((await journalEvents('ticket.called')).filter((r) => r.event.windowId === 'w06').map((r) => [r.event.ticketId, r.event.by])).toEqual([
      [id(noShow), 'next'],
      [id(held), 'next'],
      [id(other), 'number'],
      [id(held), 'next'],
    ]);
    await caller.context().close();
  });
});
