// 好差评. At the window's pad, a finished visit may be rated only by the pad of the window that
// finished it, and only within the pad's time; otherwise it becomes 未评价 by an explicit event —
// when the time is up (the hub's timer asks), or when the window finishes its next visit.
// A citizen who skipped the pad may rate the visit later the same day by its number, at a kiosk
// or on the slip's phone page: that rating fills the 未评价. Either way one rating per visit (一次一评).
import type { HallConfig, MaskedIdentity } from '@yichuang/shared/domain';
import { isBadLevel, type RatingChannel, type RatingLevel } from '@yichuang/shared/ratings';
import { openCase } from './cases.js';
import { accept, fail, isError, refuse, ticketByNumber, windowDef, wrongState, type CommandOf } from './guards.js';
import { evaluationOf, finishedPeriod } from './state.js';
import type { DecideContext, Decision, EngineEvent, EngineState, PadPrompt } from './types.js';

/**
 * Time to finish the details once a level is chosen, from the latest choice: reasons, a comment and
 * a phone number on a touch screen take a while, and a complaint must not be lost to the clock.
 */
export const PAD_DETAILS_MS = 3 * 60_000;

/** The instant a pad's prompt runs out: the pad's time, or longer once a level is chosen. */
export function ratingDeadline(prompt: PadPrompt, config: HallConfig): number {
  const padTime = prompt.finishedAt + config.evaluation.padTimeoutSeconds * 1000;
  return prompt.chosen ? Math.max(padTime, prompt.chosen.at + PAD_DETAILS_MS) : padTime;
}

/** The pad's own visit, still within its time: what choosing a level and rating both need. */
function openPrompt(state: EngineState, windowId: string, ticketId: string, now: number, config: HallConfig): PadPrompt | Decision {
  const { pads, ratings } = evaluationOf(state);
  const earlier = ratings[ticketId];
  if (earlier) return fail(earlier.level === 'unrated' ? 'RATING_EXPIRED' : 'ALREADY_RATED');
  const prompt = pads[windowId];
  if (prompt?.ticketId !== ticketId) return fail('NOT_RATABLE');
  if (now >= ratingDeadline(prompt, config)) return fail('RATING_EXPIRED');
  return prompt;
}

export function decideRate(state: EngineState, c: CommandOf<'rate'>, { now, config }: DecideContext): Decision {
  const window = windowDef(config, c.windowId);
  if (isError(window)) return refuse(window);
  const prompt = openPrompt(state, c.windowId, c.ticketId, now, config);
  if ('ok' in prompt) return prompt;
  return recordRating(c, { ticketId: c.ticketId, windowId: c.windowId, staffId: prompt.staffId, channel: 'pad' }, now, config);
}

/** A level chosen on the pad (reasons may follow): it counts from now on, and the time to finish restarts. */
export function decideChooseLevel(state: EngineState, c: CommandOf<'chooseLevel'>, { now, config }: DecideContext): Decision {
  const window = windowDef(config, c.windowId);
  if (isError(window)) return refuse(window);
  const prompt = openPrompt(state, c.windowId, c.ticketId, now, config);
  if ('ok' in prompt) return prompt;
  const reasons = isBadLevel(c.level) ? [...new Set(c.reasons)] : [];
  const unknown = reasons.find((r) => !config.evaluation.badReasons.includes(r));
  if (unknown !== undefined) return fail('UNKNOWN_REASON', { reason: unknown });
  return accept({ type: 'rating.levelChosen', at: now, ticketId: c.ticketId, windowId: c.windowId, level: c.level, reasons });
}

/** A rating given later by the visit's number: allowed once the visit is finished, while it has no rating but 未评价. */
export function decideRateVisit(state: EngineState, c: CommandOf<'rateVisit'>, { now, config }: DecideContext): Decision {
  const t = ticketByNumber(state, c.number);
  if (isError(t)) return refuse(t);
  if (t.state !== 'finished') return fail('VISIT_NOT_FINISHED', { number: t.number });
  // Only a staffed window finishes a visit, so its last finished period names both.
  const finished = finishedPeriod(t);
  if (!finished?.windowId || !finished.staffId) return refuse(wrongState(t));
  const earlier = evaluationOf(state).ratings[t.id];
  if (earlier && earlier.level !== 'unrated') return fail('ALREADY_RATED');
  return recordRating(c, { ticketId: t.id, windowId: finished.windowId, staffId: finished.staffId, channel: c.channel }, now, config);
}

/**
 * Time ran out after the citizen chose a level: the level counts (with the reasons chosen so far),
 * and a bad one opens its case like any other, even without reasons.
 */
function keepChosen(prompt: PadPrompt, { level, reasons }: NonNullable<PadPrompt['chosen']>, windowId: string, now: number, config: HallConfig): Decision {
  const window = windowDef(config, windowId);
  if (isError(window)) return refuse(window);
  const recorded: EngineEvent = { type: 'rating.recorded', at: now, ticketId: prompt.ticketId, windowId, staffId: prompt.staffId, channel: 'pad', level, reasons };
  return isBadLevel(level) ? accept(recorded, openCase(prompt.ticketId, window, now, config)) : accept(recorded);
}

/** What a citizen gave, wherever they rated. */
export interface RatingGiven {
  level: RatingLevel;
  reasons: string[];
  text?: string;
  contact?: MaskedIdentity;
  sealedContact?: string;
}

/** The rating and, for a bad one, its case — after the checks every channel shares. */
function recordRating(
  c: RatingGiven,
  visit: { ticketId: string; windowId: string; staffId: string; channel: RatingChannel },
  now: number,
  config: HallConfig,
): Decision {
  const window = windowDef(config, visit.windowId);
  if (isError(window)) return refuse(window);
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
    ...visit,
    level: c.level,
    reasons,
    ...(text && { text }),
    ...(c.contact && { contact: c.contact }),
  };
  return bad ? accept(recorded, openCase(visit.ticketId, window, now, config, c.sealedContact)) : accept(recorded);
}

export function decideExpireRating(state: EngineState, c: CommandOf<'expireRating'>, { now, config }: DecideContext): Decision {
  const prompt = evaluationOf(state).pads[c.windowId];
  // Rated, superseded or expired meanwhile (the timer races the pad), or not due: nothing to record.
  if (prompt?.ticketId !== c.ticketId || now < ratingDeadline(prompt, config)) return accept();
  if (prompt.chosen) return keepChosen(prompt, prompt.chosen, c.windowId, now, config);
  return accept({ type: 'rating.expired', at: now, ticketId: c.ticketId, windowId: c.windowId, staffId: prompt.staffId, reason: 'timeout' });
}

/**
 * A finish while the window's previous visit still waits for its rating: that visit becomes
 * 未评价 first (or is rated at the level its citizen chose), so the pad moves on to the new one and
 * no visit is left without a record.
 */
export function supersedingPrompt(state: EngineState, windowId: string, decision: Decision, { now, config }: DecideContext): Decision {
  const prompt = evaluationOf(state).pads[windowId];
  if (!decision.ok || !prompt) return decision;
  if (prompt.chosen) {
    const kept = keepChosen(prompt, prompt.chosen, windowId, now, config);
    return kept.ok ? accept(...kept.events, ...decision.events) : decision;
  }
  const expired: EngineEvent = { type: 'rating.expired', at: now, ticketId: prompt.ticketId, windowId, staffId: prompt.staffId, reason: 'superseded' };
  return accept(expired, ...decision.events);
}
