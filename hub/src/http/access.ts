// Who may use which REST route, in one table. Reads for integrations stay open (they carry no personal
// data); the console's routes need a person signed in at a console (session cookie), or a demo
// console's token as a bearer (the demo hall's scripts and tests act as its demo manager). Any other
// method than GET on a route not listed as open needs a manager: a new write route is closed by default.
import type { AuditActor, Operator } from '@yichuang/shared/admin';
import type { Device, HallConfig, StaffRole } from '@yichuang/shared/domain';
import { appError, type AppError } from '@yichuang/shared/errors';
import type { Request, RequestHandler, Response } from 'express';
import { deviceByToken } from '../security/device-tokens.js';
import { SESSION_COOKIE, type Session, type Sessions } from '../security/sessions.js';

const ANY_OPERATOR: readonly StaffRole[] = ['admin', 'manager', 'evaluator'];
const MANAGERS: readonly StaffRole[] = ['admin', 'manager'];

interface RouteRule {
  /** Paths under /api. */
  path: RegExp;
  roles: readonly StaffRole[];
  /** Answers carry citizens' (masked) data or staff figures: each read is audited before it is served. */
  audit?: 'personal.view' | 'personal.export';
}

/** First match wins. */
const RULES: readonly RouteRule[] = [
  // Exports: staff figures, and rating records with (masked) contacts.
  { path: /^\/reports\/(export|ratings)/, roles: ANY_OPERATOR, audit: 'personal.export' },
  { path: /^\/reports(\/|$)/, roles: ANY_OPERATOR },
  { path: /^\/ratings(\/|$)/, roles: ANY_OPERATOR, audit: 'personal.view' },
  { path: /^\/cases(\/|$)/, roles: ANY_OPERATOR, audit: 'personal.view' },
  { path: /^\/printing(\/|$)/, roles: MANAGERS },
  { path: /^\/admin(\/|$)/, roles: MANAGERS },
];

/**
 * Routes anyone may post to: a new screen asking for a pairing code, signing in and out, and citizens
 * on their phones booking, or rating a visit through its slip's signed link (those domains limit
 * requests per address themselves).
 */
const OPEN_WRITES = /^\/(pairing|session|appointments|visit)(\/|$)/;

export interface AccessDeps {
  config: () => HallConfig;
  sessions: Sessions;
  /** Who a demo console acting without a sign-in is. */
  demoOperator: Operator;
  audit: (entry: { actor: AuditActor; action: string; target: string }) => Promise<unknown>;
  log: (line: string) => void;
}

export interface Caller {
  operator: Operator;
  actor: AuditActor;
}

/** The request's session cookie, if any. */
export function sessionToken(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? '';
}

/** Who is calling: a session, or a demo console's bearer token; otherwise the refusal and its status. */
export function callerOf(req: Request, deps: AccessDeps): Caller | { status: number; error: AppError } {
  const session = deps.sessions.use(sessionToken(req.get('cookie')));
  if (session) return { operator: deps.sessions.operator(session), actor: actorOf(session, clientAddress(req)) };
  const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
  if (!bearer) return { status: 401, error: appError('SIGN_IN_REQUIRED') };
  const device: Device | undefined = deviceByToken(deps.config().devices, bearer);
  if (!device) return { status: 401, error: appError('UNAUTHENTICATED') };
  if (device.role !== 'console') return { status: 403, error: appError('FORBIDDEN') };
  if (!device.demo) return { status: 401, error: appError('SIGN_IN_REQUIRED') };
  return { operator: deps.demoOperator, actor: { deviceId: device.id, name: deps.demoOperator.name, address: clientAddress(req) } };
}

export function actorOf(session: Session, address?: string): AuditActor {
  return { deviceId: session.deviceId, staffId: session.staffId, name: session.name, ...(address && { address }) };
}

export function restAccess(deps: AccessDeps): RequestHandler {
  return (req, res, next) => {
    const rule = RULES.find((r) => r.path.test(req.path));
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    const open = !rule && (!write || OPEN_WRITES.test(req.path));
    if (open) return next();
    if (write && !sameOrigin(req)) return fail(res, 403, appError('FORBIDDEN'));
    const caller = callerOf(req, deps);
    if ('error' in caller) return fail(res, caller.status, caller.error);
    const roles = rule?.roles ?? MANAGERS;
    if (!caller.operator.roles.some((r) => roles.includes(r))) return fail(res, 403, appError('FORBIDDEN'));
    if (!rule?.audit) return next();
    // No trail, no data: personal data is served only once the audit log has the read.
    deps.audit({ actor: caller.actor, action: rule.audit, target: req.originalUrl }).then(
      () => next(),
      (err: unknown) => {
        deps.log(`audit log write failed: ${String(err)}`);
        fail(res, 500, appError('STORAGE_FAILED'));
      },
    );
  };
}

/** A browser's cross-site write carries a foreign Origin; scripts and same-page requests do not. */
function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

function fail(res: Response, status: number, error: AppError): void {
  res.status(status).json({ ok: false, error });
}
