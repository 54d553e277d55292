// Signing in at a console: a paired console device, then a person with a console role and their
// password. Failures are throttled per staff number and per address; the answer never says which
// of number and password was wrong. A demo console may open its demo manager's session without one.
// Every sign-in and every failed one is in the audit log before it is answered; one that cannot be
// recorded is answered STORAGE_FAILED, and opens no session.
import type { AuditActor, Operator } from '@yichuang/shared/admin';
import type * as A from '@yichuang/shared/admin-schemas';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type AppError } from '@yichuang/shared/errors';
import type { z } from 'zod';
import type { AuditLog } from '../security/audit-log.js';
import { deviceByToken } from '../security/device-tokens.js';
import { NOBODY, verifySecret } from '../security/passwords.js';
import { consoleRolesOf, type Sessions } from '../security/sessions.js';
import { SignInThrottle, waitMinutes } from '../security/throttle.js';

export interface ConsoleSignInDeps {
  config: () => HallConfig;
  sessions: Sessions;
  audit: AuditLog;
  log: (line: string) => void;
}

export type SignInResult = { ok: true; token: string; operator: Operator } | { ok: false; status: number; error: AppError };

export class ConsoleSignIn {
  /** Real elapsed time: a lock must not lift when the hall's clock is set forward. */
  readonly #throttle = new SignInThrottle(Date.now);

  constructor(private readonly deps: ConsoleSignInDeps) {}

  async signIn(input: z.output<typeof A.signInRequest>, address: string): Promise<SignInResult> {
    const device = deviceByToken(this.deps.config().devices, input.deviceToken);
    if (!device) return { ok: false, status: 401, error: appError('UNAUTHENTICATED') };
    if (device.role !== 'console') return { ok: false, status: 403, error: appError('FORBIDDEN') };
    if (input.staffNumber === undefined || input.password === undefined) {
      if (!device.demo) return { ok: false, status: 400, error: appError('SIGN_IN_REQUIRED') };
      return this.#open({ deviceId: device.id, demo: true });
    }
    const attempt = { account: input.staffNumber, place: address };
    const wait = this.#throttle.wait(attempt);
    if (wait > 0) return { ok: false, status: 429, error: appError('SIGN_IN_LOCKED', { minutes: waitMinutes(wait) }) };
    const actor: AuditActor = { deviceId: device.id, name: input.staffNumber, address };
    const staff = this.deps.config().staff.find((s) => s.number === input.staffNumber);
    const verified = await verifySecret(input.password, staff?.passwordHash ?? NOBODY);
    if (!staff || !verified) {
      this.#throttle.fail(attempt);
      const unrecorded = await this.#audit({ actor, action: 'session.failed', target: input.staffNumber });
      return unrecorded ?? { ok: false, status: 401, error: appError('BAD_PASSWORD') };
    }
    this.#throttle.succeed(attempt);
    if (consoleRolesOf(staff).length === 0) return { ok: false, status: 403, error: appError('NO_CONSOLE_ROLE') };
    const opened = await this.#open({ deviceId: device.id, staffId: staff.id, demo: false });
    if (!opened.ok) return opened;
    const unrecorded = await this.#audit({ actor: { ...actor, staffId: staff.id, name: staff.name }, action: 'session.signIn', target: device.id });
    // No trail, no session: the token was never handed out, and the session goes from memory at once.
    if (unrecorded) await this.deps.sessions.close(opened.token).catch(() => undefined);
    return unrecorded ?? opened;
  }

  async #open(input: Parameters<Sessions['open']>[0]): Promise<SignInResult> {
    try {
      const { token, session } = await this.deps.sessions.open(input);
      const operator = this.deps.sessions.operator(session);
      return operator ? { ok: true, token, operator } : { ok: false, status: 403, error: appError('NO_CONSOLE_ROLE') };
    } catch (err) {
      this.deps.log(`sessions.json write failed: ${String(err)}`);
      return { ok: false, status: 503, error: appError('STORAGE_FAILED') };
    }
  }

  /** Undefined once the entry is on disk; otherwise the answer a sign-in that left no trail gets. */
  async #audit(entry: { actor: AuditActor; action: string; target: string }): Promise<SignInResult | undefined> {
    try {
      await this.deps.audit.append(entry);
      return undefined;
    } catch (err) {
      this.deps.log(`audit log write failed for ${entry.action}: ${String(err)}`);
      return { ok: false, status: 503, error: appError('STORAGE_FAILED') };
    }
  }
}
