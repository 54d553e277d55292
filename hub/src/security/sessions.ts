// Console sessions: who signed in at which console. A session ends when its holder signs out, after
// SESSION_IDLE_MS unused, or SESSION_MAX_MS after sign-in, whichever comes first. They survive a
// restart (a hub restarted at lunch does not sign every manager out): <dataDir>/sessions.json keeps
// each session's token hash, never the token. Who a session acts as is read from the configuration
// at every use, so a changed role or a removed account counts at once.
import { createHash, randomBytes } from 'node:crypto';
import type { Operator } from '@yichuang/shared/admin';
import { CONSOLE_ROLES, type HallConfig, type Staff, type StaffRole } from '@yichuang/shared/domain';
import { dataFolder } from '../storage/data-folder.js';
import { DurableJSONFile } from '../storage/durable-json-file.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
export const SESSION_COOKIE = 'yc_session';
/**
 * Use is written down at most this often: after a restart a session may end this much before its
 * idle time is up, never later. Signing in and out are written before they are answered.
 */
const USE_WRITE_MS = 60_000;

/** Who a demo console is without a sign-in: the demo hall's manager (not its admin). */
export const DEMO_OPERATOR: Operator = { name: '演示管理员 / demo manager', roles: ['manager'], demo: true };

export interface Session {
  /** SHA-256 of the token, as stored. */
  hash: string;
  /** The console device it was opened on. */
  deviceId: string;
  /** Absent for a demo console's demo manager. */
  staffId?: string;
  demo: boolean;
  createdAt: number;
  lastUsedAt: number;
}

interface SessionsFile {
  schemaVersion: 1;
  sessions: Session[];
}

export class Sessions {
  readonly #byHash = new Map<string, Session>();
  readonly #file: DurableJSONFile<SessionsFile>;
  /** lastUsedAt as last written, by hash. */
  readonly #written = new Map<string, number>();
  #writes: Promise<unknown> = Promise.resolve();
  #useWrite: Promise<void> | undefined;

  private constructor(
    dataDir: string,
    private readonly clock: () => number,
    private readonly config: () => HallConfig,
    private readonly log: (line: string) => void,
  ) {
    this.#file = new DurableJSONFile(dataFolder(dataDir).sessions, (data) => JSON.stringify(data));
  }

  /** The sessions still alive from before a restart; an unreadable file signs everyone out. */
  static async open(dataDir: string, clock: () => number, config: () => HallConfig, log: (line: string) => void): Promise<Sessions> {
    const sessions = new Sessions(dataDir, clock, config, log);
    let stored: SessionsFile | null = null;
    try {
      stored = await sessions.#file.read();
    } catch (err) {
      log(`sessions.json 无法读取，所有控制台需重新登录 / sessions.json unreadable, every console signs in again: ${String(err)}`);
    }
    const now = clock();
    for (const s of stored?.sessions ?? []) {
      if (sessions.#expired(s, now)) continue;
      sessions.#byHash.set(s.hash, s);
      sessions.#written.set(s.hash, s.lastUsedAt);
    }
    return sessions;
  }

  /** A new session, on disk before its token is handed out. */
  async open(input: Pick<Session, 'deviceId' | 'staffId' | 'demo'>): Promise<{ token: string; session: Session }> {
    const now = this.clock();
    for (const s of this.#byHash.values()) if (this.#expired(s, now)) this.#byHash.delete(s.hash);
    const token = randomBytes(32).toString('base64url');
    const session: Session = { ...input, hash: hashOf(token), createdAt: now, lastUsedAt: now };
    this.#byHash.set(session.hash, session);
    await this.#write();
    return { token, session };
  }

  /** The live session of a token, its idle time restarted; undefined when unknown, expired or its person gone. */
  use(token: string | undefined): Session | undefined {
    const session = this.peek(token);
    if (!session) return undefined;
    session.lastUsedAt = this.clock();
    if (session.lastUsedAt - (this.#written.get(session.hash) ?? 0) >= USE_WRITE_MS) this.#writeUse();
    return session;
  }

  /** Like use(), without counting as use: asking whether one is still signed in keeps nobody signed in. */
  peek(token: string | undefined): Session | undefined {
    const session = token ? this.#byHash.get(hashOf(token)) : undefined;
    if (!session) return undefined;
    if (!this.#expired(session, this.clock()) && this.operator(session)) return session;
    this.#byHash.delete(session.hash);
    return undefined;
  }

  /** Ends a session (signing out): on disk before the promise resolves. */
  async close(token: string | undefined): Promise<Session | undefined> {
    const session = token ? this.#byHash.get(hashOf(token)) : undefined;
    if (!session) return undefined;
    this.#byHash.delete(session.hash);
    await this.#write();
    return session;
  }

  /** Ends every session matching, e.g. of a revoked console or a removed account; at once in memory, then on disk. */
  async closeWhere(match: (s: Session) => boolean): Promise<void> {
    let closed = false;
    for (const s of this.#byHash.values()) {
      if (!match(s)) continue;
      this.#byHash.delete(s.hash);
      closed = true;
    }
    if (closed) await this.#write();
  }

  /**
   * Who the session acts as now: its staff member's current name and console roles, or the demo
   * manager; undefined when its console or its person no longer qualifies.
   */
  operator(session: Session): Operator | undefined {
    const config = this.config();
    if (!config.devices.some((d) => d.id === session.deviceId && d.role === 'console')) return undefined;
    const expiresAt = this.#expiresAt(session);
    if (session.demo) return { ...DEMO_OPERATOR, expiresAt };
    const staff = config.staff.find((s) => s.id === session.staffId);
    const roles = staff ? consoleRolesOf(staff) : [];
    if (!staff || roles.length === 0) return undefined;
    return { staffId: staff.id, number: staff.number, name: staff.name, roles, demo: false, expiresAt };
  }

  /** Settles once what is in memory is on disk. */
  async flush(): Promise<void> {
    await this.#writes;
  }

  #writeUse(): void {
    if (this.#useWrite) return;
    this.#useWrite = this.#write().then(
      () => undefined,
      (err: unknown) => this.log(`sessions.json write failed: ${String(err)}`),
    );
  }

  /** Writes the sessions in memory; writes run one after another, each taking the latest state. */
  #write(): Promise<void> {
    const run = this.#writes.then(async () => {
      this.#useWrite = undefined;
      const sessions = [...this.#byHash.values()].map((s) => ({ ...s }));
      await this.#file.write({ schemaVersion: 1, sessions });
      this.#written.clear();
      for (const s of sessions) this.#written.set(s.hash, s.lastUsedAt);
    });
    this.#writes = run.catch(() => undefined);
    return run;
  }

  #expiresAt(s: Session): number {
    return Math.min(s.lastUsedAt + SESSION_IDLE_MS, s.createdAt + SESSION_MAX_MS);
  }

  #expired(s: Session, now: number): boolean {
    return now >= this.#expiresAt(s);
  }
}

/** The roles a staff member may act in at a console. */
export function consoleRolesOf(staff: Staff): StaffRole[] {
  return staff.roles.filter((r) => (CONSOLE_ROLES as readonly StaffRole[]).includes(r));
}

/** A session token as stored: its SHA-256 (the district's sessions too). */
export function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
