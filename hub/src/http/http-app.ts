// Express: JSON limits, the REST API, the screens. Errors answer in the Ack shape, never a stack trace.
import { appError } from '@yichuang/shared/errors';
import express, { type ErrorRequestHandler, type Router } from 'express';

/** `api` routers are tried in order under /api; the last one answers what no module knows. */
export function createHttpApp(routers: { api: Router[]; screens: Router }, log: (line: string) => void): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '16kb' }));
  app.use('/api', ...routers.api);
  app.use(routers.screens);
  const onError: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = err.status ?? 500;
    if (status >= 500) log(`http error: ${err.message ?? String(err)}`);
    const error =
      err.type === 'entity.too.large' ? appError('PAYLOAD_TOO_LARGE')
      : status < 500 ? appError('BAD_REQUEST', { detail: err.message ?? '' })
      : appError('INTERNAL');
    res.status(status).json({ ok: false, error });
  };
  app.use(onError);
  return app;
}
