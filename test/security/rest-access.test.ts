// Every REST route the hub registers — read off its router, not a hand list — called by every kind of
// caller, at its own address and at spellings a stranger would try (upper case, %2F, a trailing or a
// double slash, an encoded letter). A caller outside a route's rule never gets an answer below 400,
// whatever the spelling; a caller inside it is let through at the route's own address; and every
// answer that served personal data has its line in the audit log.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import type { StaffRole } from '@yichuang/shared/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../hub/src/http/access.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { pairDevice, signIn } from './helpers.js';

interface RouteInfo {
  method: string;
  path: string;
  access: Access | undefined;
}

interface Credential {
  label: string;
  headers: Record<string, string>;
  /** Console roles this caller acts with; none for callers who are nobody. */
  roles: readonly StaffRole[];
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: { access?: Access } }[] };
  handle: { stack?: Layer[] };
  rawPath?: string;
}

/** The routes of an Express 5 app, with the access rule its first handler carries. */
function routesOf(stack: Layer[], prefix = ''): RouteInfo[] {
  return stack.flatMap((layer): RouteInfo[] => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map((method) => ({ method: method.toUpperCase(), path: prefix + layer.route!.path, access: layer.route!.stack[0]?.handle.access }));
    }
    const mount = layer.rawPath === '/' || layer.rawPath === undefined ? '' : layer.rawPath;
    return layer.handle.stack ? routesOf(layer.handle.stack, prefix + mount) : [];
  });
}

/** A concrete address for a route: sample parameters, and the query every report needs. */
function addressOf(path: string): string {
  const filled = path
    .replace(':format', 'csv')
    .replace(':number', 'A001')
    .replace(':claim', 'c'.repeat(24))
    .replace(/:\w+/g, 's0101');
  return `${filled}?from=2026-11-23&to=2026-11-23&table=byDay`;
}

/** Spellings of one address that routing must not treat as another route's (query kept). */
function spellings(address: string): string[] {
  const [path, query] = address.split('?') as [string, string];
  const segments = path.split('/');
  const last = segments.at(-1)!;
  const variants = [
    path,
    path.toUpperCase(),
    segments.map((s, i) => (i === 2 ? s.charAt(0).toUpperCase() + s.slice(1) : s)).join('/'),
    segments.map((s, i) => (i === segments.length - 1 ? s.toUpperCase() : s)).join('/'),
    `/api${path.slice(4).replaceAll('/', '%2F')}`,
    `/api/${path.slice(5).replaceAll('/', '%2f')}`,
    `${path}/`,
    path.replace('/api/', '/api//'),
    `/${path}`,
    `${segments.slice(0, -1).join('/')}/%${last.charCodeAt(0).toString(16)}${last.slice(1)}`,
    `${segments.slice(0, -1).join('/')}/./${last}`,
    path.replace('/api/', '/api/x/../'),
  ];
  return [...new Set(variants)].map((p) => `${p}?${query}`);
}

/** A raw request, so that no client library tidies the address up first. */
function call(url: string, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const body = method === 'GET' ? undefined : '{}';
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers: { ...headers, ...(body && { 'content-type': 'application/json', 'content-length': String(body.length) }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err) => reject(new Error(`${method} ${path}: ${err.message}`)));
    req.end(body);
  });
}

let t: TestHub;
let routes: RouteInfo[];
const credentials: Credential[] = [];

