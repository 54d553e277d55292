// 好差评 at the window's pad. A finished visit may be rated once (一次一评), only by the pad of the
// window that finished it, and only within the pad's time. Otherwise it becomes 未评价 by an explicit
// event — when the time is up (the hub's timer asks), or when the window finishes its next visit.
import type { HallConfig } from '@yichuang/shared/domain';
import { isBadLevel } from '@yichuang/shared/ratings';
import { openCase } from './cases.js';
import { accept, fail, isError, refuse, windowDef, type CommandOf } from './guards.js';
import { evaluationOf } from './state.js';
import type { DecideContext, Decision, EngineEvent, EngineState, PadPrompt } from './types.js';

/** The instant a pad's prompt runs out. */
export function ratingDeadline(prompt: PadPrompt, config: HallConfig): number {
  return prompt.finishedAt + config.evaluation.padTimeoutSeconds * 1000;
}

export function decideRate(state: EngineState, c: CommandOf<'rate'>, { now, config }: DecideContext): Decision {
  const window = windowDef(config, c.windowId);
  if (isError(window)) return refuse(window);
  const { pads, ratings } = evaluationOf(state);
  const earlier = ratings[c.ticketId];
  if (earlier) return fail(earlier.level === 'unrated' ? 'RATING_EXPIRED' : 'ALREADY_RATED');
  const prompt = pads[c.windowId];
  if (prompt?.ticketId !== c.ticketId) return fail('NOT_RATABLE');
  if (now >= ratingDeadline(prompt, config)) return fail('RATING_EXPIRED');

  const bad = isBadLevel(c.level);
  const reasons = [...new Set(c.reasons)];
  if (bad && reasons.length === 0) return fail('REASONS_REQUIRED');
  if (!bad && reasons.length > 0) return fail('REASONS_NOT_ALLOWED');
  const unknown = reasons.find((r) => !config.evaluation.badReasons.includes(r));
  if (unknown !== undefined) return fail('UNKNOWN_REASON', { reason: unknown });

  const text = c.text?.trim();
  const recorded: EngineEvent = {
    type: 'rating.recorded',
    at: now,
    ticketId: c.ticketId,
    windowId: c.windowId,
    staffId: prompt.staffId,
    channel: 'pad',
    level: c.level,
    reasons,
    ...(text && { text }),
    ...(c.contact && { contact: c.contact }),
  };
  return bad ? accept(recorded, openCase(c.ticketId, window, now, config)) : accept(recorded);
}

export function decideExpireRating(state: EngineState, c: CommandOf<'expireRating'>, { now, config }: DecideContext): Decision {
  const prompt = evaluationOf(state).pads[c.windowId];
  // Rated, superseded or expired meanwhile (the timer races the pad), or not due: nothing to record.
  if (prompt?.ticketId !== c.ticketId || now < ratingDeadline(prompt, config)) return accept();
  return accept({ type: 'rating.expired', at: now, ticketId: c.ticketId, windowId: c.windowId, staffId: prompt.staffId, reason: 'timeout' });
}

/**
 * A finish while the window's previous visit still waits for its rating: that visit becomes
 * 未评价 first, so the pad moves on to the new one and no visit is left without a record.
 */
export function supersedingPrompt(state: EngineState, windowId: string, decision: Decision, now: number): Decision {
  const prompt = evaluationOf(state).pads[windowId];
  if (!decision.ok || !prompt) return decision;
  const expired: EngineEvent = { type: 'rating.expired', at: now, ticketId: prompt.ticketId, windowId, staffId: prompt.staffId, reason: 'superseded' };
  return accept(expired, ...decision.events);
}
