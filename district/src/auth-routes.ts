// REST of district sign-in: POST/GET/DELETE /api/district/session (an HttpOnly cookie of its own
// name, so a hall console on the same host keeps its own), and the gate every other district route
// is behind: a session cookie, or a bearer token (a session's, or a demo district's console token).
// Failed sign-ins are throttled per user name and per address, as at the hall.
import { clientAddress, sessionToken } from '@yichuang/hub/dist/http/access.js';
import { parseOr400 } from '@yichuang/hub/dist/http/parse.js';
import { SESSION_MAX_MS } from '@yichuang/hub/dist/security/sessions.js';
import { SignInThrottle, waitMinutes } from '@yichuang/hub/dist/security/throttle.js';
import type { DistrictOperator } from '@yichuang/shared/district';
import { appError } from '@yichuang/shared/errors';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { operatorByToken, signIn, signOut } from './auth.js';

export const DISTRICT_COOKIE = 'yc_district_session';

const signInRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

/** The request's token: a bearer, else the session cookie. */
function tokenOf(req: Request): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
  return bearer ?? sessionToken(req.get('cookie'), DISTRICT_COOKIE);
}

function cookie(req: Request, token: string, maxAgeS: number): string {
  return `${DISTRICT_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${req.secure ? '; Secure' : ''}`;
}

/** Who the request acts as, once `authenticate` let it through. */
export const operatorOfRequest = (res: Response): DistrictOperator => res.locals.operator as DistrictOperator;

export interface DistrictAuth {
  /** The session routes, open to anyone. */
  routes: express.Router;
  /** Lets a signed-in request through (res.locals.operator), else 401. */
  authenticate: RequestHandler;
  /** After authenticate: admins only (an evaluator reads only), else 403. */
  adminOnly: RequestHandler;
}

export function districtAuth(db: pg.Pool, clock: () => number): DistrictAuth {
  // Real elapsed time, as at the hall: a lock must not lift when a clock is set forward.
  const throttle = new SignInThrottle(Date.now);
  const routes = express.Router();
  const wrap = (handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler => (req, res, next) => void handler(req, res, next).catch(next);

  routes.post(
    '/session',
    wrap(async (req, res) => {
      const input = parseOr400(signInRequest, req.body ?? {}, res);
      if (!input) return;
      const attempt = { account: input.username, place: clientAddress(req) };
      const wait = throttle.wait(attempt);
      if (wait > 0) return res.status(429).json({ ok: false, error: appError('SIGN_IN_LOCKED', { minutes: waitMinutes(wait) }) });
      const opened = await signIn(db, input.username, input.password, clock());
      if (!opened) {
        throttle.fail(attempt);
        return res.status(401).json({ ok: false, error: appError('DISTRICT_BAD_PASSWORD') });
      }
      throttle.succeed(attempt);
      res.setHeader('Set-Cookie', cookie(req, opened.token, SESSION_MAX_MS / 1000));
      res.json({ ok: true, data: opened.operator });
    }),
  );
  routes.get(
    '/session',
    wrap(async (req, res) => res.json({ ok: true, data: (await operatorByToken(db, tokenOf(req), clock(), false)) ?? null })),
  );
  routes.delete(
    '/session',
    wrap(async (req, res) => {
      await signOut(db, sessionToken(req.get('cookie'), DISTRICT_COOKIE));
      res.setHeader('Set-Cookie', cookie(req, '', 0));
      res.json({ ok: true, data: null });
    }),
  );

  return {
    routes,
    authenticate: wrap(async (req, res, next) => {
      const operator = await operatorByToken(db, tokenOf(req), clock());
      if (!operator) return res.status(401).json({ ok: false, error: appError('DISTRICT_SIGN_IN_REQUIRED') });
      res.locals.operator = operator;
      next();
    }),
    adminOnly: (_req, res, next) => {
      if (operatorOfRequest(res).role === 'admin') return next();
      res.status(403).json({ ok: false, error: appError('DISTRICT_ADMIN_ONLY') });
    },
  };
}
