// In real Chromium, against a real hub: the third-party evaluator signs in at a console and reads
// 大厅设置, 业务类别, 窗口, 工作人员, 操作日志 and 预约 — each page opens and shows the hall's data, and
// offers nothing that acts (only 查看 / 关闭 / 刷新). A change sent anyway, over the socket or REST,
// is refused with a message that names the person's role, not the device.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, LANDSCAPE, openScreen } from '../helpers/browser.js';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { connectWithCookie, DEMO_PASSWORD, pairDevice, raw, signIn } from './helpers.js';

let browser: Browser;
let t: TestHub;
let consoleToken: string;
let page: Page;
let bookedPhoneTail: string;

/** Buttons an evaluator may see in a page's main area: they open, close or reload, never change. */
const READING = new Set(['查看', '关闭', '刷新']);

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
  consoleToken = (await pairDevice(t, { name: '评估室控制台', role: 'console' })).token;
  // A booking for tomorrow, made at the demo console, for the 预约 page to show.
  const manager = await t.connect('demo-console-1');
  const day = await manager.emitWithAck('appointment:day', { cmdId: cmdId(), day: '2026-11-24' });
  if (!day.ok) throw new Error(day.error.messageEn);
  const slot = day.data.categories.find((c) => c.categoryId === 'general')!.slots[0]!;
  const booked = await manager.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'general', slotStart: slot.start, name: '赵钱孙', phone: '13800005678' });
  if (!booked.ok) throw new Error(booked.error.messageEn);
  bookedPhoneTail = '5678';
  manager.disconnect();

  page = await openScreen(browser, `${t.hub.url}/console/?token=${consoleToken}`, LANDSCAPE);
  await page.getByLabel('工号').fill('0003');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-operator=s0003]').waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

/** The visible buttons of the page's main area, by their text. */
async function buttonsIn(p: Page): Promise<string[]> {
  return p.locator('main button:visible').allInnerTexts();
}

async function open(id: string): Promise<void> {
  await page.goto(`${t.hub.url}/console/#/${id}`);
  await page.locator('main h1').waitFor();
}

