// District accounts and what the district publishes to its halls (issue 21), against a real
// PostgreSQL: an admin signs in (argon2id, a session in the database) and publishes the holiday
// calendar and the 事项 catalogue; an evaluator may only read; a linked hall takes the newest
// versions, keeps them in its data folder, runs on the holidays, and still has them after a restart
// with the link down. The first real admin set by the CLI ends the demo accounts and token.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEntry } from '@yichuang/shared/admin';
import type { Published } from '@yichuang/shared/district';
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import { DEMO_DISTRICT_PASSWORD } from '../../district/src/demo-accounts.js';
import { DEMO_DISTRICT_TOKEN, startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { demoCatalogue } from '../../hub/src/demo/demo-items.js';
import { addWorkingDays } from '../../hub/src/engine/working-days.js';
import { dataFolder } from '../../hub/src/storage/data-folder.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { MONDAY_10AM, REPO_ROOT, TestClock } from '../helpers/test-hub.js';
import { seedHall, startFederatedHub, waitFor, type FederatedHub } from './federation-helpers.js';

let cluster: PostgresCluster;
let district: RunningDistrict;
const hubs: FederatedHub[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  for (const h of hubs) await h.close().catch(() => undefined);
  await district?.close().catch(() => undefined);
  await cluster?.destroy();
});

interface Answer<T = unknown> {
  status: number;
  cookie: string | undefined;
  body: { ok: boolean; data?: T; error?: { code: string; message: string; messageEn: string } };
}

