// The wire to one printer: a serial port (serialport: path + baud rate) or a TCP socket (port 9100).
// Opened on demand and reopened after any failure; one operation at a time, so a status answer
// is never mistaken for the answer to another query.
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { SerialPort } from 'serialport';

/** An open wire: the byte stream, and a wait until everything written has left the machine. */
export interface OpenWire {
  stream: Duplex;
  drain(): Promise<void>;
}

export type WireOpener = () => Promise<OpenWire>;

export interface LinkTimeouts {
  /** A printer answers DLE EOT within milliseconds; no answer by then means it is not there. */
  queryMs: number;
  /** Writing a slip: ~0.3 s at 9600 baud; a stalled line (flow control, a hung device server) fails. */
  writeMs: number;
}

const DEFAULT_TIMEOUTS: LinkTimeouts = { queryMs: 800, writeMs: 5000 };
const CONNECT_MS = 2000;
/** How long close() waits for the port to say it has closed. */
const CLOSE_WAIT_MS = 1000;

class LinkError extends Error {}

export class PrinterLink {
  #wire: OpenWire | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  /** Bytes that arrive while a query waits; anything else a printer sends is dropped. */
  #onByte: ((b: number) => void) | undefined;
  #closed = false;

  constructor(
    private readonly open: WireOpener,
    private readonly timeouts: LinkTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** Writes and waits until the bytes have left (drain). Throws LinkError; the link reopens next time. */
  write(bytes: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      const wire = await this.#wireOrThrow();
      await this.#within(this.timeouts.writeMs, 'write', async () => {
        await new Promise<void>((resolve, reject) => wire.stream.write(bytes, (err) => (err ? reject(err) : resolve())));
        await wire.drain();
      });
    });
  }

  /** Sends a query and resolves with the first byte that comes back, or undefined if none comes in time. */
  query(request: Uint8Array): Promise<number | undefined> {
    return this.#serial(async () => {
      const wire = await this.#wireOrThrow();
      return new Promise<number | undefined>((resolve, reject) => {
        const done = (b: number | undefined): void => {
          clearTimeout(timer);
          this.#onByte = undefined;
          resolve(b);
        };
        const timer = setTimeout(() => done(undefined), this.timeouts.queryMs);
        this.#onByte = done;
        wire.stream.write(request, (err) => {
          if (!err) return;
          clearTimeout(timer);
          this.#onByte = undefined;
          this.#drop(wire);
          reject(new LinkError(err.message));
        });
      });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.catch(() => undefined);
    const wire = this.#wire;
    if (!wire) return;
    const closed = new Promise<void>((resolve) => {
      if (wire.stream.closed) resolve();
      else wire.stream.once('close', () => resolve());
    });
    this.#drop(wire);
    // A serial port's lock is released only once it has closed: a printer reopened right after
    // (new settings) must find it free. A stream that never says so does not hold the hub up.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #wireOrThrow(): Promise<OpenWire> {
    if (this.#closed) throw new LinkError('link closed');
    if (this.#wire) return this.#wire;
    let wire: OpenWire;
    try {
      wire = await this.open();
    } catch (err) {
      throw new LinkError((err as Error).message);
    }
    const { stream } = wire;
    stream.on('data', (chunk: Buffer) => {
      for (const b of chunk) this.#onByte?.(b);
    });
    // A wire that fails or closes is dropped; the next operation opens a fresh one.
    stream.on('error', () => this.#drop(wire));
    stream.on('close', () => this.#drop(wire));
    this.#wire = wire;
    return wire;
  }

  async #within<T>(ms: number, what: string, op: () => Promise<T>): Promise<T> {
    const wire = this.#wire;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkError(`${what} timed out after ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([op(), timeout]);
    } catch (err) {
      if (wire) this.#drop(wire);
      throw err instanceof LinkError ? err : new LinkError((err as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  #drop(wire: OpenWire): void {
    if (this.#wire === wire) this.#wire = undefined;
    wire.stream.removeAllListeners('data');
    wire.stream.on('error', () => undefined); // late errors of a dropped wire must not crash the process
    wire.stream.destroy();
  }
}

export function serialWire(path: string, baudRate: number): WireOpener {
  return () =>
    new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((err) => {
        if (err) {
          reject(err);
          return;
        }
        resolve({ stream: port, drain: () => new Promise((ok, fail) => port.drain((e) => (e ? fail(e) : ok()))) });
      });
    });
}

export function tcpWire(host: string, port: number): WireOpener {
  return () =>
    new Promise((resolve, reject) => {
      const socket: Socket = connect({ host, port });
      const fail = (err: Error): void => {
        socket.destroy();
        reject(err);
      };
      socket.setTimeout(CONNECT_MS, () => fail(new Error(`no connection to ${host}:${port} within ${CONNECT_MS} ms`)));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.setTimeout(0);
        socket.off('error', fail);
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 10_000);
        // A written chunk's callback runs once the kernel has it: that is the TCP "drain".
        resolve({ stream: socket, drain: () => Promise.resolve() });
      });
    });
}
