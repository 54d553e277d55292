// Who sits at a window, and whether it takes calls: sign in / out, pause / unpause.
import { accept, fail, isError, refuse, staffedWindow, windowDef, type CommandOf } from './guards.js';
import { TIDAL_WEIGHT, windowCategories } from './tidal.js';
import type { DecideContext, Decision, EngineEvent, EngineState } from './types.js';

export function decideSignIn(state: EngineState, c: CommandOf<'signIn'>, { now, config }: DecideContext): Decision {
  const def = windowDef(config, c.windowId);
  if (isError(def)) return refuse(def);
  if (!config.staff.some((s) => s.id === c.staffId)) return fail('UNKNOWN_STAFF');
  const here = state.windows[c.windowId]?.staffId;
  // The same person signing in again (a restarted PC) is already where they want to be.
  if (here === c.staffId) return accept();
  if (here !== undefined) return fail('WINDOW_TAKEN');
  const elsewhere = Object.values(state.windows).find((w) => w.staffId === c.staffId);
  if (elsewhere) {
    const number = config.windows.find((w) => w.id === elsewhere.id)?.number ?? elsewhere.id;
    return fail('STAFF_ELSEWHERE', { windowNumber: number });
  }
  return accept({ type: 'staff.signedIn', at: now, windowId: c.windowId, staffId: c.staffId });
}

export function decideSignOut(state: EngineState, c: CommandOf<'signOut'>, { now, config }: DecideContext): Decision {
  const def = windowDef(config, c.windowId);
  if (isError(def)) return refuse(def);
  const w = state.windows[c.windowId];
  if (w?.staffId === undefined) return fail('STAFF_NOT_SIGNED_IN');
  const current = w.currentTicketId === undefined ? undefined : state.tickets[w.currentTicketId];
  if (current) return fail('WINDOW_BUSY', { number: current.number });
  return accept({ type: 'staff.signedOut', at: now, windowId: c.windowId, staffId: w.staffId });
}

/**
 * A window left without its caller (the terminal was revoked) must not stay signed in: a terminal
 * paired there later would open as that person. The ticket being called or served there is held at
 * the window — never dropped, never handed to someone else unasked — and whoever signs in there
 * next resumes it (F11), or a manager transfers it.
 */
export function decideReleaseWindow(state: EngineState, c: CommandOf<'releaseWindow'>, { now, config }: DecideContext): Decision {
  const def = windowDef(config, c.windowId);
  if (isError(def)) return refuse(def);
  const w = state.windows[c.windowId];
  if (w?.staffId === undefined) return accept();
  const current = w.currentTicketId === undefined ? undefined : state.tickets[w.currentTicketId];
  const held: EngineEvent[] = current ? [{ type: 'ticket.held', at: now, ticketId: current.id, windowId: c.windowId, note: c.note }] : [];
  return accept(...held, { type: 'staff.signedOut', at: now, windowId: c.windowId, staffId: w.staffId });
}

export function decidePause(state: EngineState, c: CommandOf<'pause'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  if (w.state.status === 'paused') return fail('WINDOW_PAUSED');
  if (w.current) return fail('WINDOW_BUSY', { number: w.current.number });
  return accept({ type: 'window.paused', at: now, windowId: c.windowId, reason: c.reason, ...(c.note !== undefined && { note: c.note }) });
}

export function decideUnpause(state: EngineState, c: CommandOf<'unpause'>, { now, config }: DecideContext): Decision {
  const w = staffedWindow(state, c.windowId, config);
  if (isError(w)) return refuse(w);
  // Already open: nothing to do, and no reason to make the staff member read an error.
  if (w.state.status !== 'paused') return accept();
  return accept({ type: 'window.unpaused', at: now, windowId: c.windowId });
}

/**
 * Switches a tidal window to one queue for the rest of the day (tidal.ts). Only a window someone is
 * signed in at: a switch of an empty window would promise a queue help that nobody gives.
 */
export function decideAssignTidal(state: EngineState, c: CommandOf<'assignTidal'>, { now, config }: DecideContext): Decision {
  const def = windowDef(config, c.windowId);
  if (isError(def)) return refuse(def);
  if (def.kind !== 'tidal') return fail('NOT_TIDAL_WINDOW', { windowId: c.windowId });
  if (state.windows[c.windowId]?.staffId === undefined) return fail('TIDAL_WINDOW_CLOSED', { n: def.number });
  if (!config.categories.some((k) => k.id === c.categoryId)) return fail('UNKNOWN_CATEGORY', { categoryId: c.categoryId });
  const serving = windowCategories(state, def);
  if (serving.length === 1 && serving[0]!.categoryId === c.categoryId && serving[0]!.weight === TIDAL_WEIGHT) return accept();
  return accept({ type: 'window.assigned', at: now, windowId: c.windowId, categoryId: c.categoryId });
}

/** Puts a switched tidal window back to its configured categories (open or not: undoing is always allowed). */
export function decideRestoreTidal(state: EngineState, c: CommandOf<'restoreTidal'>, { now, config }: DecideContext): Decision {
  const def = windowDef(config, c.windowId);
  if (isError(def)) return refuse(def);
  if (def.kind !== 'tidal') return fail('NOT_TIDAL_WINDOW', { windowId: c.windowId });
  if (state.windows[c.windowId]?.assignedCategoryId === undefined) return accept();
  return accept({ type: 'window.restored', at: now, windowId: c.windowId });
}
