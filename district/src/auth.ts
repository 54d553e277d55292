// District accounts and sessions, held in the district's PostgreSQL (schema migration 5): passwords
// as argon2id hashes made by the hall's own helpers, sessions as their token's SHA-256 with the
// hall console's idle and maximum times. A session is read from the database at every use, so a
// removed account or a changed role counts at once, on every district server.
import { randomBytes } from 'node:crypto';
import { hashSecret, isOutdated, NOBODY, verifySecret } from '@yichuang/hub/dist/security/passwords.js';
import { hashOf, SESSION_IDLE_MS, SESSION_MAX_MS } from '@yichuang/hub/dist/security/sessions.js';
import type { DistrictOperator, DistrictRole } from '@yichuang/shared/district';
import type pg from 'pg';
import { DEMO_DISTRICT_TOKEN } from './demo-accounts.js';

/** Who the demo console token reads as: read-only. */
const DEMO_CONSOLE: DistrictOperator = { username: 'demo-console', name: '演示控制台 / demo console', role: 'evaluator', demo: true };

type Queryable = Pick<pg.Pool, 'query'>;

interface AccountRow {
  username: string;
  name: string;
  role: DistrictRole;
  password_hash: string;
  demo: boolean;
}

const operatorOf = (row: Pick<AccountRow, 'username' | 'name' | 'role' | 'demo'>): DistrictOperator => ({ username: row.username, name: row.name, role: row.role, demo: row.demo });

/** A demo district: its demo accounts are still there (no real admin has been set). */
export async function isDemoDistrict(db: Queryable): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM district_accounts WHERE demo = TRUE FETCH FIRST 1 ROWS ONLY');
  return rows.length > 0;
}

/** A new session for the account, if the password is its own; its token is handed out once stored. */
export async function signIn(db: Queryable, username: string, password: string, now: number): Promise<{ token: string; operator: DistrictOperator } | undefined> {
  const { rows } = await db.query<AccountRow>('SELECT username, name, role, password_hash, demo FROM district_accounts WHERE username = $1', [username]);
  const account = rows[0];
  // An unknown name costs the same argon2 check as a wrong password.
  if (!(await verifySecret(password, account?.password_hash ?? NOBODY)) || !account) return undefined;
  if (isOutdated(account.password_hash)) {
    await db.query('UPDATE district_accounts SET password_hash = $2 WHERE username = $1', [username, await hashSecret(password)]);
  }
  const token = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO district_sessions (token_hash, username, created_at, last_used_at) VALUES ($1, $2, $3, $3)', [hashOf(token), username, now]);
  return { token, operator: operatorOf(account) };
}

/**
 * Who a bearer or cookie token acts as: the demo console token (a demo district's, read-only), or a
 * live session, its idle time restarted (`use`); undefined when unknown or expired.
 */
export async function operatorByToken(db: Queryable, token: string | undefined, now: number, use = true): Promise<DistrictOperator | undefined> {
  if (!token) return undefined;
  if (token === DEMO_DISTRICT_TOKEN) return (await isDemoDistrict(db)) ? DEMO_CONSOLE : undefined;
  const hash = hashOf(token);
  const { rows } = await db.query<AccountRow & { created_at: string; last_used_at: string }>(
    `SELECT a.username, a.name, a.role, a.demo, s.created_at, s.last_used_at
     FROM district_sessions s JOIN district_accounts a ON a.username = s.username WHERE s.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (now >= Math.min(Number(row.last_used_at) + SESSION_IDLE_MS, Number(row.created_at) + SESSION_MAX_MS)) {
    await db.query('DELETE FROM district_sessions WHERE token_hash = $1', [hash]);
    return undefined;
  }
  if (use) await db.query('UPDATE district_sessions SET last_used_at = $2 WHERE token_hash = $1', [hash, now]);
  return operatorOf(row);
}

export async function signOut(db: Queryable, token: string | undefined): Promise<void> {
  if (token) await db.query('DELETE FROM district_sessions WHERE token_hash = $1', [hashOf(token)]);
}

/**
 * Sets an account's password and role (adding the account if new), signing its sessions out. The
 * first real admin ends the demo: the demo accounts and their sessions go, and with them the demo
 * console token.
 */
export async function setAccount(db: pg.ClientBase, account: { username: string; name?: string; role: DistrictRole; password: string }): Promise<{ demoEnded: boolean }> {
  const hash = await hashSecret(account.password);
  await db.query('BEGIN');
  try {
    await db.query(
      `INSERT INTO district_accounts (username, name, role, password_hash, demo) VALUES ($1, $2, $3, $4, FALSE)
       ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash,
         name = CASE WHEN $5 THEN EXCLUDED.name ELSE district_accounts.name END, demo = FALSE`,
      [account.username, account.name ?? account.username, account.role, hash, account.name !== undefined],
    );
    await db.query('DELETE FROM district_sessions WHERE username = $1', [account.username]);
    let demoEnded = false;
    if (account.role === 'admin') {
      await db.query('DELETE FROM district_sessions WHERE username IN (SELECT username FROM district_accounts WHERE demo = TRUE)');
      demoEnded = ((await db.query('DELETE FROM district_accounts WHERE demo = TRUE')).rowCount ?? 0) > 0;
    }
    await db.query('COMMIT');
    return { demoEnded };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
