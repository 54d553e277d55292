// The district's report routes, behind the console's bearer token as every /api/district read:
//   GET /api/district/report?from=&to=[&hall=][&thresholdMin=]   {district: Report, halls: [{id, name, ...Report}]}
//   GET /api/district/report/tables                              the export's tables (rankings of halls, windows, staff; 环比)
//   GET /api/district/report/export.xlsx | export.csv?table=ID   those tables as the hall exports them
//   GET /api/district/report/ratings.json | ratings.csv          every hall's rating records, in the hall's export format
import type { HallConfig } from '@yichuang/shared/domain';
import { appError } from '@yichuang/shared/errors';
import { LEVEL_CODE, type Rating } from '@yichuang/shared/ratings';
import { previousPeriod, type Table } from '@yichuang/shared/reports';
import { rankingTable } from '@yichuang/hub/dist/stats/rankings.js';
import { nationalRecords, nationalTable } from '@yichuang/hub/dist/stats/ratings-export.js';
import { reportTables, tableCsv } from '@yichuang/hub/dist/stats/tables.js';
import { tablesXlsx } from '@yichuang/hub/dist/stats/xlsx-export.js';
import type { Express, Request, Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { withClient } from './db-client.js';
import type { ReportActivity } from './report-activity.js';
import type { SavedFigures } from './saved-figures.js';
import type { RolledUpDays } from './ticket-days.js';
import { KeptReports } from './report-cache.js';
import { answerJson, districtReport, reportHalls, reportOfParts, type DistrictReport, type DistrictReportQuery, type EncodedDistrictReport, type ReportHall } from './report.js';

const DEFAULT_THRESHOLD_MIN = 30;
/** A real calendar day, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
const reportQuery = z.object({
  from: day,
  to: day,
  hall: z.string().min(1).max(64).optional(),
  thresholdMin: z.coerce.number().int().min(1).max(600).default(DEFAULT_THRESHOLD_MIN),
});

const badRequest = (res: Response, zh: string, en: string): void => void res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: { zh, en } }) });

/** The query and the halls it covers, or undefined after answering 400. */
async function readQuery(db: pg.Pool, req: Request, res: Response): Promise<{ q: DistrictReportQuery; halls: ReportHall[] } | undefined> {
  const parsed = reportQuery.safeParse(req.query);
  if (!parsed.success || parsed.data.from > parsed.data.to) {
    badRequest(res, '起止日期 from、to 为 YYYY-MM-DD 的有效日期且 from ≤ to；thresholdMin 为 1–600 分钟', 'from, to: valid dates YYYY-MM-DD, from ≤ to; thresholdMin 1–600');
    return undefined;
  }
  const { from, to, hall, thresholdMin } = parsed.data;
  const halls = await reportHalls(db, hall);
  if (hall !== undefined && halls.length === 0) {
    badRequest(res, `没有编号为 ${hall} 的大厅`, `No hall with id ${hall}`);
    return undefined;
  }
  return { q: { from, to, thresholdMs: thresholdMin * 60_000, ...(hall !== undefined && { hall }) }, halls };
}

/** The hall's configuration as it published it; before it has, no names (ids stand for themselves). */
const configOf = (h: ReportHall): HallConfig => ({ categories: [], windows: [], staff: [], devices: [], ...(h.config ? (JSON.parse(h.config) as HallConfig) : {}) }) as HallConfig;

/**
 * One configuration naming the district's categories, windows and staff for the hall's table helpers:
 * windows and staff under their district ids (`hall/id`), named with their hall; categories by id.
 */
function districtConfig(halls: readonly ReportHall[]): HallConfig {
  const categories = new Map<string, HallConfig['categories'][number]>();
  const windows: HallConfig['windows'] = [];
  const staff: HallConfig['staff'] = [];
  for (const h of halls) {
    const c = configOf(h);
    for (const x of c.categories) if (!categories.has(x.id)) categories.set(x.id, x);
    for (const w of c.windows) windows.push({ ...w, id: `${h.id}/${w.id}`, name: `${h.name} ${w.name}` });
    for (const s of c.staff) staff.push({ ...s, id: `${h.id}/${s.id}`, name: `${h.name} ${s.name}` });
  }
  // reportTables reads only these lists of the configuration.
  return { categories: [...categories.values()], windows, staff, devices: [] } as unknown as HallConfig;
}

/** The export's tables: halls ranked, then the district's report tables (windows and staff ranked across halls) with its 环比. */
function tablesOf(report: DistrictReport, previous: DistrictReport, halls: readonly ReportHall[]): Table[] {
  const name = (id: string): string => halls.find((h) => h.id === id)?.name ?? id;
  const hallRanking = rankingTable(
    'hallRanking',
    '大厅排名 Hall ranking',
    '大厅 Hall',
    Object.fromEntries(report.halls.map((h) => [h.id, h.total])),
    Object.fromEntries(report.halls.map((h) => [h.id, h.ratings])),
    name,
  );
  return [hallRanking, ...reportTables(report.district, districtConfig(halls), previous.district)];
}

/** Rating records of the period as the hall keeps them (engine/evolve.ts rate), from the projected ratings and tickets. */
async function ratingsIn(db: pg.Pool, q: DistrictReportQuery, hall: string): Promise<Rating[]> {
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT r.ticket_id, t.number, r.category_id, r.window_id, r.staff_id, r.channel, r.finished_at, r.at, r.level, r.reasons, r.text, r.contact, t.case_number
     FROM ratings r JOIN tickets t ON t.hall = r.hall AND t.ticket_id = r.ticket_id
     WHERE r.hall = $1 AND r.day >= $2 AND r.day <= $3 ORDER BY r.at, r.ticket_id`,
    [hall, q.from, q.to],
  );
  return rows.map((r) => ({
    ticketId: r.ticket_id!,
    ticketNumber: r.number!,
    categoryId: r.category_id!,
    windowId: r.window_id!,
    staffId: r.staff_id!,
    channel: (r.channel ?? 'pad') as Rating['channel'],
    finishedAt: Number(r.finished_at),
    at: Number(r.at),
    level: (r.level ?? 'unrated') as Rating['level'],
    ...(r.level !== null && { code: LEVEL_CODE[r.level as keyof typeof LEVEL_CODE] }),
    reasons: r.reasons ? r.reasons.split('、') : [],
    ...(r.text !== null && { text: r.text }),
    ...(r.contact !== null && { contact: JSON.parse(r.contact!) as Rating['contact'] }),
    // The 办件编号 given at 办结 or linked after (the hall's rating takes it too).
    ...(r.case_number !== null && { caseNumber: r.case_number }),
  })) as Rating[];
}

/** What the report routes keep and share with the server. */
export interface ReportState {
  /** The days read for reports, kept. */
  rolledUp: RolledUpDays;
  /** Reports under way (work that can wait gives way to them). */
  activity: ReportActivity;
  /** Memory for computed reports (report-cache.ts KeptReports). */
  keptBytes?: number;
  /** Counted figures in the database (none when nothing is kept). */
  saved?: SavedFigures;
}

export function registerReportRoutes(app: Express, db: pg.Pool, clock: () => number, { rolledUp, activity, keptBytes, saved }: ReportState): void {
  const fileName = (q: DistrictReportQuery, ext: string): string => encodeURIComponent(`区级统计报表-${q.hall ?? '全区'}-${q.from}_${q.to}.${ext}`);
  const kept = new KeptReports(keptBytes);
  const encodedReport = (q: DistrictReportQuery, halls: ReportHall[]): Promise<EncodedDistrictReport> =>
    activity.run(() => withClient(db, (client) => districtReport(client, halls, q, clock(), rolledUp, kept, saved)));
  const report = async (q: DistrictReportQuery, halls: ReportHall[]): Promise<DistrictReport> => reportOfParts(await encodedReport(q, halls));
  const tables = async (q: DistrictReportQuery, halls: ReportHall[]): Promise<Table[]> => {
    const before = previousPeriod(q.from, q.to);
    const now = await report(q, halls);
    const previous = await report({ ...q, ...before }, halls);
    return tablesOf(now, previous, halls);
  };

  app.get('/api/district/report', async (req, res) => {
    const asked = await readQuery(db, req, res);
    if (!asked) return;
    // The parts' JSON as kept, one after another: the same bytes as res.json of the whole.
    const chunks = answerJson(await encodedReport(asked.q, asked.halls));
    res.type('application/json');
    res.setHeader('Content-Length', chunks.reduce((n, c) => n + c.length, 0));
    for (const c of chunks) res.write(c);
    res.end();
  });
  app.get('/api/district/report/tables', async (req, res) => {
    const asked = await readQuery(db, req, res);
    if (asked) res.json({ ok: true, data: { from: asked.q.from, to: asked.q.to, tables: await tables(asked.q, asked.halls) } });
  });
  app.get('/api/district/report/export.xlsx', async (req, res) => {
    const asked = await readQuery(db, req, res);
    if (!asked) return;
    const xlsx = await tablesXlsx(await tables(asked.q, asked.halls), `区级统计 ${asked.q.from}–${asked.q.to}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${fileName(asked.q, 'xlsx')}`);
    res.send(xlsx);
  });
  app.get('/api/district/report/export.csv', async (req, res) => {
    const asked = await readQuery(db, req, res);
    if (!asked) return;
    const all = await tables(asked.q, asked.halls);
    const table = all.find((t) => t.id === req.query.table);
    if (!table) return badRequest(res, `table 须为其一：${all.map((t) => t.id).join(', ')}`, `table: one of ${all.map((t) => t.id).join(', ')}`);
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${fileName(asked.q, `${table.id}.csv`)}`);
    res.send(tableCsv(table));
  });
  app.get('/api/district/report/ratings.:format', async (req, res) => {
    const asked = await readQuery(db, req, res);
    if (!asked) return;
    if (req.params.format !== 'json' && req.params.format !== 'csv') {
      res.status(404).json({ ok: false, error: appError('NOT_FOUND', { path: req.path }) });
      return;
    }
    // Each hall's records named by its own configuration, as the hall's export names them.
    const records = (await Promise.all(asked.halls.map(async (h) => nationalRecords(await ratingsIn(db, asked.q, h.id), configOf(h))))).flat();
    if (req.params.format === 'json') return void res.json({ ok: true, data: records });
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${fileName(asked.q, 'ratings.csv')}`);
    res.send(tableCsv(nationalTable(records)));
  });
}
