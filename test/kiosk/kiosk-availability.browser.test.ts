// Issues #23 and #24 in real Chromium against a real hub whose clock the test sets: a category no
// window serves is not offered; one with no window open says so and still issues; a full day (its cap,
// or a queue that runs past closing) says 今日已满 with the next opening and cannot be tapped; nor can
// greyed cards at lunch; the guide terminal takes a number for an item; English fits the portrait
// kiosk and 1366×768; the offline notice covers no button; a revoked guide terminal shows a pairing code.
import type { Browser, Page } from 'playwright-core';
import type { Category } from '@yichuang/shared/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { openKiosk, tap } from './helpers/screens.js';

const HOUR = 3_600_000;
const VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  small: { width: 1366, height: 768 },
  portrait: { width: 1080, height: 1920 },
  tablet: { width: 768, height: 1366 },
};
/** 养老保险: added to the configuration before any window is assigned to it (issue #23). */
const PENSION: Category = { id: 'pension', prefix: 'P', name: '养老保险', nameEn: 'Pension insurance', department: '区人社局', allowWalkIn: true, allowAppointment: false, allowPriority: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = async (t: TestHub, n: string): Promise<void> => {
  const w = await t.connect(`demo-window-${n}`);
  const ack = await w.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: `w${n}`, staffNumber: `${n}01`, pin: '123456' });
  expect(ack.ok).toBe(true);
};
const issue = (kiosk: Client, categoryId: string) => kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
const tile = (page: Page, name: string) => page.locator('.tile', { hasText: name });

/** Every button's box inside the viewport, and the button itself under its centre (nothing covers it). */
async function controlsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const b of document.querySelectorAll('button')) {
      const r = b.getBoundingClientRect();
      const name = (b.textContent ?? '').trim().slice(0, 30);
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) bad.push(`${name}: outside`);
      else if (!b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))) bad.push(`${name}: covered`);
    }
    return bad;
  });
}

describe('what the kiosk offers (issue #23)', () => {
  let t: TestHub;
  let kiosk: Client;
  beforeAll(async () => {
    t = await startTestHub();
    kiosk = await t.connect('demo-kiosk-2');
    const manager = await t.connect('demo-console-1');
    expect((await manager.emitWithAck('admin:saveCategory', { cmdId: cmdId(), category: PENSION, isNew: true })).ok).toBe(true);
    await signIn(t, '01');
    await signIn(t, '08');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('offers no category nobody serves, says when no window is open and still issues, and shows a full day on its card', async () => {
    // 跨域通办 takes 50 a day.
    for (let i = 0; i < 50; i++) expect((await issue(kiosk, 'cross-region')).ok).toBe(true);
    const page = await openKiosk(browser, t, '', 'demo-kiosk-1', VIEWPORTS.landscape, { hubTime: true });
    await tile(page, '综合受理').waitFor();

    expect(await tile(page, '养老保险').count()).toBe(0);
    const pension = await issue(kiosk, 'pension');
    expect(!pension.ok && [pension.error.message, pension.error.messageEn]).toEqual(['养老保险暂无办理窗口，请咨询工作人员', 'No window handles Pension insurance; please ask staff']);

    const full = tile(page, '跨域通办');
    expect(await full.innerText()).toMatch(/今日已满\s+下次开始取号：明天 09:00/);
    expect(await full.isDisabled()).toBe(true);
    await full.tap({ force: true });
    expect(await page.getByText('普通取号').count()).toBe(0);

    expect(await tile(page, '社会事务').innerText()).toMatch(/等候 0 人\s+暂无窗口办理，请咨询工作人员/);
    expect(await tile(page, '社会事务').innerText()).not.toMatch(/分钟|无需等候/);
    await tap(page, '社会事务');
    await tap(page, '普通取号');
    await page.getByText('您的号码', { exact: true }).waitFor();
    expect(await page.locator('.number').innerText()).toBe('B001');
    expect(await page.locator('.facts').innerText()).toMatch(/前面没有人等候\s+暂无窗口办理，请咨询工作人员/);
    await page.context().close();
  });

  it('greys out cards at lunch and a tap does nothing', async () => {
    t.clock.advance(2 * HOUR + 10 * 60_000); // 12:10
    const page = await openKiosk(browser, t, '', 'demo-kiosk-1', VIEWPORTS.small, { hubTime: true });
    await page.getByRole('status').getByText('下次开始取号：今天 13:30').waitFor();
    const general = tile(page, '综合受理');
    expect(await general.isDisabled()).toBe(true);
    await general.tap({ force: true });
    expect(await page.getByText('普通取号').count()).toBe(0);
    await page.context().close();
  });

  it('stops issuing once a ticket would not be called before closing: 今日已满 with the next opening, never an estimate past closing', async () => {
    t.clock.advance(4 * HOUR + 20 * 60_000); // 16:30, one tax window open at 6 minutes a visit
    for (let i = 0; i < 5; i++) expect((await issue(kiosk, 'tax')).ok).toBe(true);
    const refused = await issue(kiosk, 'tax');
    expect(!refused.ok && [refused.error.message, refused.error.messageEn]).toEqual([
      '今日税务号已取完：排队已排到下班时间，下次开始取号：明天 09:00',
      'No more tickets for Taxation today: the queue already runs to closing time. Ticketing opens tomorrow 09:00',
    ]);
    const page = await openKiosk(browser, t, '', 'demo-kiosk-1', VIEWPORTS.portrait, { hubTime: true });
    const tax = tile(page, '税务');
    await tax.waitFor();
    expect(await tax.innerText()).toMatch(/今日已满\s+下次开始取号：明天 09:00/);
    expect(await tax.isDisabled()).toBe(true);
    // Every estimate the kiosk shows is within the 30 minutes left.
    const estimates = (await page.locator('.tiles').innerText()).match(/预计等候约 (\d+) 分钟/g) ?? [];
    for (const e of estimates) expect(Number(/\d+/.exec(e)![0])).toBeLessThanOrEqual(30);
    await page.context().close();
  });
});

describe('the guide terminal (issue #24)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
    await signIn(t, '01');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("takes a number for an item's service from its guide, with the QR code a small part of the screen", async () => {
    const page = await openKiosk(browser, t, 'guide.html', 'demo-kiosk-2', VIEWPORTS.portrait, { hubTime: true });
    await page.getByRole('button', { name: '办事指南' }).tap();
    for (const letter of 'HKQY') await page.locator('.letters button', { hasText: new RegExp(`^${letter}$`) }).tap();
    await tap(page, '户口迁移');
    await page.getByText('申请材料').waitFor();
    const qr = (await page.locator('figure.qr').boundingBox())!;
    expect(qr.width * qr.height).toBeLessThan(0.1 * VIEWPORTS.portrait.width * VIEWPORTS.portrait.height);
    expect(await page.locator('.take').innerText()).toMatch(/等候 0 人\s+无需等候/);
    await tap(page, '取号办理');
    await page.getByText('您的号码', { exact: true }).waitFor();
    expect(await page.locator('.number').innerText()).toBe('A001');
    await page.context().close();
  });

  it('says where to take a number when its service takes none now', async () => {
    t.clock.advance(2 * HOUR + 10 * 60_000); // 12:10, lunch
    const page = await openKiosk(browser, t, 'guide.html', 'demo-kiosk-2', VIEWPORTS.landscape, { hubTime: true });
    await page.getByRole('button', { name: '办事指南' }).tap();
    for (const letter of 'HKQY') await page.locator('.letters button', { hasText: new RegExp(`^${letter}$`) }).tap();
    await tap(page, '户口迁移');
    await page.locator('.take').waitFor();
    expect(await page.locator('.take').innerText()).toMatch(/暂停取号\s+下次开始取号：今天 13:30/);
    expect(await page.getByText('取号办理').count()).toBe(0);
    await page.context().close();
  });

  it('shows a pairing code once revoked, to be paired again from the screen', async () => {
    const page = await openKiosk(browser, t, 'guide.html', 'demo-kiosk-2', VIEWPORTS.landscape);
    await page.getByText('服务评价').waitFor();
    const manager = await t.connect('demo-console-1');
    expect((await manager.emitWithAck('device:revoke', { cmdId: cmdId(), deviceId: 'kiosk-2' })).ok).toBe(true);
    await page.locator('[data-pairing-code]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-pairing-code]').getAttribute('data-pairing-code')).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await page.locator('body').innerText()).toMatch(/本设备尚未配对[\s\S]*This device is not paired/);
    await page.context().close();
  });
});

