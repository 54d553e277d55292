// 好差评 over real sockets: a finished visit is rated at its own window's pad only, once; a bad
// rating opens a case the console works through; a pad that never answers leaves 未评价.
import type { Rating } from '@yichuang/shared/ratings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { journalLines as journalOf, serveOne as serve } from './serve.js';

let t: TestHub;
let kiosk: Client;
let console1: Client;

beforeAll(async () => {
  t = await startTestHub();
  kiosk = await t.connect('demo-kiosk-1');
  console1 = await t.connect('demo-console-1');
});
afterAll(async () => {
  await t.close();
});

const serveOne = async (window: Client, nn: string, categoryId: string): Promise<string> => (await serve(kiosk, window, nn, categoryId)).ticket.number;
const journalLines = (): Promise<string[]> => journalOf(t.dataDir);

async function todaysRatings(): Promise<Rating[]> {
  return ((await (await fetch(`${t.hub.url}/api/ratings/today`, { headers: { authorization: 'Bearer demo-console-1' } })).json()) as { data: Rating[] }).data;
}

describe('a pad rates the visit just finished at its own window', () => {
  let window1: Client;
  let pad1: Client;
  let number: string;
  let ticketId: string;

  beforeAll(async () => {
    window1 = await t.connect('demo-window-01');
    pad1 = await t.connect('demo-pad-01');
    number = await serveOne(window1, '01', 'general');
    ticketId = `2026-11-23/${number}`;
  });

  it('shows the pad the visit to rate, with the hall’s reasons', async () => {
    const state = await pad1.emitWithAck('pad:state', { cmdId: cmdId(), windowId: 'w01' });
    expect(state).toMatchObject({ ok: true, data: { windowId: 'w01', prompt: { ticketId, ticketNumber: number }, reasons: expect.arrayContaining(['服务态度']) } });
    if (state.ok) expect(state.data.prompt!.remainingMs).toBeGreaterThan(50_000);
  });

  it('refuses the pad of another window, whichever window it names', async () => {
    const pad2 = await t.connect('demo-pad-02');
    const asOther = await pad2.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'very-satisfied' });
    expect(asOther).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const asItself = await pad2.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w02', ticketId, level: 'very-satisfied' });
    expect(asItself).toMatchObject({ ok: false, error: { code: 'NOT_RATABLE', message: expect.stringContaining('本窗口'), messageEn: expect.stringContaining('own window') } });
    const staff = await window1.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'very-satisfied' });
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('checks the payload: reasons for bad levels, a valid phone', async () => {
    const noReason = await pad1.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'dissatisfied' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'REASONS_REQUIRED' } });
    const badPhone = await pad1.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'dissatisfied', reasons: ['服务态度'], phone: '12345' });
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('手机号码') } });
  });

  it('records 不满意 with reasons and a masked phone once, and opens a case', async () => {
    const rating = { cmdId: cmdId(), windowId: 'w01', ticketId, level: 'dissatisfied' as const, reasons: ['办事效率', '多次跑动'], text: '等了很久', phone: '13812345678' };
    const first = await pad1.emitWithAck('pad:rate', rating);
    expect(first).toMatchObject({
      ok: true,
      data: { ticketId, ticketNumber: number, windowId: 'w01', staffId: 's0101', channel: 'pad', level: 'dissatisfied', code: 2, reasons: ['办事效率', '多次跑动'], text: '等了很久', contact: { kind: 'phone', masked: '138****5678' } },
    });
    const retry = await pad1.emitWithAck('pad:rate', rating);
    expect(retry).toEqual(first);
    const again = await pad1.emitWithAck('pad:rate', { ...rating, cmdId: cmdId() });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });
    const state = await pad1.emitWithAck('pad:state', { cmdId: cmdId(), windowId: 'w01' });
    expect(state.ok && state.data.prompt).toBeFalsy();

    const lines = await journalLines();
    expect(lines.filter((l) => l.includes('"rating.recorded"'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('"case.opened"'))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('13812345678');
  });

  it('opens the citizen’s sealed number for the 回访 to a manager, writing who saw it to the audit log', async () => {
    const caseId = `20261123-${number}`;
    const list = await console1.emitWithAck('case:list', { cmdId: cmdId() });
    expect(list).toMatchObject({ ok: true, data: [{ id: caseId, callable: true, rating: { contact: { masked: '138****5678' } } }] });
    expect(JSON.stringify(list)).not.toMatch(/13812345678|"v1\./);
    const lines = await journalLines();
    expect(lines.find((l) => l.includes('"case.opened"'))).toMatch(/"sealedContact":"v1\.[\w-]+"/);

    expect(await console1.emitWithAck('case:contact', { cmdId: cmdId(), caseId })).toEqual({ ok: true, data: { caseId, phone: '13812345678' } });
    expect(await window1.emitWithAck('case:contact', { cmdId: cmdId(), caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = await console1.emitWithAck('audit:list', {});
    expect(audit.ok && audit.data).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'personal.view', target: `case:contact ${caseId}` })]));
  });

  it('takes the case through verify, rectify, follow-up and close on the console, in order', async () => {
    const caseId = `20261123-${number}`;
    const list = await console1.emitWithAck('case:list', { cmdId: cmdId() });
    expect(list).toMatchObject({ ok: true, data: [{ id: caseId, next: 'verify', overdue: false, windowNumber: 1, staff: { number: '0101' }, due: { verify: '2026-11-24' } }] });

    const handler = '林雪梅';
    const early = await console1.emitWithAck('case:close', { cmdId: cmdId(), caseId, handler });
    expect(early).toMatchObject({ ok: false, error: { code: 'CASE_STEP_ORDER', message: '该工单现在应当核实' } });
    const noName = await console1.emitWithAck('case:verify', { cmdId: cmdId(), caseId, handler: ' ', verdict: 'confirmed', notes: '属实' });
    expect(noName).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const byWindow = await window1.emitWithAck('case:verify', { cmdId: cmdId(), caseId, handler, verdict: 'confirmed', notes: '属实' });
    expect(byWindow).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const steps = [
      await console1.emitWithAck('case:verify', { cmdId: cmdId(), caseId, handler, verdict: 'confirmed', notes: '调阅录像，等候时间过长属实' }),
      await console1.emitWithAck('case:rectify', { cmdId: cmdId(), caseId, handler, measures: '增开窗口，优化流程' }),
      await console1.emitWithAck('case:followUp', { cmdId: cmdId(), caseId, handler, result: 'satisfied', notes: '电话回访，群众满意' }),
      await console1.emitWithAck('case:close', { cmdId: cmdId(), caseId, handler }),
    ];
    expect(steps.map((s) => s.ok && s.data.next)).toEqual(['rectify', 'followUp', 'close', null]);
    const closed = steps[3]!;
    expect(closed.ok && closed.data.steps.map((s) => [s.step, s.by])).toEqual([
      ['verify', { deviceId: 'console-1', name: handler }],
      ['rectify', { deviceId: 'console-1', name: handler }],
      ['followUp', { deviceId: 'console-1', name: handler }],
      ['close', { deviceId: 'console-1', name: handler }],
    ]);
    expect(closed.ok && closed.data.standing).toEqual({ verify: 'done', rectify: 'done', followUp: 'done' });
    // Closed: the number is not needed any more.
    expect(closed.ok && closed.data.callable).toBe(false);
    expect(await console1.emitWithAck('case:contact', { cmdId: cmdId(), caseId })).toMatchObject({ ok: false, error: { code: 'NO_CONTACT' } });
    const rest = await (await fetch(`${t.hub.url}/api/cases`, { headers: { authorization: 'Bearer demo-console-1' } })).json();
    expect(rest).toMatchObject({ ok: true, data: [{ id: caseId, next: null }] });
  });

  it('gives the staff member their own figures for today', async () => {
    const figures = await window1.emitWithAck('window:figures', { cmdId: cmdId(), windowId: 'w01' });
    expect(figures).toMatchObject({ ok: true, data: { staffId: 's0101', served: 1, ratings: { visits: 1, pending: 0, unrated: 0, levels: { dissatisfied: 1 } } } });
    const other = await window1.emitWithAck('window:figures', { cmdId: cmdId(), windowId: 'w02' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a pad that times out', () => {
  it('records 未评价 by the hub’s clock, even with the pad offline', async () => {
    const window3 = await t.connect('demo-window-03');
    const number = await serveOne(window3, '03', 'general');
    const ticketId = `2026-11-23/${number}`;
    expect((await todaysRatings()).find((r) => r.ticketId === ticketId)).toBeUndefined();

    t.clock.advance(61_000);
    await expect.poll(async () => (await todaysRatings()).find((r) => r.ticketId === ticketId), { timeout: 5000 }).toMatchObject({
      ticketId,
      level: 'unrated',
      windowId: 'w03',
      reasons: [],
    });
    const pad3 = await t.connect('demo-pad-03');
    const late = await pad3.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w03', ticketId, level: 'very-satisfied' });
    expect(late).toMatchObject({ ok: false, error: { code: 'RATING_EXPIRED' } });
    const expired = (await journalLines()).filter((l) => l.includes('"rating.expired"'));
    expect(expired).toHaveLength(1);
    expect(JSON.parse(expired[0]!)).toMatchObject({ actor: { deviceId: 'hub' }, event: { reason: 'timeout', ticketId } });
  });
});
