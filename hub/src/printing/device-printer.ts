// One printer at the end of a link, as the hub (local printers) and the print agent (kiosk PCs)
// both drive it: ask its status (DLE EOT), print only when it is ready, check again afterwards.
import { setTimeout as sleep } from 'node:timers/promises';
import { PRINTABLE, type ObservedStatus } from '@yichuang/shared/printing';
import { statusFrom, statusQuery } from './escpos.js';
import type { PrinterLink } from './printer-link.js';

export interface PrintOutcome {
  ok: boolean;
  /** The printer's status after the attempt. */
  status: ObservedStatus;
}

export interface DevicePrinterOptions {
  /** Ask DLE EOT; off for printers that never answer (then a wire that opens counts as ready). */
  statusQueries: boolean;
  /** Attempts after the first when the wire fails (a TCP printer that dropped the connection, a replugged USB adapter). */
  retries: number;
}

const RETRY_PAUSE_MS = 200;

export class DevicePrinter {
  constructor(
    private readonly link: PrinterLink,
    private readonly options: DevicePrinterOptions,
  ) {}

  /** Offline cause (DLE EOT 2), then the paper sensor (DLE EOT 4); offline when it does not answer. */
  async status(): Promise<ObservedStatus> {
    try {
      if (!this.options.statusQueries) {
        await this.link.write(new Uint8Array(0)); // opens the wire if it can
        return 'ready';
      }
      const cause = await this.link.query(statusQuery(2));
      if (cause === undefined) return 'offline';
      return statusFrom(cause, await this.link.query(statusQuery(4)));
    } catch {
      return 'offline';
    }
  }

  /**
   * Prints one slip. Nothing is sent to a printer that is not ready (it would print the slip
   * whenever it recovers, long after the citizen left with an e-ticket). A slip during which the
   * paper ran out or the cover opened counts as not printed, so staff can reprint it.
   */
  async print(bytes: Uint8Array): Promise<PrintOutcome> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.status();
      const retry = attempt < this.options.retries;
      if (before === 'offline' && retry) {
        await sleep(RETRY_PAUSE_MS);
        continue;
      }
      if (!PRINTABLE.includes(before)) return { ok: false, status: before };
      try {
        await this.link.write(bytes);
      } catch {
        if (retry) {
          await sleep(RETRY_PAUSE_MS);
          continue;
        }
        return { ok: false, status: 'offline' };
      }
      const after = await this.status();
      return { ok: after !== 'paper-out' && after !== 'cover-open', status: after };
    }
  }

  close(): Promise<void> {
    return this.link.close();
  }
}