async function call<T = unknown>(method: string, route: string, { body, cookie, bearer }: { body?: unknown; cookie?: string; bearer?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(`${district.url}/api/district${route}`, { method, headers, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], body: await res.json() };
}

const signIn = async (username: string, password = DEMO_DISTRICT_PASSWORD): Promise<Answer> => call('POST', '/session', { body: { username, password } });

/** Sets a district account with the CLI, the password on stdin. */
function passwordCli(url: string, args: string[], password: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = execFile('node', [path.join(REPO_ROOT, 'district/dist/password-cli.js'), '--db', url, ...args], (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

const HOLIDAYS = { holidays: ['2026-12-31', '2027-01-01'], makeupWorkdays: ['2027-01-04'] };
const CATALOGUE = { items: [{ code: '11440100MB2C92', name: '城乡居民养老保险参保登记', nameEn: 'Pension enrolment', department: '社保' }] };

it('signs district admins and evaluators in with argon2id, lets only an admin publish, and says why in both languages', async () => {
  const url = await cluster.createDatabase('district_accounts');
  district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: Date.now, log: () => undefined });

  expect((await call('GET', '/session')).body).toEqual({ ok: true, data: null });
  const wrong = await signIn('demo-admin', 'not-the-password-1');
  expect(wrong.status).toBe(401);
  expect(wrong.body.error).toMatchObject({ code: 'DISTRICT_BAD_PASSWORD', message: '用户名或密码不正确', messageEn: 'Wrong user name or password' });
  expect((await signIn('nobody')).status).toBe(401);
  const bad = await call('POST', '/session', { body: '{not json' });
  expect(bad.status).toBe(400);
  expect(bad.body.error?.code).toBe('BAD_REQUEST');

  const admin = await signIn('demo-admin');
  expect(admin.body).toMatchObject({ ok: true, data: { username: 'demo-admin', role: 'admin', demo: true } });
  expect(admin.cookie).toMatch(/^yc_district_session=/);
  const evaluator = await signIn('demo-evaluator');
  expect(evaluator.body.data).toMatchObject({ role: 'evaluator' });

  // The demo console token and a session both read; only an admin publishes, and a bad document is refused.
  expect((await call('GET', '/halls', { bearer: DEMO_DISTRICT_TOKEN })).status).toBe(200);
  expect((await call('GET', '/halls', { cookie: evaluator.cookie })).status).toBe(200);
  const refused = await call('PUT', '/published/holidays', { cookie: evaluator.cookie, body: HOLIDAYS });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'DISTRICT_ADMIN_ONLY', messageEn: 'Only a district admin may do that (an evaluator only reads)' });
  expect((await call('PUT', '/published/holidays', { bearer: DEMO_DISTRICT_TOKEN, body: HOLIDAYS })).status).toBe(403);
  expect((await call('PUT', '/published/holidays', { body: HOLIDAYS })).status).toBe(401);
  const invalid = await call('PUT', '/published/holidays', { cookie: admin.cookie, body: { holidays: ['2026-13-01'], makeupWorkdays: [] } });
  expect(invalid.status).toBe(400);
  expect(invalid.body.error?.message).toContain('YYYY-MM-DD');
  const twice = await call('PUT', '/published/catalogue', { cookie: admin.cookie, body: { items: [CATALOGUE.items[0], CATALOGUE.items[0]] } });
  expect(twice.status).toBe(400);
  expect(twice.body.error?.messageEn).toContain('each item code once');

  const v1 = await call<Published>('PUT', '/published/holidays', { cookie: admin.cookie, body: HOLIDAYS });
  expect(v1.body.data).toMatchObject({ kind: 'holidays', version: 1, document: HOLIDAYS, publishedBy: 'demo-admin' });
  expect((await call<Published>('PUT', '/published/catalogue', { cookie: admin.cookie, body: CATALOGUE })).body.data).toMatchObject({ version: 1 });
  expect((await call('GET', '/published', { cookie: evaluator.cookie })).body.data).toMatchObject({ holidays: { version: 1 }, catalogue: { version: 1, document: CATALOGUE } });

  // Signing out ends the session in the database.
  await call('DELETE', '/session', { cookie: evaluator.cookie });
  expect((await call('GET', '/halls', { cookie: evaluator.cookie })).status).toBe(401);

  // The first real admin (the CLI) ends the demo: its accounts, their sessions and the console token.
  const weak = await passwordCli(url, ['--user', 'wang', '--role', 'admin', '--name', '王主任'], 'short');
  expect(weak.code).not.toBe(0);
  expect(weak.out).toContain('at least 10 characters');
  const set = await passwordCli(url, ['--user', 'wang', '--role', 'admin', '--name', '王主任'], 'district-2026-secret');
  expect(set.out).toContain('demo console token are removed');
  expect(set.code).toBe(0);
  expect((await call('GET', '/halls', { bearer: DEMO_DISTRICT_TOKEN })).status).toBe(401);
  expect((await call('GET', '/halls', { cookie: admin.cookie })).status).toBe(401);
  expect((await signIn('demo-admin')).status).toBe(401);
  const wang = await signIn('wang', 'district-2026-secret');
  expect(wang.body.data).toEqual({ username: 'wang', name: '王主任', role: 'admin', demo: false });
  await district.close();
});

/** The hall's catalogue as its console reads it. */
let readCatalogue: () => Promise<HallCatalogue>;

async function auditLines(dataDir: string): Promise<AuditEntry[]> {
  const dir = path.join(dataDir, 'audit');
  const files = await readdir(dir);
  const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
}

