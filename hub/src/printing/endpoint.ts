// How the hub reaches one printer: over its own serial port or TCP (local-endpoint.ts), or through
// the print agent on the kiosk's PC (agent-endpoint.ts). The fleet treats both alike.
import type { FailReason, PrinterStatus } from '@yichuang/shared/printing';

/** One slip to print. Its id is the same on every try of that slip (design.md §6, print jobs). */
export interface PrintJob {
  id: string;
  ticketNumber: string;
  bytes: Buffer;
}

export interface JobOutcome {
  /** Printed: the printer confirmed after the slip's last byte. */
  ok: boolean;
  status: PrinterStatus;
  reason?: FailReason;
}

export interface StatusReport {
  status: PrinterStatus;
  /** Where the printer is, when the endpoint learns it (an agent reports its port). */
  where?: string;
}

export interface PrinterEndpoint {
  /** Prints one slip; never throws. */
  print(job: PrintJob): Promise<JobOutcome>;
  /** How long a slip of `bytes` may take on the printer's line: time limits follow it. */
  lineMs(bytes: number): number;
  close(): Promise<void>;
}

/** Why a slip was not printed, from the printer's status after the attempt. */
export function reasonFor(status: PrinterStatus): FailReason {
  switch (status) {
    case 'paper-out':
    case 'cover-open':
    case 'error':
      return status;
    default:
      return 'offline';
  }
}

/** `sent`: bytes of the slip went out, so a printer gone silent after them left the slip interrupted. */
export function outcome(ok: boolean, status: PrinterStatus, sent = false): JobOutcome {
  if (ok) return { ok, status };
  return { ok, status, reason: sent && status === 'offline' ? 'interrupted' : reasonFor(status) };
}
