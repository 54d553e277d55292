// Rating a visit later by its number, when the pad was skipped: at a kiosk over its socket, and on the
// phone page through the signed link the slip's QR code carries. Either fills the 未评价, once.
import type { Rating } from '@yichuang/shared/ratings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { journalLines, serveOne } from './serve.js';

let t: TestHub;
let kiosk: Client;

beforeAll(async () => {
  t = await startTestHub();
  kiosk = await t.connect('demo-kiosk-1');
});
afterAll(async () => {
  await t.close();
});

async function ratingOf(ticketId: string): Promise<Rating | undefined> {
  const res = await fetch(`${t.hub.url}/api/ratings/today`, { headers: { authorization: 'Bearer demo-console-1' } });
  return ((await res.json()) as { data: Rating[] }).data.find((r) => r.ticketId === ticketId);
}

describe('at a kiosk, by the number on the slip', () => {
  let window4: Client;
  let number: string;

  beforeAll(async () => {
    window4 = await t.connect('demo-window-04');
    number = (await serveOne(kiosk, window4, '04', 'social')).ticket.number;
    // The window finishes its next visit before anyone rated this one: it is 未评价 now.
    await serveOne(kiosk, window4, '04', 'social');
  });

  it('finds a finished visit with where and by whom it was served, and refuses one still waiting', async () => {
    expect(await ratingOf(`2026-11-23/${number}`)).toMatchObject({ level: 'unrated' });
    const found = await kiosk.emitWithAck('visit:find', { cmdId: cmdId(), number: number.toLowerCase() });
    expect(found).toMatchObject({ ok: true, data: { number, windowNumber: 4, staff: { number: '0401' }, reasons: expect.arrayContaining(['服务态度']) } });
    if (found.ok) expect(found.data.rated).toBeUndefined();

    const waiting = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'tax' });
    if (!waiting.ok) throw new Error(waiting.error.messageEn);
    const early = await kiosk.emitWithAck('visit:find', { cmdId: cmdId(), number: waiting.data.ticket.number });
    expect(early).toMatchObject({ ok: false, error: { code: 'VISIT_NOT_FINISHED', message: expect.stringContaining('还没有办结'), messageEn: expect.stringContaining('not finished') } });
    const unknown = await kiosk.emitWithAck('visit:find', { cmdId: cmdId(), number: 'Z999' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TICKET' } });
  });

  it('records the rating in place of 未评价, journaled before the answer, and only once', async () => {
    const rating = { cmdId: cmdId(), number, level: 'satisfied' as const };
    const first = await kiosk.emitWithAck('visit:rate', rating);
    expect(first).toMatchObject({ ok: true, data: { number, rated: { level: 'satisfied', channel: 'kiosk' } } });
    const journaled = (await journalLines(t.dataDir)).map((l) => JSON.parse(l) as { event: { type: string; channel?: string; ticketId?: string } });
    expect(journaled.filter((r) => r.event.type === 'rating.recorded' && r.event.ticketId === `2026-11-23/${number}`).map((r) => r.event.channel)).toEqual(['kiosk']);
    expect(await ratingOf(`2026-11-23/${number}`)).toMatchObject({ level: 'satisfied', code: 4, channel: 'kiosk', windowId: 'w04', staffId: 's0401' });

    expect(await kiosk.emitWithAck('visit:rate', rating)).toEqual(first);
    const again = await kiosk.emitWithAck('visit:rate', { ...rating, cmdId: cmdId(), level: 'very-satisfied' });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });
  });

  it('is for kiosks only', async () => {
    const asWindow = await window4.emitWithAck('visit:rate', { cmdId: cmdId(), number, level: 'very-satisfied' });
    expect(asWindow).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('on the phone page, through the slip’s signed link', () => {
  let number: string;
  let link: URL;
  /** The link's day and signature, as the phone page sends them to the hub. */
  let query: string;
  const api = (path: string, init?: RequestInit): Promise<Response> => fetch(`${t.hub.url}/api${path}`, init);
  const post = (path: string, body: unknown): Promise<Response> =>
    api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    const window5 = await t.connect('demo-window-05');
    const issued = await serveOne(kiosk, window5, '05', 'insurance');
    number = issued.ticket.number;
    link = new URL(issued.print!.pageUrl);
    const [, , , day, signature] = link.pathname.split('/');
    query = `?d=${day}&s=${signature}`;
  });

  it('prints a link that opens the phone page with the signature', async () => {
    expect(link.pathname).toMatch(new RegExp(`^/t/${number}/2026-11-23/[\\w-]{10}$`));
    const res = await fetch(`${t.hub.url}${link.pathname}`, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`/kiosk/ticket.html?n=${number}${query.replace('?', '&')}`);
  });

  it('refuses a guessed or altered link, with a reason in Chinese and English', async () => {
    const forged = await api(`/visit/${number}?d=2026-11-23&s=AAAAAAAAAA`);
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ ok: false, error: { code: 'LINK_INVALID', message: expect.stringContaining('二维码'), messageEn: expect.stringContaining('QR') } });
    const bare = await api(`/visit/${number}?d=2026-11-23`);
    expect(bare.status).toBe(400);
    const other = await post(`/visit/A001/rating${query}`, { cmdId: cmdId(), level: 'very-satisfied' });
    expect(other.status).toBe(403);
  });

  it('rates the visit from the phone; a bad rating opens a case like one from the pad', async () => {
    const shown = await api(`/visit/${number}${query}`);
    expect(await shown.json()).toMatchObject({ ok: true, data: { number, windowNumber: 5 } });

    const noReason = await post(`/visit/${number}/rating${query}`, { cmdId: cmdId(), level: 'very-dissatisfied' });
    expect(noReason.status).toBe(409);
    expect(await noReason.json()).toMatchObject({ ok: false, error: { code: 'REASONS_REQUIRED' } });

    const body = { cmdId: cmdId(), level: 'very-dissatisfied', reasons: ['办事效率'], text: '材料一次没说清', phone: '13912345678' };
    const rated = await post(`/visit/${number}/rating${query}`, body);
    expect(rated.status).toBe(200);
    expect(await rated.json()).toMatchObject({ ok: true, data: { rated: { level: 'very-dissatisfied', channel: 'phone' } } });
    expect(await ratingOf(`2026-11-23/${number}`)).toMatchObject({ channel: 'phone', windowId: 'w05', contact: { kind: 'phone', masked: '139****5678' } });

    const cases = (await (await api('/cases', { headers: { authorization: 'Bearer demo-console-1' } })).json()) as { data: { id: string; rating: Rating }[] };
    expect(cases.data.find((c) => c.id === `20261123-${number}`)?.rating).toMatchObject({ channel: 'phone', level: 'very-dissatisfied' });

    const twice = await post(`/visit/${number}/rating${query}`, { ...body, cmdId: cmdId() });
    expect(await twice.json()).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });
  });

  it('keeps a link to its own day', async () => {
    t.clock.advance(24 * 3600_000);
    const res = await api(`/visit/${number}${query}`);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'TICKET_NOT_TODAY' } });
  });
});
