// REST of the ratings domain. For integrations (console operators; audited): today's ratings with
// the national fields and the bad-rating cases, contacts masked. For citizens (open, rate-limited
// per address): a visit found and rated later from the phone page, through the signed link on the slip.
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import * as S from '@yichuang/shared/ratings-schemas';
import { serviceDay } from '@yichuang/shared/time';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { evaluationOf } from '../engine/state.js';
import type { HallCore } from '../hall/core.js';
import { ANYONE, OPERATORS_VIEWING } from '../http/access.js';
import { parseOr400 } from '../http/parse.js';
import type { Routes } from '../http/routes.js';
import { RateLimiter, type RateRule } from '../security/rate-limit.js';
import type { TicketLinks } from '../security/ticket-links.js';
import { PHONE_PAGE_ACTOR } from '../hall/hall-service.js';
import { caseList } from './case-views.js';
import type { VisitService } from './visit-service.js';

const PHONE_READS: RateRule = { burst: 30, perMinute: 60 };
const PHONE_WRITES: RateRule = { burst: 5, perMinute: 10 };

const STATUS: Partial<Record<AppError['code'], number>> = {
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  LINK_INVALID: 403,
  UNKNOWN_TICKET: 404,
  TICKET_NOT_TODAY: 410,
  INTERNAL: 500,
  STORAGE_FAILED: 503,
};

type RouteDeps = Pick<HallCore, 'hall' | 'config' | 'clock'> & { ticketLinks: TicketLinks; visits: VisitService };

export function ratingsRoutes(routes: Routes, { hall, config, clock, ticketLinks, visits }: RouteDeps): void {
  const limits = new RateLimiter(clock);
  const reply = <T>(res: Response, ack: Ack<T>): void => void (ack.ok ? res.json(ack) : res.status(STATUS[ack.error.code] ?? 409).json(ack));
  /** The visit the phone's link names, once the link is checked; else the refusal is sent. */
  const linked = (req: Request, res: Response, rule: RateRule): z.output<typeof S.visitLink> | undefined => {
    if (!limits.take(`visit:${req.ip ?? ''}`, rule)) return void reply(res, { ok: false, error: appError('RATE_LIMITED') });
    const link = parseOr400(S.visitLink, { ...req.query, number: req.params.number }, res);
    if (!link) return undefined;
    if (!ticketLinks.verify(link.d, link.number, link.s)) return void reply(res, { ok: false, error: appError('LINK_INVALID') });
    // Numbers restart every day: the link is good on its own day only.
    if (link.d !== serviceDay(clock(), config().hall.timeZone)) return void reply(res, { ok: false, error: appError('TICKET_NOT_TODAY', { day: link.d }) });
    return link;
  };

  routes.get('/ratings/today', OPERATORS_VIEWING, (_req, res) => {
    res.json({ ok: true, data: Object.values(evaluationOf(hall.current).ratings).sort((a, b) => a.at - b.at) });
  });
  routes.get('/cases', OPERATORS_VIEWING, (_req, res) => {
    res.json({ ok: true, data: caseList(hall.current, config(), clock()) });
  });

  routes.get('/visit/:number', ANYONE, (req, res) => {
    const link = linked(req, res, PHONE_READS);
    if (link) reply(res, visits.find(link.number));
  });
  routes.post('/visit/:number/rating', ANYONE, async (req, res) => {
    const link = linked(req, res, PHONE_WRITES);
    const body = link && parseOr400(S.phoneRate, req.body ?? {}, res);
    if (!link || !body) return;
    const { cmdId, ...given } = body;
    reply(res, await visits.rate({ number: link.number, ...given }, 'phone', PHONE_PAGE_ACTOR, `phone-page:${link.d}/${link.number}:${cmdId}`));
  });
}
