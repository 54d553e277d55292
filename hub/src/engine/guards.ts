// Checks shared by the command handlers. Each returns what it found, or the DomainError to answer.
import type { HallConfig, ServiceWindow, Ticket, TicketState, WindowState } from '@yichuang/shared/domain';
import type { ErrorCode, ErrorParams } from '@yichuang/shared/errors';
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

export function wrongState(t: Ticket): DomainError {
  return { code: 'WRONG_STATE', params: { number: t.number, state: t.state } };
}

export const isBlank = (note: string | undefined): boolean => !note?.trim();
