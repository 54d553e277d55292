// The district server: migrates the database, keeps the projected tables up to date, and answers
// the district console's REST reads. Started by main.ts; tests start it in-process.
import type { AddressInfo } from 'node:net';
import { appError } from '@yichuang/shared/errors';
import express, { type ErrorRequestHandler } from 'express';
import pg from 'pg';
import { districtAuth } from './auth-routes.js';
import { consolePages } from './console-pages.js';
import { LINK_SILENCE_S, listHalls } from './halls.js';
import type { DistrictOptions } from './options.js';
import { withClient } from './db-client.js';
import { projectAll } from './projector.js';
import { RolledUpDays, staleOtherForms } from './ticket-days.js';
import { publishRoutes } from './publish.js';
import { ReportActivity } from './report-activity.js';
import { registerReportRoutes } from './report-routes.js';
import { countingCode, SavedFigures } from './saved-figures.js';
import { oneAtATime } from './one-at-a-time.js';
import { migrate } from './schema.js';
import { readAhead } from './warm-up.js';

export { DEMO_DISTRICT_TOKEN } from './demo-accounts.js';
/** How often the projected tables take in new records. */
const PROJECT_MS = 500;

export interface DistrictEnvironment {
  clock: () => number;
  log: (line: string) => void;
  /** A hall is shown unlinked after this much silence (default LINK_SILENCE_S). */
  linkSilenceS?: number;
  /** Memory for computed reports kept between requests (report-cache.ts; default KEPT_BYTES, 0: none kept, nor saved figures read or written). */
  keptReportBytes?: number;
  /** Database space for counted figures saved for a server started again (saved-figures.ts; default SAVED_BYTES, 0: none saved). */
  savedFigureBytes?: number;
}

export interface RunningDistrict {
  url: string;
  port: number;
  /** Applies every record not yet projected (tests call it instead of waiting for the next round). */
  project(): Promise<number>;
  /** The last year's rolled-up days read after the start (warm-up.ts): how many; 0 when nothing is kept. */
  warmed: Promise<number>;
  /**
   * The latest reading ahead (after the start, or after a round that rolled days up) — waiting for the
   * one under way, under way, or done — if any: how many hall days it read from the database.
   */
  readingAhead(): Promise<number> | undefined;
  close(): Promise<void>;
}

export async function startDistrict(options: DistrictOptions, { clock, log, linkSilenceS = LINK_SILENCE_S, keptReportBytes, savedFigureBytes }: DistrictEnvironment): Promise<RunningDistrict> {
  const db = new pg.Pool({ connectionString: options.db, max: 4, connectionTimeoutMillis: 10_000, application_name: 'yichuang-district' });
  // An idle connection that drops is reported here; the pool opens another when next asked.
  db.on('error', (err) => log(`数据库连接中断 / database connection lost: ${err.message}`));
  const applied = await withClient(db, migrate);
  if (applied > 0) log(`数据库结构已更新 ${applied} 步 / database schema: ${applied} migration(s) applied`);
  const restaled = await withClient(db, staleOtherForms);
  if (restaled > 0) log(`${restaled} 个大厅日的汇总将按新格式重建 / ${restaled} hall days to be rolled up again in the current form`);

  // The rolled-up days reports read, kept as the projector rolls them up; read ahead (warm-up.ts) after
  // a start and after each round that rolled days up, unless reports are not kept.
  const rolledUp = new RolledUpDays();
  const activity = new ReportActivity();
  const keepsReports = keptReportBytes !== 0;
  const readings = oneAtATime(() => readAhead(db, clock, rolledUp, activity, log));
  // Each round projects what has come; a round under way may have read before the records a caller
  // waits for, and a reading under way may have passed the days a round just rolled up: one more after.
  const projections = oneAtATime(() =>
    withClient(db, (c) => projectAll(c, clock(), rolledUp)).then((round) => {
      if (round.rolledUp > 0 && keepsReports) void readings.again();
      return round.applied;
    }),
  );
  const project = (): Promise<number> => projections.again();
  let lastProblem = '';
  const timer = setInterval(() => {
    project().then(
      () => (lastProblem = ''),
      (err: Error) => {
        if (err.message !== lastProblem) log(`汇总表更新失败，稍后重试 / projecting records failed, retrying: ${err.message}`);
        lastProblem = err.message;
      },
    );
  }, PROJECT_MS);

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '2mb' }));
  const auth = districtAuth(db, clock);
  app.use('/api/district', auth.routes);
  app.use('/api/district', auth.authenticate);
  app.use('/api/district', publishRoutes(db, auth.adminOnly, clock));
  app.use(consolePages());
  app.get('/api/district/halls', (_req, res, next) => {
    listHalls(db, clock(), linkSilenceS).then((data) => res.json({ ok: true, data }), next);
  });
  const saved = keptReportBytes === 0 || savedFigureBytes === 0 ? undefined : new SavedFigures(db, countingCode(), clock, log, savedFigureBytes);
  registerReportRoutes(app, db, clock, { rolledUp, activity, keptBytes: keptReportBytes, saved });
  // Any other address is a bilingual 404.
  app.use((req, res) => {
    res.status(404).json({ ok: false, error: appError('NOT_FOUND', { path: req.originalUrl.split('?')[0]!.slice(0, 200) }) });
  });
  const onError: ErrorRequestHandler = (err: Error & { type?: string }, _req, res, _next) => {
    // A body that is not JSON (or too large) is the caller's mistake, not the database's.
    if (err.type?.startsWith('entity.')) {
      res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: { zh: '请求体不是有效的 JSON', en: 'the body is not valid JSON' } }) });
      return;
    }
    log(`请求失败 / request failed: ${err.message}`);
    res.status(503).json({ ok: false, error: appError('DISTRICT_DB_DOWN') });
  };
  app.use(onError);

  const server = app.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // The last year's roll-ups read into memory while the server answers, once what the database holds is projected.
  const warmed = keepsReports ? project().catch(() => 0).then(() => readings.join()) : Promise.resolve(0);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    project,
    warmed,
    readingAhead: () => readings.latest(),
    async close() {
      activity.close();
      clearInterval(timer);
      // Open consoles keep connections alive: cut them, or the close waits for them for ever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await projections.idle();
      await warmed;
      await readings.idle();
      await saved?.close();
      await db.end();
    },
  };
}

