// GET /api/capacity/advice?day=YYYY-MM-DD&target=20&share=0.9: the staffing advice for a day.
import { appError } from '@yichuang/shared/errors';
import { addDays, serviceDay } from '@yichuang/shared/time';
import { z } from 'zod';
import { OPERATORS } from '../http/access.js';
import type { Routes } from '../http/routes.js';
import type { CapacityService } from './capacity-service.js';

const adviceQuery = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  target: z.coerce.number().min(1).max(240).default(20),
  share: z.coerce.number().min(0.5).max(0.99).default(0.9),
});

const BAD_QUERY = {
  zh: 'day 为 YYYY-MM-DD（默认明天）；target 为 1–240 分钟（默认 20）；share 为 0.5–0.99（默认 0.9）',
  en: 'day: YYYY-MM-DD (default tomorrow); target: 1–240 minutes (default 20); share: 0.5–0.99 (default 0.9)',
};

/** A day that exists (Date.parse takes 2026-02-31 for 3 March). */
const isCalendarDay = (day: string): boolean => !Number.isNaN(Date.parse(day)) && new Date(Date.parse(day)).toISOString().slice(0, 10) === day;

export function capacityRoutes(routes: Routes, capacity: CapacityService, deps: { clock: () => number; timeZone: () => string }): void {
  routes.get('/capacity/advice', OPERATORS, async (req, res) => {
    const q = adviceQuery.safeParse(req.query);
    if (!q.success || (q.data.day !== undefined && !isCalendarDay(q.data.day))) {
      res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: BAD_QUERY }) });
      return;
    }
    const day = q.data.day ?? addDays(serviceDay(deps.clock(), deps.timeZone()), 1);
    res.json({ ok: true, data: await capacity.advice(day, { targetMin: q.data.target, share: q.data.share }) });
  });
}
