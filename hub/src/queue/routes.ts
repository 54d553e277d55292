// REST of the queue domain: a window's queue in its call order (or its head: ?limit=), for its caller and for integrations.
// Open like /api/windows: the answer carries no personal data (hall/views.ts windowQueue).
import { appError } from '@yichuang/shared/errors';
import { windowQueueQuery } from '@yichuang/shared/schemas';
import type { Views } from '../hall/views.js';
import { ANYONE } from '../http/access.js';
import { parseOr400 } from '../http/parse.js';
import type { Routes } from '../http/routes.js';

export function queueRoutes(routes: Routes, views: Views): void {
  routes.get('/windows/:id/queue', ANYONE, (req, res) => {
    const query = parseOr400(windowQueueQuery, req.query, res);
    if (!query) return;
    const queue = views.windowQueue(req.params.id, query.limit);
    if (!queue) return void res.status(404).json({ ok: false, error: appError('UNKNOWN_WINDOW', { windowId: req.params.id }) });
    res.json({ ok: true, data: queue });
  });
}
