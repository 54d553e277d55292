// The read-only REST API for integrations (documented in the README). Open to the LAN, so it carries
// no personal data: tickets go out without even their masked identity.
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Bilingual } from '@yichuang/shared/errors';
import { ticketNumber } from '@yichuang/shared/schemas';
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { EngineState } from '../engine/index.js';
import { publicTicket, publicWindow, type Views } from '../hall/views.js';
import type { StorageProblem } from '../storage/journal.js';
import { ANYONE } from './access.js';
import { parseOr400 } from './parse.js';
import type { Routes } from './routes.js';

export interface ApiComponents {
  config: () => HallConfig;
  state: () => EngineState;
  views: Views;
  startedAt: number;
  clock: () => number;
  version: string;
  seq: () => number;
  /** Why the journal refuses writes now, if it does. */
  storage: () => StorageProblem | undefined;
  /** How the link to the district stands, when the hub forwards to one. */
  district?: () => DistrictLinkHealth;
}

export interface DistrictLinkHealth {
  state: string;
  forwardedSeq: number;
  /** Records the hall holds that the district does not yet. */
  behind: number;
  problem?: Bilingual;
}

const ok = (res: Response, data: unknown): void => void res.json({ ok: true, data });
const ticketQuery = z.object({ number: ticketNumber });

export function integrationRoutes(routes: Routes, c: ApiComponents): void {
  // 503 while the journal cannot be written, saying why: a monitor or the deploy kit's wait sees it.
  // A district link that is down is shown but is no fault of the hall's: the hall serves without it.
  routes.get('/health', ANYONE, (_req, res) => {
    const about = {
      hall: c.config().hall.id,
      day: c.state().day,
      seq: c.seq(),
      version: c.version,
      uptimeS: Math.round((c.clock() - c.startedAt) / 1000),
      ...(c.district && { district: c.district() }),
    };
    const problem = c.storage();
    if (!problem) return void res.json({ ok: true, ...about });
    const error = appError('STORAGE_BROKEN', { reason: problem.reason, file: problem.file, since: new Date(problem.since).toISOString() });
    res.status(503).json({ ok: false, ...about, error });
  });

  routes.get('/hall', ANYONE, (_req, res) => {
    const { hall, categories, windows } = c.config();
    ok(res, { hall, categories, windows, ...c.views.opening() });
  });

  routes.get('/queues', ANYONE, (_req, res) => ok(res, c.views.queues()));
  routes.get('/windows', ANYONE, (_req, res) => ok(res, c.views.windows().map(publicWindow)));

  routes.get('/tickets/:number', ANYONE, (req, res) => {
    const number = parseOr400(ticketQuery, req.params, res)?.number;
    if (!number) return;
    const ticket = c.views.ticketByNumber(number);
    if (!ticket) {
      res.status(404).json({ ok: false, error: appError('UNKNOWN_TICKET', { number }) });
      return;
    }
    ok(res, publicTicket(ticket));
  });

  routes.get('/stats/today', ANYONE, (_req, res) => ok(res, todayCounts(c.state(), c.config())));
}

/** What no route of the API answers. */
export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ ok: false, error: appError('NOT_FOUND', { path: req.originalUrl.split('?')[0]!.slice(0, 200) }) });
};

/** Counts by ticket state, overall and per category, for today. */
function todayCounts(state: EngineState, config: HallConfig) {
  const empty = () => ({ issued: 0, waiting: 0, called: 0, serving: 0, onHold: 0, finished: 0, noShow: 0, cancelled: 0 });
  type Counts = ReturnType<typeof empty>;
  const key: Record<string, keyof Counts> = {
    waiting: 'waiting', called: 'called', serving: 'serving', 'on-hold': 'onHold', finished: 'finished', 'no-show': 'noShow', cancelled: 'cancelled',
  };
  const total = empty();
  const byCategory: Record<string, Counts> = Object.fromEntries(config.categories.map((cat) => [cat.id, empty()]));
  for (const t of Object.values(state.tickets)) {
    for (const counts of [total, byCategory[t.categoryId]]) {
      if (!counts) continue;
      counts.issued++;
      counts[key[t.state]!]++;
    }
  }
  return { day: state.day, total, byCategory };
}
