// The service catalogue as hall configuration: seeded from the demo items only in the demo hall,
// exported and imported as XLSX and JSON (a round trip is identical), every row checked with a
// bilingual error at its row and column and nothing changed on error, edited by admins with audit
// entries, and read live by the kiosk's guide.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hallCatalogue } from '@yichuang/shared/catalogue-schemas';
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import { catalogueXlsx, readCatalogueFile } from '../../hub/src/catalogue/catalogue-file.js';
import { demoHall, DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { demoCatalogue } from '../../hub/src/demo/demo-items.js';
import { next, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the catalogue file', () => {
  it('reads back an XLSX export identical to the catalogue (XLSX export → import → identical)', async () => {
    const categories = (await demoHall()).categories.map((c) => c.id);
    const catalogue = hallCatalogue(categories).parse(demoCatalogue());
    const raw = await readCatalogueFile(await catalogueXlsx(catalogue));
    expect(hallCatalogue(categories).parse(raw.data)).toEqual(catalogue);
    expect(catalogue.items.length).toBeGreaterThanOrEqual(60);
  });
});

describe('over a real hub', () => {
  let t: TestHub;
  let cookie: string;
  beforeEach(async () => {
    t = await startTestHub();
    const res = await fetch(`${t.hub.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceToken: 'demo-console-1', staffNumber: '0002', password: DEMO_PASSWORD }),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterEach(async () => {
    await t.close();
  });

  const api = (p: string, init: RequestInit = {}) => fetch(`${t.hub.url}/api${p}`, { ...init, headers: { cookie, ...init.headers } });
  const current = async (): Promise<HallCatalogue> => ((await (await api('/catalogue')).json()) as { data: HallCatalogue }).data;
  const upload = (bytes: Uint8Array | string) => api('/catalogue/import', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: typeof bytes === 'string' ? bytes : Buffer.from(bytes) });
  const auditLines = async (): Promise<{ action: string; target: string }[]> =>
    (await readFile(path.join(t.dataDir, 'audit', '2026-11.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { action: string; target: string });

  it('seeds the demo hall with the demo items, and round-trips an XLSX and a JSON export through import', async () => {
    const before = await current();
    expect(before.items.map((i) => i.code).slice(0, 2)).toEqual(['DEMO-0001', 'DEMO-0002']);

    const xlsx = await api('/catalogue/export.xlsx');
    expect(xlsx.headers.get('content-type')).toContain(XLSX);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(await (await upload(bytes)).json()).toMatchObject({ ok: true });
    expect(await current()).toEqual(before);
    // And the file a second export writes holds the same cells.
    const again = new Uint8Array(await (await api('/catalogue/export.xlsx')).arrayBuffer());
    const cells = async (b: Uint8Array) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(b as unknown as ArrayBuffer);
      return book.worksheets.map((ws) => ws.getSheetValues());
    };
    expect(await cells(again)).toEqual(await cells(bytes));

    const json = await (await api('/catalogue/export.json')).text();
    expect(await (await upload(json)).json()).toMatchObject({ ok: true });
    expect(await current()).toEqual(before);
    expect((await auditLines()).filter((a) => a.action === 'catalogue.import')).toHaveLength(2);
  });

  it('refuses a file with bad rows, naming each row and column in Chinese and English, and changes nothing', async () => {
    const before = await current();
    const file = path.join(t.dataDir, 'catalogue.json');
    const stored = await readFile(file, 'utf8');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await api('/catalogue/export.xlsx')).arrayBuffer()) as ArrayBuffer);
    const ws = book.getWorksheet('事项')!;
    ws.getCell('A3').value = 'DEMO-0001'; // the code of row 2 again
    ws.getCell('E4').value = 'no-such-category';
    ws.getCell('B5').value = '';
    const res = await upload(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; messageEn: string; fields: { path: string; message: string }[] } };
    expect(error.code).toBe('CATALOGUE_INVALID');
    expect(error.message).toContain('「事项」表第 3 行「事项编码 code」：事项编码 DEMO-0001 重复');
    expect(error.message).toContain('「事项」表第 4 行「业务类别 categoryId」：大厅没有业务类别 no-such-category');
    expect(error.message).toContain('「事项」表第 5 行「事项名称 name」');
    expect(error.messageEn).toContain('sheet 事项 row 4 (业务类别 categoryId): the hall has no category no-such-category');
    expect(error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['items.1.code', 'items.2.categoryId', 'items.3.name']));
    expect(await current()).toEqual(before);
    expect(await readFile(file, 'utf8')).toBe(stored);

    const notAFile = await upload('这不是目录');
    expect(notAFile.status).toBe(400);
    expect(await notAFile.json()).toMatchObject({ error: { code: 'CATALOGUE_FILE_UNREADABLE', messageEn: expect.stringMatching(/upload the catalogue as XLSX or JSON/) } });
    expect(await readFile(file, 'utf8')).toBe(stored);
  });

  it('lets an admin add, edit and delete items, logged, seen at once by the guide and announced to kiosks', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const item = { code: '114403000000-TEST-01', name: '测试事项', nameEn: 'Test item', department: '区政务服务中心', categoryId: 'general', materials: ['居民身份证'], timeLimit: '即办' };
    const announced = next(kiosk, 'kiosk:catalogueChanged');
    const added = await api('/catalogue/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item) });
    expect(await added.json()).toMatchObject({ ok: true, data: { ...item, id: item.code, fee: '' } });
    await announced;
    const guide = async () => ((await (await fetch(`${t.hub.url}/api/kiosk/items?q=测试事项`)).json()) as { data: { items: { code: string; name: string; place: string }[] } }).data.items;
    expect((await guide())[0]).toMatchObject({ code: item.code, name: '测试事项', place: expect.stringContaining('号窗口') });

    const taken = await api('/catalogue/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...item, code: 'DEMO-0001' }) });
    expect(taken.status).toBe(409);
    const bad = await api(`/catalogue/items/${item.code}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...item, categoryId: 'nope' }) });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: [{ path: 'categoryId', message: '大厅没有业务类别 nope', messageEn: 'the hall has no category nope' }] } });

    const saved = await api(`/catalogue/items/${item.code}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...item, name: '测试事项（改）', where: '二楼 8 号窗口' }) });
    expect(saved.status).toBe(200);
    expect((await guide())[0]).toMatchObject({ name: '测试事项（改）', place: '二楼 8 号窗口' });
    expect((await api(`/catalogue/items/${item.code}`, { method: 'DELETE' })).status).toBe(200);
    expect(await guide()).toEqual([]);
    expect((await auditLines()).filter((a) => a.action.startsWith('catalogue.')).map((a) => [a.action, a.target])).toEqual([
      ['catalogue.item.add', item.code],
      ['catalogue.item.save', item.code],
      ['catalogue.item.delete', item.code],
    ]);

    // A manager reads reports but does not keep the hall's catalogue.
    expect((await fetch(`${t.hub.url}/api/catalogue`, { headers: { authorization: 'Bearer demo-console-1' } })).status).toBe(403);
  });
});

describe('a production hall', () => {
  it('starts with an empty catalogue: demo items only go to the demo hall', async () => {
    const dataDir = await tempDir();
    const config = await demoHall({ id: 'real-hall' });
    await writeFile(path.join(dataDir, 'config.json'), JSON.stringify({ ...config, devices: config.devices.map((d) => ({ ...d, demo: false })) }));
    const t = await startTestHub({ dataDir });
    try {
      const res = (await (await fetch(`${t.hub.url}/api/kiosk/items`)).json()) as { data: HallCatalogue };
      expect(res.data.items).toEqual([]);
      expect(res.data.lifeEvents).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
