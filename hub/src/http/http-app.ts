// Express: security headers, input limits, the REST API, the screens. Errors answer in the Ack
// shape, never a stack trace.
import { appError } from '@yichuang/shared/errors';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { StorageError } from '../storage/storage-error.js';
import { apiNotFound } from './api.js';

/** Longer request targets are refused before routing; no route of the hub needs more. */
const MAX_URL_LENGTH = 2048;

/**
 * The screens are built bundles served by the hub itself: scripts, styles, fonts, voice clips and
 * the socket all come from the hub's own origin. Inline styles stay allowed: Svelte and ECharts set
 * style attributes. No inline script, no eval, no frames, no plugins. Not upgrade-insecure-requests:
 * most halls serve plain http on their LAN, and it would send every request to a port nobody listens on.
 */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** `api` is mounted under /api, `screens` at the root; what neither knows is answered 404. */
export function createHttpApp(routers: { api: Router; screens: Router }, log: (line: string) => void): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Addresses match as written: /API/Cases is not /api/cases (routes.ts checks access per route).
  app.enable('case sensitive routing');
  // HSTS only over TLS: sent over plain http once the hub had it, it would lock browsers out.
  app.use(helmet({ contentSecurityPolicy: CSP, strictTransportSecurity: false, xFrameOptions: { action: 'deny' } }));
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 86_400 });
  app.use((req, res, next) => (req.secure ? hsts(req, res, next) : next()));
  app.use(limitUrl);
  // The deploy kit's offline page polls this from file://: it alone may be read cross-origin.
  app.use('/api/health', (_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  app.use(express.json({ limit: '16kb' }));
  app.use('/api', routers.api, apiNotFound);
  app.use(routers.screens);
  app.use(pageNotFound);
  const onError: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = err instanceof StorageError ? 503 : (err.status ?? 500);
    if (status >= 500) log(`http error: ${err.message ?? String(err)}`);
    // A JSON parser's message quotes the body: it is not echoed (it may hold someone's number).
    const error =
      err.type === 'entity.too.large' ? appError('PAYLOAD_TOO_LARGE')
      : err.type === 'entity.parse.failed' ? appError('BAD_REQUEST', { detail: { zh: '不是有效的 JSON', en: 'not valid JSON' } })
      : status < 500 ? appError('BAD_REQUEST', { detail: err.message ?? '' })
      : appError(err instanceof StorageError ? 'STORAGE_FAILED' : 'INTERNAL');
    res.status(status).json({ ok: false, error });
  };
  app.use(onError);
  return app;
}

/** A person who typed a wrong address in a browser gets a page that says so, in both languages. */
const pageNotFound: RequestHandler = (_req, res) => {
  res.status(404).type('html').send(
    '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
      '<title>页面不存在 / Page not found</title><h1>页面不存在</h1><p>Page not found</p>' +
      '<p>请检查地址，或返回 <a href="/">首页</a>。<br>Check the address, or go to the <a href="/">start page</a>.</p>',
  );
};

const limitUrl: RequestHandler = (req, res, next) => {
  if (req.originalUrl.length <= MAX_URL_LENGTH) return next();
  res.status(414).json({ ok: false, error: appError('PAYLOAD_TOO_LARGE') });
};
