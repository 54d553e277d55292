// The kiosk screens in real Chromium, touched (hasTouch, tap), against a real hub on a Monday
// morning: a ticket with its number and QR code; the same in assisted mode (large, few choices,
// spoken); an optional ID number; appointment check-in; the help button reaching the console; the
// guide searched by pinyin initials; the ticket's phone page; the suggestion box on the console.
import type { Browser, Page } from 'playwright-core';
import { renderSVG } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, launchBrowser, openScreen, PORTRAIT } from '../helpers/browser.js';
import { cmdId, next, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { openKiosk, PHONE, tap } from './helpers/screens.js';

let t: TestHub;
let browser: Browser;
let staff: Client;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  staff = await t.connect('demo-console-1');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const page = (p: string) => `${t.hub.url}/${p}`;
/** The QR code drawn for an address, as the kiosk draws it. */
const qrOf = (url: string): string | undefined => /\sd="([^"]+)"/.exec(renderSVG(url, { ecc: 'M', border: 2 }))?.[1];
const ticketUrl = (number: string) => t.pageUrl(number);

/**
 * A browser with a Mandarin voice that records what it says (headless Chromium has none). A string,
 * not a function: the test's transpiler would add helpers the page does not have.
 */
const MANDARIN_VOICE = `
  window.spoken = [];
  const voice = { lang: 'cmn', name: 'Mandarin', default: true, localService: true, voiceURI: 'cmn' };
  class Utterance {
    constructor(text) { this.text = text; this.onend = null; this.onerror = null; }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
  Object.defineProperty(window, 'speechSynthesis', {
    value: {
      getVoices: () => [voice],
      speak: (u) => { window.spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 5); },
      cancel: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
`;
const lastSpoken = (p: Page): Promise<string | undefined> => p.evaluate(() => (window as unknown as { spoken: string[] }).spoken.at(-1));

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('take-a-number by touch', () => {
  it('gives a ticket with the number, the people ahead and the QR code of its phone page', async () => {
    await (await t.connect('demo-kiosk-2')).emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-1', LANDSCAPE);
    await tap(kiosk, '税务');
    await tap(kiosk, '普通取号');
    await kiosk.getByText('您的号码', { exact: true }).waitFor();
    expect(await kiosk.locator('.number').innerText()).toBe('F002');
    expect(await kiosk.getByText('前面还有 1 人').isVisible()).toBe(true);
    expect(await kiosk.locator('figure.qr path').getAttribute('d')).toBe(qrOf(ticketUrl('F002')));
    await tap(kiosk, '完成');
    await kiosk.getByText('请选择要办理的业务').waitFor();
    await kiosk.context().close();
  });

  it('takes an optional ID number on the keypad, says what is wrong with a bad one, and shows it masked', async () => {
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-1', PORTRAIT);
    const key = (k: string) => kiosk.locator('.keypad button', { hasText: new RegExp(`^${k}$`) }).tap();
    const backspace = () => kiosk.getByRole('button', { name: '删除' }).tap();
    await tap(kiosk, '民政事务');
    await tap(kiosk, '输入身份证号');
    for (const k of '11010519491232002X') await key(k);
    await kiosk.getByText('身份证号码中的出生日期（第 7–14 位）不正确，请核对').waitFor();
    expect(await kiosk.getByRole('button', { name: '确定' }).isDisabled()).toBe(true);
    for (let i = 0; i < 5; i++) await backspace();
    for (const k of '10021') await key(k);
    await kiosk.getByText('身份证号码最后一位校验码不符，请逐位核对').waitFor();
    expect(await kiosk.getByRole('button', { name: '确定' }).isDisabled()).toBe(true);
    await backspace();
    await key('X');
    await tap(kiosk, '确定');
    await kiosk.getByText('已登记：1101**********002X').waitFor();
    await tap(kiosk, '普通取号');
    await kiosk.getByText('实名：1101**********002X').waitFor();
    await kiosk.context().close();
  });
});

