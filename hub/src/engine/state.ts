import type { ServiceDay, WindowState } from '@yichuang/shared/domain';
import type { EngineState } from './types.js';

export function initialState(): EngineState {
  return { day: null, tickets: {}, byNumber: {}, counters: {}, windows: {}, calls: [] };
}

/**
 * The state a new service day starts from: no tickets, numbers back at 1, every known window
 * closed with nobody signed in. Builds new collections and never touches `prev`, so decide can
 * reason on it without mutating the state it was given.
 */
export function dayState(prev: EngineState, day: ServiceDay, at: number): EngineState {
  const windows: Record<string, WindowState> = {};
  for (const id of Object.keys(prev.windows)) windows[id] = { id, status: 'closed', priorityStreak: 0, since: at };
  return { day, tickets: {}, byNumber: {}, counters: {}, windows, calls: [] };
}
