// Read-only REST for integrations: today's ratings with the national fields (for a later provincial
// 好差评 export) and the bad-rating cases. Contacts are masked, as everywhere.
import { Router } from 'express';
import { evaluationOf } from '../engine/state.js';
import type { ModuleDeps } from '../modules.js';
import { caseList } from './case-views.js';

export function ratingsRouter({ hall, config, clock }: Pick<ModuleDeps, 'hall' | 'config' | 'clock'>): Router {
  const router = Router();
  router.get('/ratings/today', (_req, res) => {
    res.json({ ok: true, data: Object.values(evaluationOf(hall.current).ratings).sort((a, b) => a.at - b.at) });
  });
  router.get('/cases', (_req, res) => {
    res.json({ ok: true, data: caseList(hall.current, config(), clock()) });
  });
  return router;
}
