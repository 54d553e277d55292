// REST of the administration domain: console sign-in and sign-out (an HttpOnly session cookie),
// pairing for new screens, staff photos.
import type { AdminConfig, AuditActor, Operator, PairingStatus } from '@yichuang/shared/admin';
import * as A from '@yichuang/shared/admin-schemas';
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import express, { type Request, type Response } from 'express';
import { ANYONE, callerIn, clientAddress, MANAGERS, sessionToken } from '../http/access.js';
import { parseOr400 } from '../http/parse.js';
import type { Routes } from '../http/routes.js';
import type { PairingCodes } from '../security/pairing.js';
import type { RateLimiter } from '../security/rate-limit.js';
import { SESSION_COOKIE, SESSION_MAX_MS, type Sessions } from '../security/sessions.js';
import type { ConsoleSignIn } from './console-sign-in.js';
import { MAX_PHOTO_BYTES, PHOTO_ROUTE, type PhotoStore } from './photos.js';

/** Open entries, per address: a screen asks for a code once in ten minutes; people sign in rarely. */
const PAIRING_RATE = { burst: 5, perMinute: 6 };
const SIGN_IN_RATE = { burst: 30, perMinute: 30 };

export interface AdminRouteDeps {
  sessions: Sessions;
  audit: (entry: { actor: AuditActor; action: string; target: string }) => Promise<unknown>;
  signIn: ConsoleSignIn;
  pairing: PairingCodes;
  /** A new pairing request: consoles are told. */
  pairingRequested: () => void;
  limits: RateLimiter;
  photos: PhotoStore;
  /** Puts an uploaded photo on a staff member's card. */
  setPhoto: (staffId: string, url: string, operator: Operator, actor: AuditActor) => Promise<Ack<AdminConfig>>;
}

const fail = (res: Response, status: number, error: AppError): void => void res.status(status).json({ ok: false, error });

function sessionCookie(req: Request, token: string, maxAgeS: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${req.secure ? '; Secure' : ''}`;
}

export function adminRoutes(routes: Routes, deps: AdminRouteDeps): void {
  const limited = (req: Request, res: Response, rule: { burst: number; perMinute: number }, name: string): boolean => {
    if (deps.limits.take(`${name}|${clientAddress(req)}`, rule)) return false;
    fail(res, 429, appError('RATE_LIMITED'));
    return true;
  };

  routes.post('/session', ANYONE, async (req, res) => {
    if (limited(req, res, SIGN_IN_RATE, 'session')) return;
    const input = parseOr400(A.signInRequest, req.body ?? {}, res);
    if (!input) return;
    const result = await deps.signIn.signIn(input, clientAddress(req));
    if (!result.ok) return fail(res, result.status, result.error);
    res.setHeader('Set-Cookie', sessionCookie(req, result.token, SESSION_MAX_MS / 1000));
    res.json({ ok: true, data: result.operator });
  });
  // Who is signed in here, or null: asking is not using (it does not keep an idle session alive).
  routes.get('/session', ANYONE, (req, res) => {
    const session = deps.sessions.peek(sessionToken(req.get('cookie')));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, data: (session && deps.sessions.operator(session)) ?? null });
  });
  routes.delete('/session', ANYONE, async (req, res) => {
    const token = sessionToken(req.get('cookie'));
    const session = deps.sessions.peek(token);
    const operator = session && deps.sessions.operator(session);
    await deps.sessions.close(token);
    if (session && operator && !session.demo) {
      await deps.audit({ actor: { deviceId: session.deviceId, staffId: operator.staffId, name: operator.name }, action: 'session.signOut', target: session.deviceId });
    }
    res.setHeader('Set-Cookie', sessionCookie(req, '', 0));
    res.json({ ok: true, data: null });
  });

  routes.post('/pairing', ANYONE, (req, res) => {
    if (limited(req, res, PAIRING_RATE, 'pairing')) return;
    const input = parseOr400(A.pairingRequest, req.body ?? {}, res);
    if (!input) return;
    const request = deps.pairing.request(input.screen, clientAddress(req));
    deps.pairingRequested();
    res.json({ ok: true, data: request });
  });
  routes.get('/pairing/:claim', ANYONE, (req, res) => {
    const status: PairingStatus | undefined = /^[\w-]{16,64}$/.test(req.params.claim) ? deps.pairing.status(req.params.claim) : undefined;
    // Expired or unknown: the screen asks for a new code.
    if (!status) return fail(res, 404, appError('UNKNOWN_PAIRING_CODE', { code: '' }));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, data: status });
  });

  // The body is the image itself.
  routes.post('/admin/staff/:id/photo', MANAGERS, express.raw({ type: ['image/jpeg', 'image/png', 'image/webp'], limit: MAX_PHOTO_BYTES }), async (req, res) => {
    const caller = callerIn(res);
    const staffId = A.removeStaff.shape.staffId.safeParse(req.params.id);
    const url = staffId.success && Buffer.isBuffer(req.body) ? await deps.photos.save(staffId.data, req.body) : undefined;
    if (!url || !staffId.success) return fail(res, 400, appError('PHOTO_INVALID'));
    const result = await deps.setPhoto(staffId.data, url, caller.operator, caller.actor);
    if (!result.ok) {
      await deps.photos.remove(url);
      return fail(res, result.error.code === 'STORAGE_FAILED' ? 500 : 400, result.error);
    }
    res.json({ ok: true, data: { photo: url } });
  });
  routes.get(`${PHOTO_ROUTE}/:file`, ANYONE, (req, res) => {
    const file = deps.photos.file(req.params.file);
    if (!file) return fail(res, 404, appError('NOT_FOUND', { path: req.path }));
    res.sendFile(file, { maxAge: '365d', immutable: true }, (err) => {
      if (err && !res.headersSent) fail(res, 404, appError('NOT_FOUND', { path: req.path }));
    });
  });
}
