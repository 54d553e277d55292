// How the hub reaches one printer: over its own serial port or TCP (local-endpoint.ts), or through
// the print agent on the kiosk's PC (agent-endpoint.ts). The fleet treats both alike.
import type { FailReason, PrinterStatus } from '@yichuang/shared/printing';

export interface JobOutcome {
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
  print(bytes: Buffer, ticketNumber: string): Promise<JobOutcome>;
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

export function outcome(ok: boolean, status: PrinterStatus): JobOutcome {
  return ok ? { ok, status } : { ok, status, reason: reasonFor(status) };
}