describe('assisted (elderly) mode', () => {
  it('has large type, four choices at most, big targets, high contrast and spoken prompts, and gives a green-channel ticket', async () => {
    const context = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true, locale: 'zh-CN' });
    const kiosk = await context.newPage();
    await kiosk.addInitScript(MANDARIN_VOICE);
    await kiosk.goto(page('kiosk/?token=demo-kiosk-1'));
    await kiosk.getByText('综合受理').first().waitFor();
    const fontSize = (selector: string) => kiosk.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const standard = await fontSize('.tile .name');
    const standardLang = await fontSize('button.lang');

    await tap(kiosk, '长者模式');
    await kiosk.getByText('取号办事').waitFor();
    expect(await fontSize('button.lang')).toBeGreaterThanOrEqual(1.5 * standardLang);
    const checkScreen = async (): Promise<void> => {
      const choices = kiosk.locator('.assist .choices button');
      expect(await choices.count()).toBeLessThanOrEqual(4);
      for (const button of await kiosk.locator('.assist button').all()) {
        const box = (await button.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(60);
        expect(box.height).toBeGreaterThanOrEqual(60);
        const [text, size, ink, bg] = await button.evaluate((e) => {
          const s = getComputedStyle(e);
          return [e.textContent, parseFloat(s.fontSize), s.color, s.backgroundColor] as const;
        });
        expect(size, text ?? '').toBeGreaterThanOrEqual(1.5 * standard);
        expect(contrast(ink, bg), text ?? '').toBeGreaterThanOrEqual(4.5);
      }
    };
    await checkScreen();
    await expect.poll(() => lastSpoken(kiosk)).toBe('您好！请问您要办什么事？请点下面的大按钮');
    expect(await kiosk.getByText('本机没有中文语音').count()).toBe(0);

    await tap(kiosk, '取号办事');
    await checkScreen();
    // Page through every service: never more than four choices.
    for (let i = 0; i < 3; i++) {
      await tap(kiosk, '其他业务');
      await checkScreen();
    }
    await tap(kiosk, '上一步');
    await tap(kiosk, '上一步');
    await tap(kiosk, '上一步');
    await tap(kiosk, '社会事务');
    await kiosk.locator('.number').waitFor();
    const number = await kiosk.locator('.number').innerText();
    expect(number).toMatch(/^B\d{3}$/);
    expect(await kiosk.locator('.badge').innerText()).toBe('绿色通道');
    expect(await kiosk.locator('figure.qr path').getAttribute('d')).toBe(qrOf(ticketUrl(number)));
    await expect.poll(() => lastSpoken(kiosk)).toMatch(/^取号成功，您的号码是 B零零.，前面/);
    await checkScreen();
    await tap(kiosk, '完成');
    await kiosk.getByText('请选择要办理的业务').waitFor();
    await context.close();
  });
});

describe('appointment check-in', () => {
  it('turns a 6-digit code typed on the keypad into an appointment ticket', async () => {
    const slotStart = Date.parse('2026-11-23T03:00:00Z'); // 11:00 hall time
    const booked = await staff.emitWithAck('appointment:book', { cmdId: cmdId(), categoryId: 'insurance', slotStart, name: '李秀英', phone: '13700001111' });
    if (!booked.ok) throw new Error(booked.error.messageEn);
    t.clock.advance(35 * 60_000); // 10:35: inside the check-in window (from 30 minutes before)
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-1', LANDSCAPE);
    await tap(kiosk, '预约签到');
    for (const k of booked.data.code) await kiosk.locator('.keypad button', { hasText: new RegExp(`^${k}$`) }).tap();
    await tap(kiosk, '签到取号');
    await kiosk.getByText('您的号码', { exact: true }).waitFor();
    const number = await kiosk.locator('.number').innerText();
    expect(await kiosk.locator('.badge').innerText()).toBe('预约');
    expect(await kiosk.getByText('预约时段 11:00').isVisible()).toBe(true);
    const follow = await (await fetch(page(`api/kiosk/follow/${number}`))).json();
    expect(follow).toMatchObject({ ok: true, data: { priority: 'appointment', categoryName: '医保社保' } });
    await kiosk.context().close();
  });
});

