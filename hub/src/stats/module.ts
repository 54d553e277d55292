// Statistics: today's roll-up kept live from the journal feed, day roll-ups on disk, report routes.
import { appError } from '@yichuang/shared/errors';
import { Router } from 'express';
import { z } from 'zod';
import type { HubModule, ModuleDeps } from '../modules.js';
import { RollupStore } from './rollup-store.js';
import { StatsService } from './stats-service.js';

const FLUSH_EVERY_MS = 5 * 60_000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reportQuery = z.object({
  from: day,
  to: day,
  thresholdMin: z.coerce.number().int().min(1).max(600).default(30),
});

export async function createStatsModule(deps: ModuleDeps): Promise<HubModule & { stats: StatsService }> {
  const stats = await StatsService.open({
    journal: deps.journal,
    rollups: await RollupStore.open(deps.options.dataDir),
    config: deps.config,
    clock: deps.clock,
    log: deps.log,
  });
  deps.hall.onRecords((records) => stats.apply(records));
  const timer = setInterval(() => void stats.flush(), FLUSH_EVERY_MS);
  timer.unref();

  const routes = Router();
  routes.get('/reports', async (req, res) => {
    const q = reportQuery.safeParse(req.query);
    if (!q.success || q.data.from > q.data.to) {
      res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: 'from, to: YYYY-MM-DD, from ≤ to; thresholdMin 1–600' }) });
      return;
    }
    res.json({ ok: true, data: await stats.report(q.data.from, q.data.to, q.data.thresholdMin * 60_000) });
  });

  return {
    stats,
    routes,
    async close() {
      clearInterval(timer);
      await stats.flush();
    },
  };
}
