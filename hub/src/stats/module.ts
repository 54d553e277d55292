// Statistics: today's roll-up kept live from the journal feed, day roll-ups on disk, report routes.
import { appError } from '@yichuang/shared/errors';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { OPERATORS, OPERATORS_EXPORTING } from '../http/access.js';
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Domain } from '../realtime/socket-server.js';
import type { Journal } from '../storage/journal.js';
import { previousPeriod, type Report, type Table } from '@yichuang/shared/reports';
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import { itemTable } from './item-figures.js';
import { DEFAULT_THRESHOLD_MIN } from './report.js';
import { builtinYear, BUILTIN_YEARS } from '../hall/holiday-years.js';
import { PresenceFiles } from './kiosk-uptime.js';
import { RollupStore } from './rollup-store.js';
import { StatsService } from './stats-service.js';
import { DEFAULT_CHROMIUM, NoChromium, PdfPrinter } from './evaluation-pdf.js';
import { evaluationReportHtml, PRINT_SCRIPT_HASH } from './evaluation-report.js';
import { nationalRecords, nationalTable } from './ratings-export.js';
import { reportTables, tableCsv } from './tables.js';
import { tablesXlsx } from './xlsx-export.js';

const FLUSH_EVERY_MS = 5 * 60_000;
/** How long after a start the months that are over are packed. */
const PACK_AFTER_START_MS = 2000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reportQuery = z.object({
  from: day,
  to: day,
  thresholdMin: z.coerce.number().int().min(1).max(600).default(DEFAULT_THRESHOLD_MIN),
});

export interface StatsDeps extends HallCore {
  api: Routes;
  journal: Journal;
  dataDir: string;
  /** The hall's catalogue, naming the 事项 of the byItem figures. */
  catalogue: () => HallCatalogue;
  /** The hall's Chromium, for the evaluation report's PDF. */
  chromium?: string;
}

