// Ticket printers and print agents (issue 10): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { z } from 'zod';
import type { TicketView } from './domain.js';
import type { AckFn, AppError } from './errors.js';
import type { PRINTING_ERRORS } from './printing-errors.js';
import type { PrinterStatus } from './lists.js';
import type * as P from './printing-schemas.js';

export { PAPER_WIDTHS, PRINTER_STATUSES, type PaperWidth, type PrinterStatus } from './lists.js';

/** A status found by asking the printer. */
export type ObservedStatus = Exclude<PrinterStatus, 'unknown'>;

/** Statuses in which a slip can be printed. */
export const PRINTABLE: readonly PrinterStatus[] = ['ready', 'paper-near-end'];
/** Statuses in which a slip is worth trying: printable, or not known yet (the attempt asks first). */
export const WORTH_TRYING: readonly PrinterStatus[] = [...PRINTABLE, 'unknown'];

/** How the hub reaches a kiosk's printer. */
export type PrinterConnection = z.output<typeof P.printerConnection>;
export type PrinterConfig = z.output<typeof P.printerConfig>;
/** The slip's layout, one per hall. */
export type TicketLayout = z.output<typeof P.ticketLayout>;

export interface PrintingSettings {
  layout: TicketLayout;
  printers: PrinterConfig[];
}

/** Characters of the layout's header or footer that a GBK printer cannot print (they come out as '?'). */
export interface LayoutWarning {
  field: 'header' | 'footer';
  chars: string[];
}

/** The settings as managers see them, with the kiosks a printer can be given to. */
export interface PrintingSettingsView extends PrintingSettings {
  kiosks: { id: string; name: string }[];
  /** What of the layout the printers cannot print; empty when all of it prints. */
  layoutWarnings: LayoutWarning[];
}

export interface PrinterState {
  printerId: string;
  kioskId: string;
  name: string;
  connection: PrinterConnection['kind'];
  /** Where it is: '/dev/ttyUSB0 @ 9600', '192.168.1.50:9100', or the agent's port. */
  where: string;
  enabled: boolean;
  status: PrinterStatus;
  /** When the status last changed. */
  since: number;
  /** Slips waiting for this printer. */
  queued: number;
  /** An agent printer: whether its agent is connected. */
  agentConnected?: boolean;
}

/** Why a slip was not printed; stored in the journal's ticket.printed event. */
export const FAIL_REASONS = ['no-printer', 'paper-out', 'cover-open', 'offline', 'error', 'timeout', 'agent-offline', 'interrupted'] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

/** What became of a kiosk ticket's slip; the kiosk shows an e-ticket unless it was printed. */
export interface PrintResult {
  status: 'printed' | 'unprinted';
  /** The printer that printed or tried to. */
  printerId?: string;
  /** Why it was not printed, in Chinese and English. */
  reason?: AppError;
  /** The ticket's live page: the QR code on the slip and on the kiosk's screen. */
  pageUrl: string;
}

/** A ticket of today whose slip failed, for reprinting. */
export interface UnprintedTicket {
  ticket: TicketView;
  printerId: string;
  reason?: FailReason;
  at: number;
}

/** A slip sent to a print agent. */
export interface AgentJob {
  jobId: string;
  ticketNumber: string;
  data: Uint8Array;
}

/** What the agent's printer did with a job, and its status afterwards. */
export interface AgentJobResult {
  /** Printed: the printer confirmed after the slip's last byte. */
  ok: boolean;
  status: ObservedStatus;
  /** Bytes of the slip went out (a failure after that is an interrupted slip); absent from older agents. */
  sent?: boolean;
}

/** What became of a job, as a print agent remembers it and reports it when it reconnects. */
export type AgentOutcome = z.output<typeof P.agentOutcome>;

export interface PrintingCommands {
  /** States of the printers this device may see: a kiosk its own, staff and managers all. */
  'printer:status': (p: P.PrintingQueryInput, ack: AckFn<PrinterState[]>) => void;
  /** Today's tickets whose slip failed. */
  'printer:unprinted': (p: P.PrintingQueryInput, ack: AckFn<UnprintedTicket[]>) => void;
  'printer:settings': (p: P.PrintingQueryInput, ack: AckFn<PrintingSettingsView>) => void;
  'printer:save': (p: P.SavePrinterInput, ack: AckFn<PrintingSettingsView>) => void;
  'printer:remove': (p: P.RemovePrinterInput, ack: AckFn<PrintingSettingsView>) => void;
  'printer:layout': (p: P.SaveLayoutInput, ack: AckFn<PrintingSettingsView>) => void;
  /** Prints a ticket's slip again, with the same number, on its kiosk's printer or a chosen one. */
  'ticket:reprint': (p: P.ReprintTicketInput, ack: AckFn<PrintResult>) => void;
  /** A print agent reports its printer's status. */
  'agent:state': (p: P.AgentStateInput, ack: AckFn<{ printerId: string }>) => void;
  /** A print agent, as it (re)connects, reports the outcomes of jobs it could not report at the time; the answer names those dealt with. */
  'agent:settle': (p: P.AgentSettleInput, ack: AckFn<{ settled: string[] }>) => void;
}

export interface PrintingBroadcasts {
  /** A printer's status changed; sent to managers, window staff and the printer's own kiosk. */
  'printer:changed': (s: PrinterState) => void;
  /** Hub → print agent: print this slip and answer how it went. */
  'agent:print': (job: AgentJob, ack: (r: AgentJobResult) => void) => void;
}


/** The error shown for each reason a slip was not printed. */
export const FAIL_REASON_ERRORS = {
  'no-printer': 'PRINTER_NONE',
  'paper-out': 'PRINTER_PAPER_OUT',
  'cover-open': 'PRINTER_COVER_OPEN',
  offline: 'PRINTER_OFFLINE',
  error: 'PRINTER_FAULT',
  timeout: 'PRINTER_TIMEOUT',
  'agent-offline': 'PRINTER_AGENT_OFFLINE',
  interrupted: 'PRINTER_INTERRUPTED',
} as const satisfies Record<FailReason, keyof typeof PRINTING_ERRORS>;

