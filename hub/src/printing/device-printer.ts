// One printer at the end of a link, as the hub (local printers) and the print agent (kiosk PCs)
// both drive it: ask its status (DLE EOT), print only when it is ready, and count the slip printed
// only when the printer confirms after its last byte (design.md §6).
import { setTimeout as sleep } from 'node:timers/promises';
import { PRINTABLE, type ObservedStatus } from '@yichuang/shared/printing';
import { statusFrom, statusQuery } from './escpos.js';
import type { PrinterLink } from './printer-link.js';

export interface PrintOutcome {
  /** Printed: every byte went out and the printer then answered DLE EOT with no fault. */
  ok: boolean;
  /** The printer's status after the attempt (offline: no answer). */
  status: ObservedStatus;
  /** Bytes of the slip may have reached the printer: a failure after that may have left part of a slip. */
  sent: boolean;
}

export interface DevicePrinterOptions {
  /** Ask DLE EOT; off for printers that never answer (then a wire that opens counts as ready). */
  statusQueries: boolean;
  /** Attempts after the first when the printer does not answer before the slip (a TCP printer that dropped the connection, a replugged USB adapter). */
  retries: number;
}

const RETRY_PAUSE_MS = 200;

export class DevicePrinter {
  constructor(
    private readonly link: PrinterLink,
    private readonly options: DevicePrinterOptions,
  ) {}

  /** The time a slip of `bytes` may take on the line (its time limits follow it). */
  lineMs(bytes: number): number {
    return this.link.lineMs(bytes);
  }

  /** DLE EOT 1 (printer), 2 (offline cause), 4 (paper sensor); offline when one goes unanswered. */
  async status(): Promise<ObservedStatus> {
    try {
      if (!this.options.statusQueries) {
        await this.link.write(new Uint8Array(0)); // opens the wire if it can
        return 'ready';
      }
      const printer = await this.link.query(statusQuery(1));
      if (printer === undefined) return 'offline';
      const cause = await this.link.query(statusQuery(2));
      if (cause === undefined) return 'offline';
      return statusFrom(printer, cause, await this.link.query(statusQuery(4)));
    } catch {
      return 'offline';
    }
  }

  /**
   * Prints one slip. Nothing is sent to a printer that is not ready (it would print the slip
   * whenever it recovers, long after the citizen left with an e-ticket). Once bytes have gone out
   * nothing is sent again (the printer may have part of the slip), and the slip is printed only if
   * the printer then answers with no fault: a link that went, a printer that does not answer, paper
   * that ran out or a cover opened mean not printed, so the kiosk gives the e-ticket and staff can reprint.
   * A printer that cannot answer status queries is taken as printed once every byte has left.
   */
  async print(bytes: Uint8Array): Promise<PrintOutcome> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.status();
      if (before === 'offline' && attempt < this.options.retries) {
        await sleep(RETRY_PAUSE_MS);
        continue;
      }
      if (!PRINTABLE.includes(before)) return { ok: false, status: before, sent: false };
      try {
        await this.link.write(bytes);
      } catch {
        return { ok: false, status: 'offline', sent: true };
      }
      if (!this.options.statusQueries) return { ok: true, status: 'ready', sent: true };
      const after = await this.status();
      return { ok: PRINTABLE.includes(after), status: after, sent: true };
    }
  }

  close(): Promise<void> {
    return this.link.close();
  }
}
