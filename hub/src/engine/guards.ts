// Checks shared by the command handlers. Each returns what it found, or the DomainError to answer.
import type { HallConfig, ServiceWindow, Ticket, TicketState, WindowState } from '@yichuang/shared/domain';
import type { ErrorCode, ErrorParams } from '@yichuang/shared/errors';
import { serves } from './tidal.js';
import type { Command, Decision, DomainError, EngineEvent, EngineState } from './types.js';

export type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

export const accept = (...events: EngineEvent[]): Decision => ({ ok: true, events });

export const refuse = (error: DomainError): Decision => ({ ok: false, error });

export const fail = (code: ErrorCode, params?: ErrorParams): Decision => refuse(params ? { code, params } : { code });

export function isError(x: object): x is DomainError {
  return 'code' in x;
}

/** A window with someone signed in (open or paused). */
export interface StaffedWindow {
  state: WindowState;
  staffId: string;
  current: Ticket | undefined;
}

export function windowDef(config: HallConfig, windowId: string): ServiceWindow | DomainError {
  return config.windows.find((w) => w.id === windowId) ?? { code: 'UNKNOWN_WINDOW', params: { windowId } };
}

export function staffedWindow(state: EngineState, windowId: string, config: HallConfig): StaffedWindow | DomainError {
  const def = windowDef(config, windowId);
  if (isError(def)) return def;
  const w = state.windows[windowId];
  if (!w || w.status === 'closed' || w.staffId === undefined) return { code: 'WINDOW_CLOSED' };
  const current = w.currentTicketId === undefined ? undefined : state.tickets[w.currentTicketId];
  return { state: w, staffId: w.staffId, current };
}

/** A call needs a window that is neither paused nor still busy with a ticket. */
export function readyToCall(w: StaffedWindow): DomainError | undefined {
  if (w.state.status === 'paused') return { code: 'WINDOW_PAUSED' };
  if (w.current) return { code: 'WINDOW_BUSY', params: { number: w.current.number } };
  return undefined;
}

/** The window's current ticket, which must be in one of `states`. */
export function currentIn(w: StaffedWindow, ...states: TicketState[]): Ticket | DomainError {
  if (!w.current) return { code: 'NO_CURRENT_TICKET' };
  return states.includes(w.current.state) ? w.current : wrongState(w.current);
}

export function ticketByNumber(state: EngineState, number: string): Ticket | DomainError {
  const id = state.byNumber[number];
  const t = id === undefined ? undefined : state.tickets[id];
  return t ?? { code: 'UNKNOWN_TICKET', params: { number } };
}

/**
 * Which tickets a window may act on by number (call, cancel, re-queue): a window works its own
 * queues. Its own are tickets of a category it serves (its configured categories; a tidal window's
 * are those it is switched to now, see tidal.ts), tickets sent to it by name (a transfer to it,
 * or resumed after a hold there), and tickets last at it (on hold there, or passed there: 过号).
 * The commands' states narrow it further: a call takes a waiting ticket, a re-queue a no-show.
 * Anything else is NOT_SERVED_HERE unless a manager or an admin at the console overrides it
 * (`override`, set by the service layer). Without a window and without an override, nothing is its own.
 */
export function notServedHere(state: EngineState, config: HallConfig, c: { windowId?: string; override?: boolean }, t: Ticket): DomainError | undefined {
  if (c.override) return undefined;
  const w = c.windowId;
  const own = w !== undefined && (t.targetWindowId === w || t.windowId === w || serves(state, config, w, t.categoryId));
  return own ? undefined : { code: 'NOT_SERVED_HERE', params: { number: t.number } };
}

export function wrongState(t: Ticket): DomainError {
  return { code: 'WRONG_STATE', params: { number: t.number, state: t.state } };
}

export const isBlank = (note: string | undefined): boolean => !note?.trim();