it('hands its holidays and catalogue to a linked hall, which keeps them through a restart with the link down', async () => {
  const url = await cluster.createDatabase('district_publish');
  district = await startDistrict({ db: url, port: 0, host: '127.0.0.1' }, { clock: Date.now, log: () => undefined });
  const admin = (await signIn('demo-admin')).cookie;
  await call('PUT', '/published/holidays', { cookie: admin, body: HOLIDAYS });
  await call('PUT', '/published/catalogue', { cookie: admin, body: CATALOGUE });

  const hall = await seedHall('hall-config', 'street');
  const clock = new TestClock(MONDAY_10AM);
  let linked = await startFederatedHub(hall.dataDir, url, clock);
  hubs.push(linked);
  // The file the hall's catalogue store keeps (written once the hall has taken the district's list).
  readCatalogue = async () => JSON.parse(await readFile(dataFolder(hall.dataDir).catalogue, 'utf8').catch(() => '{"items":[],"lifeEvents":[]}')) as HallCatalogue;
  const file = path.join(hall.dataDir, 'district-config.json');
  await waitFor(async () => (await readFile(file, 'utf8').catch(() => '')).includes('"version": 1'), 10_000, () => linked.logs.join('\n'));
  await waitFor(() => linked.hub.config().hall.schedule.holidays.includes('2027-01-01'), 5_000);
  const seen: string[][] = [];
  linked.hub.districtConfig.onCatalogue((c) => seen.push(c.items.map((i) => i.code)));
  expect(seen).toEqual([['11440100MB2C92']]);

  // The hall's catalogue takes the district's item beside its own items, guides kept; audited as the district's.
  const ownItems = demoCatalogue().items; // the demo hall's own
  await waitFor(async () => (await readCatalogue()).items.some((i) => i.code === '11440100MB2C92'), 10_000, () => linked.logs.join('\n'));
  const taken = await readCatalogue();
  expect(taken.items.find((i) => i.code === '11440100MB2C92')).toMatchObject({ name: '城乡居民养老保险参保登记', nameEn: 'Pension enrolment', department: '社保' });
  expect(taken.items.filter((i) => i.code !== '11440100MB2C92')).toEqual(ownItems.filter((i) => i.code !== '11440100MB2C92'));
  const audited = await auditLines(hall.dataDir);
  expect(audited.some((l) => l.action === 'catalogue.import' && l.actor.name.includes('区级') && l.actor.name.includes('demo-admin'))).toBe(true);

  // A newer catalogue renames a hall item by its code (the district's names win) and keeps the hall's guide.
  const guided = ownItems[0]!;
  const renamed = { items: [...CATALOGUE.items, { code: guided.code, name: '区级统一名称', nameEn: 'District name', department: '区级部门' }] };
  expect((await call<Published>('PUT', '/published/catalogue', { cookie: admin, body: renamed })).body.data?.version).toBe(2);
  await waitFor(async () => (await readCatalogue()).items.some((i) => i.name === '区级统一名称'), 10_000, () => linked.logs.join('\n'));
  expect((await readCatalogue()).items.find((i) => i.code === guided.code)).toEqual({ ...guided, name: '区级统一名称', nameEn: 'District name', department: '区级部门' });
  expect((await readCatalogue()).items).toHaveLength(taken.items.length);

  // A newer version published while the hall is linked is taken at its next heartbeat.
  const v2 = { holidays: [...HOLIDAYS.holidays, '2027-02-16'], makeupWorkdays: HOLIDAYS.makeupWorkdays };
  expect((await call<Published>('PUT', '/published/holidays', { cookie: admin, body: v2 })).body.data?.version).toBe(2);
  await waitFor(() => linked.hub.config().hall.schedule.holidays.includes('2027-02-16'), 10_000, () => linked.logs.join('\n'));
  const own = hall.config.hall.schedule;
  // The hall's own days are kept, and the district's join them: what is due 1 working day after
  // Wednesday 2026-12-30 moves from Thursday to the Monday after 元旦.
  expect(own.holidays).not.toContain('2026-12-31');
  expect(linked.hub.config().hall.schedule.holidays).toEqual(expect.arrayContaining([...own.holidays, ...v2.holidays]));
  expect(addWorkingDays('2026-12-30', 1, own)).toBe('2026-12-31');
  expect(addWorkingDays('2026-12-30', 1, linked.hub.config().hall.schedule)).toBe('2027-01-04');

  // The district's database goes away; the hall restarts and runs on its last copy.
  await linked.close();
  hubs.pop();
  await district.close();
  cluster.stop('fast');
  try {
    linked = await startFederatedHub(hall.dataDir, url, clock);
    hubs.push(linked);
    expect(linked.hub.config().hall.schedule.holidays).toEqual(expect.arrayContaining(v2.holidays));
    expect(linked.hub.districtConfig.catalogue?.items.map((i) => i.code)).toEqual([CATALOGUE.items[0]!.code, ownItems[0]!.code]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ holidays: { version: 2 }, catalogue: { version: 2 } });
    await waitFor(() => linked.logs.some((l) => l.includes('district database link down')), 10_000, () => linked.logs.join('\n'));
    expect(linked.hub.config().hall.schedule.holidays).toContain('2027-02-16');
  } finally {
    cluster.start();
  }
});