describe('the evaluator reads the settings pages, read-only', () => {
  it('sees every settings page, the audit log and appointments in the navigation', async () => {
    const nav = await page.locator('nav a').allInnerTexts();
    for (const title of ['大厅设置', '业务类别', '窗口', '工作人员', '操作日志', '预约']) expect(nav.join(' ')).toContain(title);
  });

  it('大厅设置: the hall, its hours and rules shown, every field disabled, no button', async () => {
    await open('admin-hall');
    await page.locator('form[data-form=hall]').waitFor();
    expect(await page.locator('form[data-form=hall] input[name=name]').inputValue()).toMatch(/政务服务中心/);
    expect(await page.locator('[data-weekday="1"] [data-period="1.0"] input').first().inputValue()).toMatch(/^\d\d:\d\d$/);
    expect(await page.locator('form[data-form=rules] input[name=recallCap]').isDisabled()).toBe(true);
    expect(await page.locator('form[data-form=hall] input[name=name]').isDisabled()).toBe(true);
    await page.locator('[data-read-only]').waitFor();
    expect(await buttonsIn(page)).toEqual([]);
  });

  it('业务类别 and 窗口: every row shown, 查看 opens a form with nothing to save', async () => {
    await open('admin-categories');
    await page.locator('tr[data-category=general]').waitFor();
    expect(await page.locator('tr[data-category]').count()).toBeGreaterThan(3);
    expect(new Set(await buttonsIn(page))).toEqual(new Set(['查看']));
    await page.locator('tr[data-category=general] button').click();
    const form = page.locator('form[data-form=category]');
    expect(await form.locator('input[name=prefix]').inputValue()).toBe('A');
    expect(await form.locator('input[name=prefix]').isDisabled()).toBe(true);
    expect((await buttonsIn(page)).filter((b) => !READING.has(b))).toEqual([]);
    await form.getByRole('button', { name: '关闭' }).click();
    await form.waitFor({ state: 'detached' });

    await open('admin-windows');
    await page.locator('tr[data-window=w01]').waitFor();
    expect(new Set(await buttonsIn(page))).toEqual(new Set(['查看']));
  });

  it('工作人员: cards and roles shown, no PIN, password or photo control, nothing to save', async () => {
    await open('admin-staff');
    await page.locator('tr[data-staff=s0101]').waitFor();
    expect(await page.locator('tr[data-staff=s0101]').innerText()).toMatch(/0101/);
    expect(new Set(await buttonsIn(page))).toEqual(new Set(['查看']));
    await page.locator('tr[data-staff=s0101] button').click();
    const form = page.locator('form[data-form=staff]');
    expect(await form.locator('input[name=number]').inputValue()).toBe('0101');
    expect(await form.locator('h2').innerText()).not.toMatch(/修改/);
    expect(await form.locator('input[name=number]').isDisabled()).toBe(true);
    expect(await form.locator('input[type=password], input[type=file], input[name=pin], input[name=newPin]').count()).toBe(0);
    expect(await form.locator('button:visible').allInnerTexts()).toEqual(['关闭']);
    expect((await buttonsIn(page)).filter((b) => !READING.has(b))).toEqual([]);
  });

  it('操作日志: the month’s entries shown, its own sign-in among them', async () => {
    await open('admin-audit');
    await page.locator('input[type=month]').fill('2026-11'); // the hub's clock, not this PC's
    await page.locator('tr[data-action="session.signIn"]').first().waitFor();
    expect(await page.locator('main').innerText()).toMatch(/s0003|评估/);
  });

  it('预约: the day’s bookings shown masked and without their codes, no booking desk or cancel button', async () => {
    await open('appointments');
    await page.locator('input[type=date]').fill('2026-11-24');
    await page.locator('input[type=date]').dispatchEvent('change');
    const booking = page.locator('section[data-category=general] .booking').first();
    await booking.waitFor();
    const text = await booking.innerText();
    expect(text).toContain('赵*孙');
    expect(text).toContain(`138****${bookedPhoneTail}`);
    expect(text).not.toMatch(/\b\d{6}\b/); // the booking code is withheld
    expect(await page.locator('input[name=code]').count()).toBe(0);
    expect((await buttonsIn(page)).filter((b) => !READING.has(b))).toEqual([]);
  });
});

describe('a change sent anyway is refused, naming the role', () => {
  it('over the socket', async () => {
    const session = await signIn(t.hub.url, consoleToken, '0003');
    const client = await connectWithCookie(t.hub.url, consoleToken, session.cookie);
    const before = await raw(client, 'admin:config', {});
    expect(before.ok).toBe(true);
    const attempts = [
      ['admin:saveRules', { rules: { priorityBurst: 3, recallCap: 2, noShowRequeuePlaces: 3, appointmentEarlyMinutes: 15 } }],
      ['admin:removeStaff', { staffId: 's0101' }],
      ['admin:resetPin', { staffId: 's0101', pin: '654321' }],
      ['appointment:cancel', { code: '123456' }],
    ] as const;
    for (const [command, payload] of attempts) {
      const ack = await raw(client, command, { cmdId: cmdId(), ...payload });
      expect(ack.error, command).toMatchObject({ code: 'ROLE_FORBIDDEN', message: '评估员（只读）无权执行此操作', messageEn: expect.stringMatching(/evaluator \(read only\)/) });
      expect(ack.error?.message).not.toMatch(/设备/);
    }
    expect(await raw(client, 'admin:config', {})).toEqual(before);
    client.disconnect();
  });

  it('over REST, from the evaluator’s own page', async () => {
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/admin/staff/s0101/photo', { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array([137, 80, 78, 71]) });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    });
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'ROLE_FORBIDDEN', message: '评估员（只读）无权执行此操作' } } });
  });
});
