// National rating records (GB/T 39046-2020 table 9) as the export gives them: over real sockets,
// with a 未评价 visit among the ratings, both coding profiles, and the evaluation settings that drive them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfig } from '@yichuang/shared/domain';
import type { Rating } from '@yichuang/shared/ratings';
import { describeAudit } from '@yichuang/shared/live-audit';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { nationalRecords } from '../../hub/src/stats/ratings-export.js';
import { migrate } from '../../hub/src/storage/migrations.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
let manager: Client;
const DAY = '2026-11-23';
const q = `from=${DAY}&to=${DAY}`;
const MANAGER = { headers: { authorization: 'Bearer demo-console-1' } };

const ok = <T extends { ok: boolean }>(ack: T): T => {
  if (!ack.ok) throw new Error(JSON.stringify(ack));
  return ack;
};

beforeAll(async () => {
  t = await startTestHub();
  const kiosk = await t.connect('demo-kiosk-1');
  const w1 = await t.connect('demo-window-01');
  const pad = await t.connect('demo-pad-01');
  manager = await t.connect('demo-console-1');
  ok(await w1.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' }));
  // A001 very satisfied, A002 dissatisfied with a phone left, A003 never rated (superseded by A004), A004 satisfied.
  const visits = [['very-satisfied'], ['dissatisfied', '服务态度'], [null], ['satisfied']] as const;
  for (const [level, reason] of visits) {
    const issued = ok(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' }));
    const ticketId = issued.ok ? issued.data.ticket.id : '';
    ok(await w1.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' }));
    ok(await w1.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' }));
    t.clock.advance(5 * 60_000);
    ok(await w1.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' }));
    if (!level) continue;
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
});
afterAll(async () => {
  await t.close();
});

type Records = Array<Record<string, unknown>>;
const records = async (): Promise<Records> => (await (await fetch(`${t.hub.url}/api/reports/ratings.json?${q}`, MANAGER)).json()).data;

async function savePlatform(platform: Partial<HallConfig['evaluation']['platform']>): Promise<Awaited<ReturnType<Client['emitWithAck']>>> {
  const config = ok(await manager.emitWithAck('admin:config', {}));
  const evaluation = config.ok ? config.data.evaluation : undefined;
  return manager.emitWithAck('admin:saveEvaluation', { cmdId: cmdId(), evaluation: { ...evaluation!, platform: { ...evaluation!.platform, ...platform } } });
}

describe('national rating records', () => {
  it('gives one record per rating, 未评价 left out, in the national format', async () => {
    const got = await records();
    expect(got.map((r) => r.level)).toEqual(['非常满意', '不满意', '满意']);
    const bad = got[1]!;
    expect(bad).toMatchObject({
      recordId: `330106demo-district${DAY.replaceAll('-', '')}A002`,
      caseNumber: `330106demo-district${DAY.replaceAll('-', '')}A002`, // no 办件编号 given: the id unique across halls
      channelCode: '1',
      rater: '139****5678',
      realName: 1,
      times: 1,
      levelCode: 4, // national: 1 = 非常满意 … 5 = 非常不满意
      regionCode: '330106',
      reasons: ['服务态度'],
      text: '等太久',
      staffNumber: '0101',
    });
    expect(bad.ratedAt).toMatch(/^20261123T10\d{4}$/);
    expect(got.map((r) => r.levelCode)).toEqual([1, 4, 2]);
    expect(got[0]).toMatchObject({ rater: '匿名', realName: 0 });
    for (const r of got) expect(String(r.caseNumber)).not.toContain('/');
  });

  it('writes the CSV with the national columns, phones masked', async () => {
    const bytes = Buffer.from(await (await fetch(`${t.hub.url}/api/reports/ratings.csv?${q}`, MANAGER)).arrayBuffer());
    const csv = bytes.toString('utf8').slice(1);
    const [head, ...rows] = csv.trim().split(/\r?\n/);
    expect(head).toBe('记录编号,办件编号,评价渠道,评价渠道名称,评价人,实名评价,评价时间,评价次数,满意度,满意度代码,差评原因,文字评价,行政区划代码,办结时间,事项,窗口,工作人员工号');
    expect(rows).toHaveLength(3);
    expect(csv).not.toContain('13912345678');
  });

  it('codes by the profile and channel codes chosen in the evaluation settings', async () => {
    ok(await savePlatform({ profile: 'reversed', regionCode: '110105', channelCodes: { pad: 'P9', kiosk: '2', phone: '3' } }));
    const got = await records();
    expect(got.map((r) => r.levelCode)).toEqual([5, 2, 4]); // reversed: 5 = 非常满意
    expect(got[0]).toMatchObject({ regionCode: '110105', channelCode: 'P9', recordId: expect.stringMatching(/^110105demo-district20261123A001$/) });
    ok(await savePlatform({ profile: 'national', regionCode: '330106', channelCodes: { pad: '1', kiosk: '2', phone: '3' } }));
  });

  it('refuses a region code that is not 6 digits, and a plain-http platform address, with bilingual field errors', async () => {
    const bad = await savePlatform({ regionCode: '33010' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.error.fields).toEqual([{ path: 'evaluation.platform.regionCode', message: '行政区划代码须为 6 位数字', messageEn: 'region code: 6 digits (GB/T 2260)' }]);
    const plain = await savePlatform({ endpoint: 'http://platform.example.gov.cn/api' });
    expect(plain.ok).toBe(false);
    expect(JSON.stringify(plain)).toContain('https://');
    const noRegion = await savePlatform({ regionCode: '', endpoint: 'https://platform.example.gov.cn/api' });
    expect(noRegion.ok ? [] : noRegion.error.fields).toEqual([{ path: 'evaluation.platform.regionCode', message: '设置推送地址前须填写行政区划代码', messageEn: 'set the region code before a push address' }]);
    expect((await savePlatform({ endpoint: 'https://platform.example.gov.cn/api' })).ok).toBe(true);
  });
});

describe('record ids and 评价次数', () => {
  const config = (): HallConfig => ({ ...base, evaluation: { ...base.evaluation, platform: { ...base.evaluation.platform, regionCode: '330106' } } });
  let base: HallConfig;
  beforeAll(async () => {
    base = await demoHall();
  });
  const rating = (number: string, at: number, extra: Partial<Rating> = {}): Rating => ({
    ticketId: `${DAY}/${number}`,
    ticketNumber: number,
    categoryId: 'general',
    windowId: 'w01',
    staffId: 's0101',
    channel: 'pad',
    finishedAt: at - 1000,
    at,
    level: 'satisfied',
    code: 4,
    reasons: [],
    ...extra,
  });

  it('uses the 办件编号 when the visit has one, and counts a 办件 rated again that day', () => {
    const at = Date.parse('2026-11-23T02:00:00Z');
    const got = nationalRecords([rating('A002', at + 2000, { caseNumber: 'ZJ2026-0001' }), rating('A001', at, { caseNumber: 'ZJ2026-0001' }), rating('A003', at + 1000), rating('A004', at + 3000, { level: 'unrated' })], config());
    expect(got.map((r) => [r.caseNumber, r.times])).toEqual([
      ['ZJ2026-0001', 1],
      ['330106demo-district20261123A003', 1],
      ['ZJ2026-0001', 2],
    ]);
    expect(got[0]!.recordId).toBe('330106demo-district20261123A001');
    expect(got[0]!.ratedAt).toBe('20261123T100000');
  });
});

describe('config v6', () => {
  it('adds the platform settings to a v5 file, national and without a region code or address', () => {
    const migrated = migrate({ schemaVersion: 5, evaluation: { badReasons: ['其他'] } });
    expect(migrated).toMatchObject({ schemaVersion: 6, evaluation: { badReasons: ['其他'], platform: { profile: 'national', regionCode: '', endpoint: '' } } });
  });
});

describe('the operation log', () => {
  it('says a platform change under the form’s labels, the profile in words', () => {
    const before = { profile: 'national', regionCode: '', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' };
    const after = { ...before, profile: 'reversed', regionCode: '330106', channelCodes: { ...before.channelCodes, pad: 'P1' } };
    const view = describeAudit({ at: 0, actor: { name: '林雪梅' }, action: 'evaluation.save', target: 'evaluation', before: { platform: before }, after: { platform: after } }, { categories: [], windows: [], timeZone: 'Asia/Shanghai' }, 'zh');
    expect(view.changes).toEqual([
      { field: '省级好差评平台 · 满意度代码方案', before: '国家标准（GB/T 39046）：1 = 非常满意 … 5 = 非常不满意', after: '省级反向（如浙江）：5 = 非常满意 … 1 = 非常不满意' },
      { field: '省级好差评平台 · 行政区划代码（6 位，GB/T 2260）', before: '（无）', after: '330106' },
      { field: '省级好差评平台 · 评价渠道代码 · 窗口评价器', before: '1', after: 'P1' },
    ]);
  });
});
