// A printer the hub drives itself: a serial port on the hub's machine, or TCP (port 9100).
// Its status is polled (DLE EOT) so the console and the kiosk know before anyone takes a number.
import type { PrinterConfig, PrinterConnection } from '@yichuang/shared/printing';
import { DevicePrinter } from './device-printer.js';
import { outcome, type JobOutcome, type PrinterEndpoint, type PrintJob, type StatusReport } from './endpoint.js';
import { PrinterLink, serialWire, tcpWire } from './printer-link.js';

type LocalConnection = Exclude<PrinterConnection, { kind: 'agent' }>;

export function describeConnection(c: LocalConnection): string {
  return c.kind === 'serial' ? `${c.path} @ ${c.baudRate}` : `${c.host}:${c.port}`;
}

export class LocalEndpoint implements PrinterEndpoint {
  readonly #printer: DevicePrinter;
  readonly #timer: ReturnType<typeof setInterval>;
  #printing = 0;
  #closed = false;

  constructor(
    config: PrinterConfig & { connection: LocalConnection },
    private readonly report: (r: StatusReport) => void,
    pollMs: number,
  ) {
    const c = config.connection;
    const wire = c.kind === 'serial' ? serialWire(c.path, c.baudRate) : tcpWire(c.host, c.port);
    this.#printer = new DevicePrinter(new PrinterLink(wire), { statusQueries: config.statusQueries, retries: 1 });
    this.#timer = setInterval(() => void this.poll(), pollMs);
    this.#timer.unref();
    void this.poll();
  }

  async poll(): Promise<void> {
    if (this.#printing > 0) return; // a print reports the status itself
    const status = await this.#printer.status();
    if (!this.#closed) this.report({ status });
  }

  lineMs(bytes: number): number {
    return this.#printer.lineMs(bytes);
  }

  async print(job: PrintJob): Promise<JobOutcome> {
    this.#printing++;
    try {
      const result = await this.#printer.print(job.bytes);
      this.report({ status: result.status });
      return outcome(result.ok, result.status, result.sent);
    } finally {
      this.#printing--;
    }
  }

  close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    return this.#printer.close();
  }
}
