// Who may use a REST route. Every route is registered with its rule (http/routes.ts), and the rule is
// the route's first handler: what routing matched is what was checked, whatever the case or encoding
// of the address. Open routes carry no personal data, or limit requests per address themselves; the
// console's routes need a person signed in at a console (session cookie), or a demo console's token
// as a bearer (the demo hall's scripts act as its demo manager).
import type { AuditActor, Operator } from '@yichuang/shared/admin';
import { CONSOLE_ROLES, MANAGING_ROLES, type Device, type HallConfig, type StaffRole } from '@yichuang/shared/domain';
import { appError, type AppError } from '@yichuang/shared/errors';
import type { Request, RequestHandler, Response } from 'express';
import { roleRefusal } from '../realtime/permissions/admin.js';
import { deviceByToken } from '../security/device-tokens.js';
import { DEMO_OPERATOR, SESSION_COOKIE, type Session, type Sessions } from '../security/sessions.js';

export interface Access {
  /** 'anyone', or the console roles of whom one is needed. */
  who: 'anyone' | readonly StaffRole[];
  /** Answers carry citizens' (masked) data or staff figures: each read is audited before it is served. */
  audit?: 'personal.view' | 'personal.export';
}

export const ANYONE: Access = { who: 'anyone' };
/** Figures: evaluators read them too. */
export const OPERATORS: Access = { who: CONSOLE_ROLES };
/** Citizens' (masked) data on screen. */
export const OPERATORS_VIEWING: Access = { who: CONSOLE_ROLES, audit: 'personal.view' };
/** Citizens' (masked) data, or staff figures, in a file. */
export const OPERATORS_EXPORTING: Access = { who: CONSOLE_ROLES, audit: 'personal.export' };
/** Settings: managers and admins. */
export const MANAGERS: Access = { who: MANAGING_ROLES };

/** A route's first handler; `access` says what it checks (the route test reads it off the router). */
export type Guard = RequestHandler & { readonly access: Access };

export interface Caller {
  operator: Operator;
  actor: AuditActor;
}

export interface RestAccessDeps {
  config: () => HallConfig;
  sessions: Sessions;
  audit: (entry: { actor: AuditActor; action: string; target: string }) => Promise<unknown>;
  log: (line: string) => void;
}

/** The request's session cookie (`cookie`: its name, the district console's has its own), if any. */
export function sessionToken(cookieHeader: string | undefined, cookie = SESSION_COOKIE): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return value.join('=');
  }
  return undefined;
}

export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? '';
}

export function actorOf(session: Session, operator: Operator, address?: string): AuditActor {
  return { deviceId: session.deviceId, staffId: operator.staffId, name: operator.name, ...(address && { address }) };
}

/** The caller a guard let through, for the route's handler. */
export function callerIn(res: Response): Caller {
  return res.locals.caller as Caller;
}

export class RestAccess {
  constructor(private readonly deps: RestAccessDeps) {}

  /** Who is calling: a session, or a demo console's bearer token; otherwise the refusal and its status. */
  callerOf(req: Request): Caller | { status: number; error: AppError } {
    const session = this.deps.sessions.use(sessionToken(req.get('cookie')));
    const operator = session && this.deps.sessions.operator(session);
    if (session && operator) return { operator, actor: actorOf(session, operator, clientAddress(req)) };
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!bearer) return { status: 401, error: appError('SIGN_IN_REQUIRED') };
    const device: Device | undefined = deviceByToken(this.deps.config().devices, bearer);
    if (!device) return { status: 401, error: appError('UNAUTHENTICATED') };
    if (device.role !== 'console') return { status: 403, error: appError('FORBIDDEN') };
    if (!device.demo) return { status: 401, error: appError('SIGN_IN_REQUIRED') };
    return { operator: DEMO_OPERATOR, actor: { deviceId: device.id, name: DEMO_OPERATOR.name, address: clientAddress(req) } };
  }

  /** The handler that lets a request through to its route only if `access` allows its caller. */
  guard(access: Access): Guard {
    const { who, audit } = access;
    const handler: RequestHandler = (req, res, next) => {
      if (who === 'anyone') return next();
      const write = req.method !== 'GET' && req.method !== 'HEAD';
      if (write && !sameOrigin(req)) return fail(res, 403, appError('FORBIDDEN'));
      const caller = this.callerOf(req);
      if ('error' in caller) return fail(res, caller.status, caller.error);
      if (!caller.operator.roles.some((r) => who.includes(r))) return fail(res, 403, roleRefusal(caller.operator.roles));
      res.locals.caller = caller;
      if (!audit) return next();
      // No trail, no data: personal data is served only once the audit log has the read.
      this.deps.audit({ actor: caller.actor, action: audit, target: req.originalUrl }).then(
        () => next(),
        (err: unknown) => {
          this.deps.log(`audit log write failed: ${String(err)}`);
          fail(res, 500, appError('STORAGE_FAILED'));
        },
      );
    };
    return Object.assign(handler, { access });
  }
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