export async function createStatsModule(deps: StatsDeps): Promise<Domain & { stats: StatsService }> {
  const stats = await StatsService.open({
    journal: deps.journal,
    rollups: await RollupStore.open(deps.dataDir),
    presence: new PresenceFiles(deps.dataDir, () => deps.config().hall.timeZone),
    config: deps.config,
    clock: deps.clock,
    log: deps.log,
  });
  deps.hall.onRecords((records) => stats.apply(records));
  const timer = setInterval(() => void stats.flush(), FLUSH_EVERY_MS);
  timer.unref();
  // Months that are over and not packed yet (a first start, a month closed while the hub was down)
  // are packed a little after the start, not while the hub is starting (month-pack.ts).
  const packing = setTimeout(() => void stats.packClosedMonths(), PACK_AFTER_START_MS);
  packing.unref();

  /** The report a query asks for, or undefined after answering 400. */
  const reportFor = async (req: Request, res: Response): Promise<Report | undefined> => {
    const q = reportQuery.safeParse(req.query);
    if (!q.success || q.data.from > q.data.to) {
      res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: { zh: '起止日期 from、to 为 YYYY-MM-DD 且 from ≤ to；thresholdMin 为 1–600 分钟', en: 'from, to: YYYY-MM-DD, from ≤ to; thresholdMin 1–600' } }) });
      return undefined;
    }
    return stats.report(q.data.from, q.data.to, q.data.thresholdMin * 60_000);
  };
  const fileName = (r: Report, ext: string): string => encodeURIComponent(`${deps.config().hall.name}-统计报表-${r.from}_${r.to}.${ext}`);

  const routes = deps.api;
  routes.get('/reports', OPERATORS, async (req, res) => {
    const report = await reportFor(req, res);
    if (report) res.json({ ok: true, data: report });
  });
  /** The report's tables, its 环比 comparison with the period before included. */
  const tablesOf = async (report: Report): Promise<Table[]> => {
    const before = previousPeriod(report.from, report.to);
    const tables = reportTables(report, deps.config(), await stats.report(before.from, before.to, report.thresholdMs));
    return report.byItem ? [...tables, itemTable(report.byItem, deps.catalogue())] : tables;
  };
  routes.get('/reports/tables', OPERATORS, async (req, res) => {
    const report = await reportFor(req, res);
    if (report) res.json({ ok: true, data: { from: report.from, to: report.to, tables: await tablesOf(report) } });
  });
  routes.get('/reports/export.xlsx', OPERATORS_EXPORTING, async (req, res) => {
    const report = await reportFor(req, res);
    if (!report) return;
    const xlsx = await tablesXlsx(await tablesOf(report), `${deps.config().hall.name} ${report.from}–${report.to}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${fileName(report, 'xlsx')}`);
    res.send(xlsx);
  });
  const chromiumPath = deps.chromium ?? DEFAULT_CHROMIUM;
  const printer = new PdfPrinter(chromiumPath);
  const evaluationHtml = (report: Report): string => evaluationReportHtml(report, deps.config(), reportTables(report, deps.config()), deps.clock());
  routes.get('/reports/evaluation.html', OPERATORS, async (req, res) => {
    const report = await reportFor(req, res);
    if (!report) return;
    // The page's one inline script, its print button, is allowed by its hash; no other.
    const csp = String(res.getHeader('Content-Security-Policy') ?? '');
    res.setHeader('Content-Security-Policy', csp.replace("script-src 'self'", `script-src 'self' ${PRINT_SCRIPT_HASH}`));
    res.type('html').send(evaluationHtml(report));
  });
  routes.get('/reports/evaluation.pdf', OPERATORS, async (req, res) => {
    const report = await reportFor(req, res);
    if (!report) return;
    try {
      const pdf = await printer.print(evaluationHtml(report));
      res.type('application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${deps.config().hall.name}-评价报告-${report.from}_${report.to}.pdf`)}`);
      res.send(pdf);
    } catch (err) {
      if (!(err instanceof NoChromium)) throw err;
      deps.log(`evaluation.pdf: ${err.message}`);
      res.status(503).json({ ok: false, error: appError('PDF_UNAVAILABLE', { path: chromiumPath }) });
    }
  });
  routes.get('/reports/ratings.:format', OPERATORS_EXPORTING, async (req, res) => {
    const report = await reportFor(req, res);
    if (!report) return;
    const records = nationalRecords(await stats.ratingsIn(report.from, report.to), deps.config());
    if (req.params.format === 'json') {
      res.json({ ok: true, data: records });
      return;
    }
    if (req.params.format !== 'csv') {
      res.status(404).json({ ok: false, error: appError('NOT_FOUND', { path: req.path }) });
      return;
    }
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${fileName(report, 'ratings.csv')}`);
    res.send(tableCsv(nationalTable(records)));
  });
  routes.get('/reports/export.csv', OPERATORS_EXPORTING, async (req, res) => {
    const report = await reportFor(req, res);
    if (!report) return;
    const tables = await tablesOf(report);
    const table = tables.find((t) => t.id === req.query.table);
    if (!table) {
      res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: `table: ${tables.map((t) => t.id).join(', ')}` }) });
      return;
    }
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${fileName(report, `${table.id}.csv`)}`);
    res.send(tableCsv(table));
  });

  // The built-in holiday calendar, a year at a time: the console imports it into the hall's settings
  // (saved there, with the audit log); a year it lacks is pasted from the State Council's notice.
  routes.get('/holidays/:year', OPERATORS, (req, res) => {
    const year = Number(req.params.year);
    const found = Number.isInteger(year) ? builtinYear(year) : undefined;
    if (found) {
      res.json({ ok: true, data: found });
      return;
    }
    res.status(404).json({ ok: false, error: appError('NO_BUILTIN_YEAR', { year: String(req.params.year), first: BUILTIN_YEARS[0]!, last: BUILTIN_YEARS.at(-1)! }) });
  });

  return {
    stats,
    async close() {
      clearInterval(timer);
      clearTimeout(packing);
      await Promise.all([stats.close(), stats.flush(), printer.close()]);
    },
  };
}
