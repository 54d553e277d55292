import type { ServiceDay, WindowState } from '@yichuang/shared/domain';
import type { Case } from '@yichuang/shared/ratings';
import type { EngineState, EvaluationState } from './types.js';

export function initialState(): EngineState {
  return { day: null, tickets: {}, byNumber: {}, counters: {}, windows: {}, calls: [] };
}

/**
 * The state a new service day starts from: no tickets, numbers back at 1, every known window
 * closed with nobody signed in, and the bad-rating cases carried over. Builds new collections and
 * never touches `prev`, so decide can reason on it without mutating the state it was given.
 */
export function dayState(prev: EngineState, day: ServiceDay, at: number, cases: readonly Case[] = []): EngineState {
  const windows: Record<string, WindowState> = {};
  for (const id of Object.keys(prev.windows)) windows[id] = { id, status: 'closed', priorityStreak: 0, since: at };
  const next: EngineState = { day, tickets: {}, byNumber: {}, counters: {}, windows, calls: [] };
  if (cases.length > 0) next.evaluation = { pads: {}, ratings: {}, cases: Object.fromEntries(cases.map((c) => [c.id, c])) };
  return next;
}

const NO_EVALUATION: Readonly<EvaluationState> = Object.freeze({
  pads: Object.freeze({}),
  ratings: Object.freeze({}),
  cases: Object.freeze({}),
});

/** The day's evaluation state for reading; empty (and frozen) when there is none yet. */
export function evaluationOf(state: EngineState): Readonly<EvaluationState> {
  return state.evaluation ?? NO_EVALUATION;
}

/** The evaluation state for evolve to write to, created on first use. */
export function writableEvaluation(state: EngineState): EvaluationState {
  state.evaluation ??= { pads: {}, ratings: {}, cases: {} };
  return state.evaluation;
}
