// What the hub's engine and views and the screens must agree on about tickets, defined once.
import type { Outcome, TicketState } from './lists.js';

/** A ticket number: prefix letter(s) and digits, e.g. A023; as a pattern for ids that embed one. */
export const TICKET_NUMBER_PATTERN = '[A-Z]{1,2}\\d{3,4}';
export const TICKET_NUMBER = new RegExp(`^${TICKET_NUMBER_PATTERN}$`);

/** Ticket states that stay in HallSnapshot.tickets; any other state removes the ticket. */
export const OPEN_TICKET_STATES: ReadonlySet<TicketState> = new Set<TicketState>(['waiting', 'called', 'serving', 'on-hold']);

/** 不予受理 and 材料不全 must tell the citizen why, so they need a note. */
export const NEEDS_NOTE: ReadonlySet<Outcome> = new Set<Outcome>(['refused', 'incomplete']);

/** Calls a snapshot carries in HallSnapshot.recentCalls, latest first. */
export const RECENT_CALLS_CAP = 20;

/** 办件编号: the business system's case number, an..50 (ASCII letters, digits, - and _), typed or scanned from the 受理通知书's barcode. */
export const CASE_NUMBER = /^[A-Za-z0-9_-]{1,50}$/;
