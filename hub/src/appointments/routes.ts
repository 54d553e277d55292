// The phone booking page's REST routes (/api/appointments), open to citizens without a device
// token: rate-limited per client address, bodies checked with zod, answers in the Ack shape with
// bilingual errors. They show free places and, to whoever has the code and phone tail, one booking.
import type { BookingPage } from '@yichuang/shared/appointments';
import * as A from '@yichuang/shared/appointments-schemas';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import { serviceDay } from '@yichuang/shared/time';
import type { NextFunction, Request, Response } from 'express';
import type { BookingService } from './booking-service.js';
import { ANYONE } from '../http/access.js';
import { parseOr400 } from '../http/parse.js';
import type { Routes } from '../http/routes.js';
import { PHONE_PAGE_ACTOR } from '../hall/hall-service.js';
import { RateLimiter } from './rate-limit.js';

const STATUS: Partial<Record<AppError['code'], number>> = {
  BAD_REQUEST: 400,
  APPOINTMENT_UNKNOWN: 404,
  UNKNOWN_CATEGORY: 404,
  RATE_LIMITED: 429,
  STORAGE_FAILED: 503,
  INTERNAL: 500,
};

export interface RouteDeps {
  bookings: BookingService;
  config: () => HallConfig;
  clock: () => number;
  limits: { readsPerMinute: number; writesPerMinute: number };
}

export function appointmentRoutes(routes: Routes, { bookings, config, clock, limits }: RouteDeps): void {
  const fail = (res: Response, error: AppError): void => void res.status(STATUS[error.code] ?? 409).json({ ok: false, error });
  const reply = <T>(res: Response, ack: Ack<T>): void => (ack.ok ? void res.json(ack) : fail(res, ack.error));
  const reads = new RateLimiter(limits.readsPerMinute, clock);
  const writes = new RateLimiter(limits.writesPerMinute, clock);

  routes.use('/appointments', (req: Request, res: Response, next: NextFunction) => {
    const limiter = req.method === 'GET' ? reads : writes;
    if (limiter.take(req.ip ?? req.socket.remoteAddress ?? '')) next();
    else fail(res, appError('RATE_LIMITED'));
  });

  routes.get('/appointments/services', ANYONE, (_req, res) => {
    const { hall } = config();
    const page: BookingPage = {
      hall: { name: hall.name, nameEn: hall.nameEn, address: hall.address, timeZone: hall.timeZone },
      today: serviceDay(clock(), hall.timeZone),
      services: bookings.services(),
    };
    res.json({ ok: true, data: page });
  });
  routes.get('/appointments/slots', ANYONE, (req, res) => {
    const q = parseOr400(A.slotsQuery, req.query, res);
    if (q) reply(res, bookings.slots(q.categoryId, q.day));
  });
  routes.post('/appointments', ANYONE, async (req, res) => {
    const body = parseOr400(A.webBook, req.body ?? {}, res);
    if (!body) return;
    const { requestId, ...booking } = body;
    reply(res, await bookings.book(booking, 'citizen', PHONE_PAGE_ACTOR, (phoneKey) => `phone-page:${requestId}:${phoneKey}`));
  });
  // Code and phone tail travel in bodies (POST), never in addresses that proxies and logs keep.
  routes.post('/appointments/lookup', ANYONE, (req, res) => {
    const body = parseOr400(A.webLookup, req.body ?? {}, res);
    if (body) reply(res, bookings.lookup(body.code, body.phoneTail));
  });
  routes.post('/appointments/cancel', ANYONE, async (req, res) => {
    const body = parseOr400(A.webCancel, req.body ?? {}, res);
    if (body) reply(res, await bookings.cancel(body, 'citizen', PHONE_PAGE_ACTOR));
  });
  routes.post('/appointments/change', ANYONE, async (req, res) => {
    const body = parseOr400(A.webChange, req.body ?? {}, res);
    if (body) reply(res, await bookings.change(body, PHONE_PAGE_ACTOR));
  });
}
