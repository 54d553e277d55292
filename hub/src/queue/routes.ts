// REST of the queue domain: a window's queue in its call order, for its caller and for integrations.
// Open like /api/windows: the answer carries no personal data (hall/views.ts windowQueue).
import { appError } from '@yichuang/shared/errors';
import type { Views } from '../hall/views.js';
import { ANYONE } from '../http/access.js';
import type { Routes } from '../http/routes.js';

export function queueRoutes(routes: Routes, views: Views): void {
  routes.get('/windows/:id/queue', ANYONE, (req, res) => {
    const queue = views.windowQueue(req.params.id);
    if (!queue) return void res.status(404).json({ ok: false, error: appError('UNKNOWN_WINDOW', { windowId: req.params.id }) });
    res.json({ ok: true, data: queue });
  });
}
