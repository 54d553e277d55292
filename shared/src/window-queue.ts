// A window's queue as its caller lists it and `GET /api/windows/:id/queue` answers: the waiting tickets
// in the order that window's calls-next would take them (the engine's own order, hub/src/engine/ordering.ts).
// Open to the LAN like /api/windows, so no personal data: no masked identity, no ticket id.
import type { PriorityClass, ServiceDay } from './domain.js';
import type { CaseStep, Rating } from './ratings.js';

export interface WindowQueueEntry {
  number: string;
  categoryId: string;
  priority: PriorityClass;
  issuedAt: number;
  /** Sent to this window by name, or resumed here: called before the rest. */
  targeted: boolean;
}

/**
 * A bad-rating case (差评工单) concerning a window or the staff member signed in there, as that window's
 * caller shows it: which visit, how far the case has come and whether it is late; no citizen's data
 * (no contact, no reasons or words), which stay with managers.
 */
export interface WindowCase {
  id: string;
  ticketNumber: string;
  level: Rating['level'];
  openedAt: number;
  /** The step done last; 'opened' before verification. */
  reached: 'opened' | CaseStep;
  /** The step to do next; null once closed. */
  next: CaseStep | null;
  /** The last day for the next step, if it has a deadline. */
  dueBy?: ServiceDay;
  overdue: boolean;
}

/** Unsequenced notices to a window's own devices. */
export interface WindowBroadcasts {
  /** A bad-rating case concerning this window or its staff member opened or moved on: ask 'window:cases'. */
  'window:casesChanged': (e: { windowId: string }) => void;
}