describe('help from staff', () => {
  it('raises an alert the console shows and tells the 帮办代办 window', async () => {
    const assistWindow = await t.connect('demo-window-14');
    const console_ = await openScreen(browser, page('console/?token=demo-console-1#/live'), { ...LANDSCAPE, height: 1400 });
    await console_.locator('section.alerts').waitFor();
    const kiosk = await openKiosk(browser, t, '', 'demo-terminal24-1', LANDSCAPE);
    await tap(kiosk, '长者模式');
    const told = next(assistWindow, 'kiosk:helpRequested');
    await tap(kiosk, '请工作人员帮助');
    await kiosk.getByText('已通知工作人员，请在这里稍等，马上有人来帮您').waitFor();
    expect(await told).toMatchObject({ deviceId: 'terminal24-1', assisted: true, zoneName: '24小时自助服务区' });
    const alert = console_.locator('li[data-kind="help-request"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('24小时自助服务区·24小时自助终端有老年人（长者模式）请求工作人员帮助');
    await kiosk.context().close();
    await console_.context().close();
  });
});

describe('the guide', () => {
  it('finds 户口迁移 by its pinyin initials on the letter pad and shows its guide with a QR code for phones', async () => {
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-2', PORTRAIT);
    await tap(kiosk, '办事指南');
    for (const letter of 'HKQY') await kiosk.locator('.letters button', { hasText: new RegExp(`^${letter}$`) }).tap();
    await tap(kiosk, '户口迁移');
    await kiosk.getByText('申请材料').waitFor();
    expect(await kiosk.locator('article').innerText()).toMatch(/居民户口簿[\s\S]*办事大厅 1、2、3、15 号窗口[\s\S]*不收费/);
    expect(await kiosk.locator('figure.qr path').getAttribute('d')).toBe(qrOf(`${t.hub.url}/kiosk/guide.html?item=hukou-move`));

    // The QR code's page on a phone: the same guide, read-only.
    const phone = await openScreen(browser, page('kiosk/guide.html?item=hukou-move'), PHONE, { hasTouch: true, isMobile: true });
    await phone.getByText('受理条件').waitFor();
    expect(await phone.locator('h2').innerText()).toBe('户口迁移');
    await phone.context().close();
    await kiosk.context().close();
  });
});

describe('the ticket\'s phone page', () => {
  it('shows the people ahead, then the window calling the number', async () => {
    const kiosk = await t.connect('demo-kiosk-2');
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'utilities' });
    const number = issued.ok ? issued.data.ticket.number : '';
    // The page's clock runs on with real time, and the test moves it one poll on rather than waiting for it.
    const phone = await openScreen(browser, page(`kiosk/ticket.html?n=${number}&d=2026-11-23`), PHONE, { hasTouch: true, isMobile: true, prepare: (c) => c.clock.install() });
    await phone.getByText('马上就到您了').waitFor();
    const window = await t.connect('demo-window-11');
    await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w11', staffNumber: '1101', pin: '123456' });
    await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w11' });
    await phone.clock.fastForward(5000); // one poll (POLL_MS, kiosk/src/phone/follow.svelte.ts)
    await phone.getByText('您的号码正在 11 号窗口 呼叫').waitFor({ timeout: 10_000 });
    await phone.goto(page(`kiosk/ticket.html?n=${number}&d=2026-11-20`));
    await phone.getByText('这是 2026-11-20 的号，今天已不能使用').waitFor();
    await phone.context().close();
  });
});

describe('the suggestion box', () => {
  it('takes a complaint by touch and the console closes it', async () => {
    const kiosk = await openKiosk(browser, t, '', 'demo-kiosk-1', LANDSCAPE);
    await tap(kiosk, '意见箱');
    await tap(kiosk, '投诉');
    await tap(kiosk, '办事效率');
    await tap(kiosk, '7');
    await tap(kiosk, '提交');
    await kiosk.getByText('已收到您的意见，感谢您对我们工作的监督！').waitFor();
    await kiosk.context().close();

    const console_ = await openScreen(browser, page('console/?token=demo-console-1#/suggestions'), LANDSCAPE);
    const row = console_.locator('tr.open', { hasText: '办事效率' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/投诉[\s\S]*办事效率[\s\S]*7[\s\S]*1号取号机/);
    await row.getByRole('button', { name: '处理' }).click();
    await row.getByLabel('经办人').fill('陈科长');
    await row.getByLabel('处理说明').fill('已约谈 7 号窗口');
    await row.getByRole('button', { name: '办结' }).click();
    await console_.getByText(/陈科长 于 \d\d:\d\d 办结：已约谈 7 号窗口/).waitFor();
    await console_.context().close();
  });
});