beforeAll(async () => {
  t = await startTestHub();
  routes = routesOf((t.hub.app as unknown as { router: { stack: Layer[] } }).router.stack);
  const console = await pairDevice(t, { name: '管理室控制台', role: 'console' });
  const signedOut = await signIn(t.hub.url, console.token, '0001');
  await fetch(`${t.hub.url}/api/session`, { method: 'DELETE', headers: { cookie: signedOut.cookie! } });
  credentials.push(
    { label: 'nobody', headers: {}, roles: [] },
    { label: 'kiosk token', headers: { authorization: 'Bearer demo-kiosk-1' }, roles: [] },
    { label: 'unknown token', headers: { authorization: 'Bearer no-such-token' }, roles: [] },
    { label: 'paired console token, nobody signed in', headers: { authorization: `Bearer ${console.token}` }, roles: [] },
    { label: 'signed-out session', headers: { cookie: signedOut.cookie! }, roles: [] },
    { label: 'forged session', headers: { cookie: 'yc_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, roles: [] },
    { label: 'demo console token', headers: { authorization: 'Bearer demo-console-1' }, roles: ['manager'] },
  );
  for (const [number, roles] of [['0003', ['evaluator']], ['0001', ['manager']], ['0002', ['admin']]] as const) {
    const session = await signIn(t.hub.url, console.token, number);
    credentials.push({ label: `${roles.join()} session`, headers: { cookie: session.cookie! }, roles });
  }
});
afterAll(async () => {
  await t?.close();
});

const closed = (r: RouteInfo): boolean => r.access !== undefined && r.access.who !== 'anyone';
const allowed = (r: RouteInfo, c: Credential): boolean => r.access!.who === 'anyone' || c.roles.some((role) => r.access!.who.includes(role));

describe('REST access, from the routes the hub registers', () => {
  it('finds every route, each with an access rule as its first handler', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.filter(closed).map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /api/cases', 'GET /api/ratings/today', 'GET /api/reports/ratings.:format', 'GET /api/reports/export.xlsx', 'GET /api/printing', 'PUT /api/printing/layout']),
    );
  });

  it('lets an evaluator use exactly the reads written out here, and refuses the rest naming the role', async () => {
    const evaluator = credentials.find((c) => c.label === 'evaluator session')!;
    const mayUse = routes.filter((r) => closed(r) && allowed(r, evaluator)).map((r) => `${r.method} ${r.path}`);
    expect(mayUse.sort()).toEqual(
      [
        'GET /api/capacity/advice',
        'GET /api/cases',
        'GET /api/ratings/today',
        'GET /api/reports',
        'GET /api/reports/evaluation.html',
        'GET /api/reports/evaluation.pdf',
        'GET /api/holidays/:year',
        'GET /api/reports/export.csv',
        'GET /api/reports/export.xlsx',
        'GET /api/reports/ratings.:format',
        'GET /api/reports/tables',
      ].sort(),
    );
    const refused = routes.filter((r) => closed(r) && !allowed(r, evaluator));
    expect(refused.length).toBeGreaterThan(0);
    for (const route of refused) {
      const { status, body } = await call(t.hub.url, route.method, addressOf(route.path), evaluator.headers);
      expect(status, route.path).toBe(403);
      expect(JSON.parse(body), route.path).toMatchObject({ error: { code: 'ROLE_FORBIDDEN', message: '评估员（只读）无权执行此操作' } });
    }
  });

  it('lets no caller past a rule meant for others, at any spelling of the address', async () => {
    const escapes: string[] = [];
    for (const route of routes.filter(closed)) {
      for (const credential of credentials.filter((c) => !allowed(route, c))) {
        for (const address of spellings(addressOf(route.path))) {
          const { status } = await call(t.hub.url, route.method, address, credential.headers);
          if (status < 400) escapes.push(`${credential.label}: ${route.method} ${address} → ${status}`);
        }
      }
    }
    expect(escapes).toEqual([]);
  });

  it('lets callers within a rule through at the route’s own address, and audits every answer with personal data', async () => {
    const refused: string[] = [];
    const served: string[] = [];
    for (const route of routes.filter(closed)) {
      for (const credential of credentials.filter((c) => allowed(route, c))) {
        for (const address of spellings(addressOf(route.path))) {
          const { status } = await call(t.hub.url, route.method, address, credential.headers);
          if (address === addressOf(route.path) && (status === 401 || status === 403)) refused.push(`${credential.label}: ${route.method} ${address} → ${status}`);
          if (status < 300 && route.access!.audit) served.push(address);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(served.length).toBeGreaterThan(0);
    const lines = (await readFile(path.join(t.dataDir, 'audit', '2026-11.jsonl'), 'utf8')).trim().split('\n');
    const audit = lines.map((line) => JSON.parse(line) as { action: string; target: string });
    const audited = new Set(audit.filter((e) => e.action.startsWith('personal.')).map((e) => e.target));
    expect(served.filter((address) => !audited.has(address))).toEqual([]);
  });

  it('keeps closed the addresses once found open by spelling them in upper case', async () => {
    const found = ['/api/Reports/ratings.csv', '/api/Cases', '/api/RATINGS/TODAY', '/api/Reports/export.xlsx', '/api/Printing', '/api/printing/Unprinted', '/api/cases/'];
    for (const address of found) {
      const { status, body } = await call(t.hub.url, 'GET', `${address}?from=2026-11-23&to=2026-11-23`, {});
      expect(status, address).toBeGreaterThanOrEqual(400);
      expect(body, address).not.toMatch(/评价|138\*|"ok":true/);
    }
  });

  it('answers an unknown address 404 in both languages, API or page', async () => {
    const api = await call(t.hub.url, 'GET', '/api/Cases', {});
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/没有这个地址/), messageEn: expect.stringMatching(/No such address/) } });
    const page = await call(t.hub.url, 'GET', '/Console/', {});
    expect(page.status).toBe(404);
    expect(page.body).toMatch(/页面不存在[\s\S]*Page not found/);
  });
});
