// Ratings and a bad-rating case over real sockets, then the evaluation report and the national-field
// rating records as a provincial platform would take them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
const DAY = '2026-11-23';
const q = `from=${DAY}&to=${DAY}`;

beforeAll(async () => {
  t = await startTestHub();
  await t.connect('demo-terminal24-1'); // online from the hub's start
  const kiosk = await t.connect('demo-kiosk-1');
  const w1 = await t.connect('demo-window-01');
  const pad = await t.connect('demo-pad-01');
  const console1 = await t.connect('demo-console-1');
  const ok = <T extends { ok: boolean }>(ack: T): T => {
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return ack;
  };
  ok(await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' }));
  const levels = [['very-satisfied'], ['dissatisfied', '服务态度'], ['satisfied']] as const;
  for (const [level, reason] of levels) {
    const issued = ok(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
    const ticketId = issued.ok ? issued.data.ticket.id : '';
    ok(await w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' }));
    ok(await w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' }));
    t.clock.advance(5 * 60_000);
    ok(await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' }));
    ok(
      await pad.emitWithAck('pad:rate', {
        cmdId: cmdId(),
        windowId: 'w01',
        ticketId,
        level,
        reasons: reason ? [reason] : [],
        ...(reason ? { phone: '13912345678', text: '等太久' } : {}),
      }),
    );
  }
  const caseId = `${DAY.replace(/-/g, '')}-A002`;
  ok(await console1.emitWithAck('case:verify', { cmdId: cmdId(), caseId, handler: '林雪梅', verdict: 'confirmed', notes: '属实' }));
  ok(await console1.emitWithAck('case:rectify', { cmdId: cmdId(), caseId, handler: '林雪梅', measures: '加强培训' }));
});
afterAll(async () => {
  await t.close();
});

/** Reports need a console operator; the demo console's token acts as the demo hall's manager. */
const MANAGER = { headers: { authorization: 'Bearer demo-console-1' } };

describe('evaluation figures', () => {
  it('reports ratings and case handling; a follow-up not yet due counts neither way (#20)', async () => {
    const report = (await (await fetch(`${t.hub.url}/api/reports?${q}`, MANAGER)).json()).data;
    expect(report.ratings).toMatchObject({ visits: 3, rated: 3, unrated: 0, participation: 1, satisfaction: 2 / 3, goodRate: 2 / 3 });
    expect(report.cases).toMatchObject({ cases: 1, open: 1, verification: 1, rectificationOnTime: 1, followUp: null, realNameRectificationOnTime: 1 });

    const html = await (await fetch(`${t.hub.url}/api/reports/evaluation.html?${q}`, MANAGER)).text();
    expect(html).toContain('示范区政务服务中心');
    expect(html).toContain(`统计期间：${DAY} 至 ${DAY}`);
    const row = (item: string): string => html.split('<tr').find((r) => r.includes(item)) ?? '';
    expect(row('一次一评')).toContain('100.0%');
    expect(row('差评核实率')).toContain('符合');
    expect(row('差评回访率')).toContain('尚无到期工单');
    expect(row('差评回访率')).toContain('不适用');
    expect(row('提供叫号服务')).toContain('符合');
    // w01 is a 综合窗口: its three visits (即办) are all the intake (#20).
    expect(report.oneWindow).toEqual({ intake: 3, atComprehensive: 3, rate: 1 });
    expect(row('“一窗”分类受理率')).toContain('100.0%');
    // The 24-hour terminal has been online all along; nothing was booked.
    expect(row('7×24小时自助服务区')).toMatch(/终端在线率 (99\.\d|100\.0)%/); // but for the instant it took to connect
    expect(row('7×24小时自助服务区')).toContain('<td>符合</td>');
    expect(row('提供预约服务')).toContain('本期预约 0 次');
  });

  it('exports rating records with the national fields, phones masked', async () => {
    const records = (await (await fetch(`${t.hub.url}/api/reports/ratings.json?${q}`, MANAGER)).json()).data;
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({
      caseNumber: `330106demo-district${DAY.replace(/-/g, '')}A002`,
      channelCode: '1',
      level: '不满意',
      levelCode: 4,
      reasons: ['服务态度'],
      text: '等太久',
      staffNumber: '0101',
      rater: '139****5678',
    });
    expect(records[1].ratedAt).toMatch(/^20261123T10\d{4}$/);
    const bytes = Buffer.from(await (await fetch(`${t.hub.url}/api/reports/ratings.csv?${q}`, MANAGER)).arrayBuffer());
    const csv = bytes.toString('utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads the Chinese
    expect(csv.slice(1).startsWith('记录编号,办件编号,评价渠道')).toBe(true);
    expect(csv).not.toContain('13912345678');
  });
});
