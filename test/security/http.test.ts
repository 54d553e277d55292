// HTTP: security headers on every answer (a CSP the screens run under, checked in Chromium by the
// screens' own browser tests), the offline page's cross-origin health check, who may use which REST
// route, input limits, and HTTPS with a certificate the deploy kit can make.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/src/hub.js';
import { REPO_ROOT, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';
import { post, signIn } from './helpers.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const REPORT = '/api/reports?from=2026-11-23&to=2026-11-23';
const ONE_PIXEL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

describe('security headers', () => {
  it('sends a CSP that allows only the hub’s own scripts, and no framing, sniffing or referrer', async () => {
    for (const route of ['/kiosk/', '/console/', '/api/hall']) {
      const res = await fetch(`${t.hub.url}${route}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, route).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests'); // plain http on the hall's LAN
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull(); // only over https
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('lets the offline page read /api/health from file://, and nothing else', async () => {
    const health = await fetch(`${t.hub.url}/api/health`);
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    expect(health.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await fetch(`${t.hub.url}/api/hall`)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('who may use which REST route', () => {
  it('keeps the integrations API open and the console’s routes closed', async () => {
    expect((await fetch(`${t.hub.url}/api/queues`)).status).toBe(200);
    const closed = await fetch(`${t.hub.url}${REPORT}`);
    expect(closed.status).toBe(401);
    expect(await closed.json()).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED', message: expect.stringMatching(/登录/), messageEn: expect.stringMatching(/Sign in/) } });
    for (const route of ['/api/cases', '/api/ratings/today', '/api/printing', '/api/reports/export.csv?from=2026-11-23&to=2026-11-23&table=byDay']) {
      expect((await fetch(`${t.hub.url}${route}`)).status, route).toBe(401);
    }
    expect((await fetch(`${t.hub.url}${REPORT}`, { headers: { authorization: 'Bearer demo-kiosk-1' } })).status).toBe(403);
    expect((await fetch(`${t.hub.url}${REPORT}`, { headers: { authorization: 'Bearer no-such-token' } })).status).toBe(401);
    expect((await fetch(`${t.hub.url}${REPORT}`, { headers: { authorization: 'Bearer demo-console-1' } })).status).toBe(200);
  });

  it('lets an evaluator read reports and cases, but not printers', async () => {
    const { cookie } = await signIn(t.hub.url, 'demo-console-1', '0003');
    expect((await fetch(`${t.hub.url}${REPORT}`, { headers: { cookie: cookie! } })).status).toBe(200);
    expect((await fetch(`${t.hub.url}/api/cases`, { headers: { cookie: cookie! } })).status).toBe(200);
    expect((await fetch(`${t.hub.url}/api/printing`, { headers: { cookie: cookie! } })).status).toBe(403);
  });

  it('closes write routes nobody listed, and cross-site writes', async () => {
    expect((await post(t.hub.url, '/api/anything', {})).status).toBe(404);
    const { cookie } = await signIn(t.hub.url, 'demo-console-1', '0001');
    const photo = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const crossSite = await fetch(`${t.hub.url}/api/admin/staff/s0101/photo`, {
      method: 'POST',
      headers: { cookie: cookie!, 'content-type': 'image/png', origin: 'http://evil.example' },
      body: new Uint8Array(photo),
    });
    expect(crossSite.status).toBe(403);
  });

  it('takes a staff photo from a manager, serves it publicly, and refuses what is not an image', async () => {
    const { cookie } = await signIn(t.hub.url, 'demo-console-1', '0001');
    const upload = (body: Buffer, type = 'image/png') =>
      fetch(`${t.hub.url}/api/admin/staff/s0101/photo`, { method: 'POST', headers: { cookie: cookie!, 'content-type': type }, body: new Uint8Array(body) });
    const saved = (await (await upload(ONE_PIXEL_PNG)).json()) as { ok: boolean; data: { photo: string } };
    expect(saved).toMatchObject({ ok: true, data: { photo: expect.stringMatching(/^\/api\/photos\/s0101-[0-9a-f]{16}\.png$/) } });
    const served = await fetch(`${t.hub.url}${saved.data.photo}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await upload(Buffer.from('<script>alert(1)</script>'), 'image/png')).status).toBe(400);
    expect((await upload(Buffer.alloc(600_000, 0xff), 'image/jpeg')).status).toBe(413);
    expect((await fetch(`${t.hub.url}/api/photos/..%2Fconfig.json`)).status).toBe(404);
  });
});

describe('input limits', () => {
  it('refuses long addresses, big bodies, and bad JSON without echoing it', async () => {
    expect((await fetch(`${t.hub.url}/api/hall?${'x'.repeat(3000)}`)).status).toBe(414);
    expect((await post(t.hub.url, '/api/session', { deviceToken: 'x'.repeat(20_000) })).status).toBe(413);
    const bad = await fetch(`${t.hub.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"phone": 13812345678' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('13812345678');
    expect((await fetch(`${t.hub.url}/api/tickets/${'A'.repeat(40)}`)).status).toBe(400);
    expect((await fetch(`${t.hub.url}/api/pairing/not-a-claim`)).status).toBe(404);
  });
});

describe('HTTPS', () => {
  it('serves the hub over TLS with the given certificate and key, with HSTS', async () => {
    const dir = await tempDir();
    const [cert, key] = [path.join(dir, 'hub.crt'), path.join(dir, 'hub.key')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const hub = await startHub(
      { port: 0, host: '127.0.0.1', dataDir: path.join(dir, 'data'), screensDir: REPO_ROOT, version: 'test', tls: { cert: await readFile(cert), key: await readFile(key) } },
      { clock: Date.now, log: () => undefined },
    );
    try {
      expect(hub.url).toMatch(/^https:\/\//);
      const ca = await readFile(cert);
      const answer = await new Promise<{ status: number; hsts: string | undefined; body: string }>((resolve, reject) => {
        httpsGet(`https://localhost:${hub.port}/api/health`, { ca }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, hsts: res.headers['strict-transport-security'], body }));
        }).on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(answer.hsts).toMatch(/max-age=15552000/);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: true, hall: 'demo-district' });
    } finally {
      await hub.close();
    }
  });
});
