// Console sessions: who signed in at which console. A session ends when its holder signs out, after
// SESSION_IDLE_MS unused, or SESSION_MAX_MS after sign-in, whichever comes first. Kept in memory:
// a restarted hub asks everyone to sign in again.
import { randomBytes } from 'node:crypto';
import type { Operator } from '@yichuang/shared/admin';
import type { StaffRole } from '@yichuang/shared/domain';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
export const SESSION_COOKIE = 'yc_session';

export interface Session {
  token: string;
  /** The console device it was opened on. */
  deviceId: string;
  staffId?: string;
  number?: string;
  name: string;
  roles: StaffRole[];
  demo: boolean;
  createdAt: number;
  lastUsedAt: number;
}

export type SessionInput = Omit<Session, 'token' | 'createdAt' | 'lastUsedAt'>;

export class Sessions {
  readonly #byToken = new Map<string, Session>();

  constructor(private readonly clock: () => number) {}

  open(input: SessionInput): Session {
    const now = this.clock();
    for (const [token, s] of this.#byToken) if (this.#expired(s, now)) this.#byToken.delete(token);
    const session: Session = { ...input, token: randomBytes(32).toString('base64url'), createdAt: now, lastUsedAt: now };
    this.#byToken.set(session.token, session);
    return session;
  }

  /** The live session of a token, its idle time restarted; undefined when unknown or expired. */
  use(token: string | undefined): Session | undefined {
    const session = token ? this.#byToken.get(token) : undefined;
    if (!session) return undefined;
    const now = this.clock();
    if (this.#expired(session, now)) {
      this.#byToken.delete(session.token);
      return undefined;
    }
    session.lastUsedAt = now;
    return session;
  }

  /** Like use(), without counting as use: asking whether one is still signed in keeps nobody signed in. */
  peek(token: string | undefined): Session | undefined {
    const session = token ? this.#byToken.get(token) : undefined;
    return session && !this.#expired(session, this.clock()) ? session : undefined;
  }

  close(token: string | undefined): Session | undefined {
    const session = token ? this.#byToken.get(token) : undefined;
    if (session) this.#byToken.delete(session.token);
    return session;
  }

  /** Ends every session matching, e.g. of a revoked console or a removed account. */
  closeWhere(match: (s: Session) => boolean): void {
    for (const [token, s] of this.#byToken) if (match(s)) this.#byToken.delete(token);
  }

  operator(session: Session): Operator {
    const { staffId, number, name, roles, demo } = session;
    return { staffId, number, name, roles, demo, expiresAt: this.#expiresAt(session) };
  }

  #expiresAt(s: Session): number {
    return Math.min(s.lastUsedAt + SESSION_IDLE_MS, s.createdAt + SESSION_MAX_MS);
  }

  #expired(s: Session, now: number): boolean {
    return now >= this.#expiresAt(s);
  }
}
