// Figures by 事项编码: 办件量 and ratings of the visits whose 事项 was recorded at 办结, in the hall
// report (/api/reports byItem) and its exports (CSV ?table=items, the XLSX's 事项 sheet).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingLevel } from '@yichuang/shared/ratings';
import type { Report } from '@yichuang/shared/reports';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
const BEARER = { authorization: 'Bearer demo-console-1' };
const DAY = 'from=2026-11-23&to=2026-11-23';

async function visit(kiosk: Client, window: Client, pad: Client, finish: { itemCode?: string; caseNumber?: string }, level?: RatingLevel): Promise<void> {
  const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
  if (!issued.ok) throw new Error(issued.error.messageEn);
  expect((await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId: 'w01', number: issued.data.ticket.number })).ok).toBe(true);
  expect((await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' })).ok).toBe(true);
  expect((await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done', ...finish })).ok).toBe(true);
  if (level) expect(await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: issued.data.ticket.id, level, ...(level === 'dissatisfied' && { reasons: ['办事效率'] }) })).toMatchObject({ ok: true });
}

beforeAll(async () => {
  t = await startTestHub();
  const [kiosk, window, pad] = await Promise.all([t.connect('demo-kiosk-1'), t.connect('demo-window-01'), t.connect('demo-pad-01')]);
  expect((await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).ok).toBe(true);
  await visit(kiosk, window, pad, { itemCode: 'DEMO-0001', caseNumber: 'SL-001' }, 'very-satisfied');
  await visit(kiosk, window, pad, { itemCode: 'DEMO-0001' }, 'dissatisfied');
  await visit(kiosk, window, pad, { itemCode: 'DEMO-0004', caseNumber: 'SL-003' });
  await visit(kiosk, window, pad, {}, 'satisfied');
});
afterAll(async () => {
  await t.close();
});

describe('figures by 事项编码', () => {
  it('counts 办件量, 办件编号 and the ratings per item in the report, keeping its other figures', async () => {
    const { data } = (await (await fetch(`${t.hub.url}/api/reports?${DAY}`, { headers: BEARER })).json()) as { data: Report };
    expect(data.total.finished).toBe(4);
    expect(data.byItem).toEqual({
      'DEMO-0001': {
        finished: 2,
        caseNumbers: 1,
        ratings: expect.objectContaining({ visits: 2, rated: 2, levels: expect.objectContaining({ 'very-satisfied': 1, dissatisfied: 1 }), satisfaction: 0.5 }),
      },
      'DEMO-0004': { finished: 1, caseNumbers: 1, ratings: expect.objectContaining({ visits: 1, rated: 0, participation: 0 }) },
    });
  });

  it('puts a 事项 table with the items named from the catalogue in the CSV and XLSX exports', async () => {
    const csv = await (await fetch(`${t.hub.url}/api/reports/export.csv?${DAY}&table=items`, { headers: BEARER })).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^事项编码 Item code,事项名称 Item,办件量 Cases,有办件编号 With case number,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([
      ['DEMO-0001', '户口迁移', '2', '1'],
      ['DEMO-0004', '居民身份证申领、换领、补领', '1', '1'],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await fetch(`${t.hub.url}/api/reports/export.xlsx?${DAY}`, { headers: BEARER })).arrayBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet('事项')!;
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['DEMO-0001', '户口迁移', 2, 1]));
  });
});