describe('the kiosk fits its screens (issue #24)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`in Chinese and English at ${name} ${viewport.width}×${viewport.height}: every control on screen, the ticket's header too`, async () => {
      const page = await openKiosk(browser, t, '', 'demo-kiosk-1', viewport);
      await tile(page, '综合受理').waitFor();
      expect(await controlsOnScreen(page)).toEqual([]);
      await tap(page, 'English');
      await page.getByText('Please choose a service').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await controlsOnScreen(page)).toEqual([]);
      await page.locator('.tile').first().tap();
      await tap(page, 'Standard ticket');
      await page.getByText('Your number', { exact: true }).waitFor();
      expect(await controlsOnScreen(page)).toEqual([]);
      for (const part of ['.screen-bar .clock', '.screen-bar .hall']) {
        const box = (await page.locator(part).boundingBox())!;
        expect(box.x + box.width, part).toBeLessThanOrEqual(viewport.width);
      }
      // 中文 brings Chinese back without waiting for the idle timeout.
      await tap(page, '中文');
      await page.getByText('您的号码', { exact: true }).waitFor();
      await page.context().close();
    });
  }
});

describe('offline (issue #23)', () => {
  for (const name of ['landscape', 'small'] as const) {
    it(`at ${name}: says no number can be taken now, and covers no button`, async () => {
      const t = await startTestHub();
      const page = await openKiosk(browser, t, '', 'demo-kiosk-1', VIEWPORTS[name]);
      await tile(page, '综合受理').waitFor();
      await t.close();
      const notice = page.getByRole('alert');
      await notice.getByText('网络中断：暂时不能取号，正在重新连接…').waitFor({ timeout: 15_000 });
      expect(await notice.innerText()).toContain('Connection lost: no tickets for now; reconnecting…');
      expect(await controlsOnScreen(page)).toEqual([]);
      for (const button of ['长者模式', '请工作人员帮助', '办事指南']) expect(await page.getByRole('button', { name: button }).isEnabled()).toBe(true);
      expect(await tile(page, '综合受理').isDisabled()).toBe(true);
      await page.context().close();
    });
  }
});

