// A staff member's own figures today, for the caller: visits finished, average service time
// (serving periods only, so holds are excluded) and how those visits were rated.
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import { RATING_LEVELS, type RatingCounts, type StaffFigures } from '@yichuang/shared/ratings';
import { evaluationOf, handledBy } from '../engine/state.js';
import type { EngineState } from '../engine/types.js';

const MINUTE = 60_000;

export function emptyCounts(): RatingCounts {
  return { visits: 0, pending: 0, unrated: 0, levels: Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as RatingCounts['levels'] };
}

export function staffFigures(state: EngineState, staffId: string): StaffFigures {
  const { ratings } = evaluationOf(state);
  const counts = emptyCounts();
  let servedMs = 0;
  let timed = 0;
  for (const t of Object.values(state.tickets)) {
    if (handledBy(t)?.staffId !== staffId) continue;
    counts.visits++;
    const serving = t.periods.filter((p) => p.state === 'serving').reduce((sum, p) => sum + ((p.end ?? p.start) - p.start), 0);
    if (serving > 0) {
      servedMs += serving;
      timed++;
    }
    const rating = ratings[t.id];
    if (!rating) counts.pending++;
    else if (rating.level === 'unrated') counts.unrated++;
    else counts.levels[rating.level]++;
  }
  const figures: StaffFigures = { staffId, served: counts.visits, ratings: counts };
  if (timed > 0) figures.averageServiceMin = Math.round((servedMs / timed / MINUTE) * 10) / 10;
  return figures;
}

/** The figures of whoever is signed in at the window now. */
export function windowFigures(state: EngineState, config: HallConfig, windowId: string): Ack<StaffFigures> {
  if (!config.windows.some((w) => w.id === windowId)) return { ok: false, error: appError('UNKNOWN_WINDOW', { windowId }) };
  const staffId = state.windows[windowId]?.staffId;
  if (staffId === undefined) return { ok: false, error: appError('STAFF_NOT_SIGNED_IN') };
  return { ok: true, data: staffFigures(state, staffId) };
}
