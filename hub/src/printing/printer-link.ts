// The wire to one printer: a serial port (serialport: path + baud rate) or a TCP socket (port 9100).
// Opened on demand and reopened after any failure; one operation at a time, so a status answer
// is never mistaken for the answer to another query. A wire that fails or is let go is closed, not
// just dropped: a serial port keeps its lock (flock) until it is closed, and a printer reopened on
// the same port (new settings, a replugged cable) must find it free.
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { SerialPort } from 'serialport';

/** An open wire: the byte stream, a wait until everything written has left the machine, and its close. */
export interface OpenWire {
  stream: Duplex;
  drain(): Promise<void>;
  /** Closes the wire and lets go of what it holds (a serial port's lock); never rejects. */
  close(): Promise<void>;
}

/** How to reach a printer, and how fast its line carries bytes. */
export interface Wire {
  open(): Promise<OpenWire>;
  /** Bytes a second on the line: a serial port's baud rate / 10 (8N1); for TCP, that of a 9600-baud serial device server. */
  bytesPerSecond: number;
}

export interface LinkTimeouts {
  /** A printer answers DLE EOT within milliseconds once the bytes before it have reached it. */
  queryMs: number;
  /** Writing a slip, beyond its bytes' own time on the line: a stalled line (flow control, a hung device server) fails. */
  writeMs: number;
}

const DEFAULT_TIMEOUTS: LinkTimeouts = { queryMs: 800, writeMs: 5000 };
/**
 * Time limits allow bytes twice their time on the line: a printer may read a little slower than the
 * line (flow control), and the bytes a PTY or a device server took at once still have to reach it.
 */
export const LINE_SLACK = 2;
/** Bits a byte takes on a serial line (8N1: start, 8 data, stop). */
const BITS_PER_BYTE = 10;
/** A TCP printer is taken to be no slower than a serial printer at 9600 baud behind a device server. */
const TCP_BYTES_PER_SECOND = 9600 / BITS_PER_BYTE;
const CONNECT_MS = 2000;
/** How long a close waits for the port to say it has closed. */
const CLOSE_WAIT_MS = 1000;

class LinkError extends Error {}

/** The time `bytes` take on a line of that speed, with LINE_SLACK. */
export function lineMs(bytes: number, bytesPerSecond: number): number {
  return Math.ceil((bytes / bytesPerSecond) * 1000 * LINE_SLACK);
}

export class PrinterLink {
  #wire: OpenWire | undefined;
  /** The last wire's close: a port is reopened only once it is closed (its lock released). */
  #closing: Promise<void> = Promise.resolve();
  #queue: Promise<unknown> = Promise.resolve();
  /** Bytes that arrive while a query waits; anything else a printer sends is dropped. */
  #onByte: ((b: number | undefined) => void) | undefined;
  /** Until then (performance.now()) bytes written may still be on their way to the printer. */
  #lineBusyUntil = 0;
  #closed = false;

  constructor(
    private readonly wire: Wire,
    private readonly timeouts: LinkTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** The time a slip of `bytes` may take on this link's line (LINE_SLACK included). */
  lineMs(bytes: number): number {
    return lineMs(bytes, this.wire.bytesPerSecond);
  }

  /** Writes and waits until the bytes have left (drain). Throws LinkError; the link reopens next time. */
  write(bytes: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      const wire = await this.#wireOrThrow();
      const onLine = this.lineMs(bytes.length);
      await this.#within(this.timeouts.writeMs + onLine, 'write', async () => {
        await new Promise<void>((resolve, reject) => wire.stream.write(bytes, (err) => (err ? reject(err) : resolve())));
        await wire.drain();
      });
      this.#lineBusyUntil = Math.max(this.#lineBusyUntil, performance.now()) + onLine;
    });
  }

  /**
   * Sends a query and resolves with the first byte that comes back, or undefined if none comes in
   * time (the bytes written before it are allowed their time on the line) or the wire fails meanwhile.
   */
  query(request: Uint8Array): Promise<number | undefined> {
    return this.#serial(async () => {
      const wire = await this.#wireOrThrow();
      const ms = this.timeouts.queryMs + Math.max(0, this.#lineBusyUntil - performance.now());
      return new Promise<number | undefined>((resolve, reject) => {
        const done = (b: number | undefined): void => {
          clearTimeout(timer);
          this.#onByte = undefined;
          resolve(b);
        };
        const timer = setTimeout(() => done(undefined), ms);
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

  /** Closes the wire (a serial port's lock is free when this resolves); the link opens nothing more. */
  async close(): Promise<void> {
    this.#closed = true;
    // The operation in progress ends first (each has its time limit): a slip is not cut off by a close.
    await this.#queue.catch(() => undefined);
    const wire = this.#wire;
    if (wire) this.#drop(wire);
    await this.#closing;
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #wireOrThrow(): Promise<OpenWire> {
    if (this.#closed) throw new LinkError('link closed');
    if (this.#wire) return this.#wire;
    await this.#closing;
    let wire: OpenWire;
    try {
      wire = await this.wire.open();
    } catch (err) {
      throw new LinkError((err as Error).message);
    }
    if (this.#closed) {
      await wire.close();
      throw new LinkError('link closed');
    }
    const { stream } = wire;
    stream.on('data', (chunk: Buffer) => {
      for (const b of chunk) this.#onByte?.(b);
    });
    // A wire that fails or closes is let go; the next operation opens a fresh one.
    stream.on('error', () => this.#drop(wire));
    stream.on('close', () => this.#drop(wire));
    this.#wire = wire;
    this.#lineBusyUntil = 0;
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
    if (this.#wire !== wire) return;
    this.#wire = undefined;
    // A query waiting for its answer has none coming.
    this.#onByte?.(undefined);
    wire.stream.removeAllListeners('data');
    wire.stream.on('error', () => undefined); // late errors of a dropped wire must not crash the process
    this.#closing = this.#closing.then(() => wire.close());
  }
}

/** Settles when `closed` does, or after CLOSE_WAIT_MS: a port that never says so does not hold anyone up. */
function bounded(closed: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]).finally(() => clearTimeout(timer));
}

export function serialWire(path: string, baudRate: number): Wire {
  return {
    bytesPerSecond: baudRate / BITS_PER_BYTE,
    open: () =>
      new Promise((resolve, reject) => {
        const port = new SerialPort({ path, baudRate, autoOpen: false });
        port.open((err) => {
          if (err) {
            reject(err);
            return;
          }
          resolve({
            stream: port,
            drain: () => new Promise((ok, fail) => port.drain((e) => (e ? fail(e) : ok()))),
            close: () => bounded(closeSerial(port)),
          });
        });
      }),
  };
}

/** Closes the port (releasing its lock), or waits for the close serialport began itself (a port that failed). */
function closeSerial(port: SerialPort): Promise<void> {
  return new Promise<void>((resolve) => {
    const finish = (): void => {
      port.destroy();
      resolve();
    };
    if (port.closing) port.once('close', finish);
    else if (port.isOpen) port.close(() => finish());
    else finish();
  });
}

export function tcpWire(host: string, port: number): Wire {
  return {
    bytesPerSecond: TCP_BYTES_PER_SECOND,
    open: () =>
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
          resolve({
            stream: socket,
            // A written chunk's callback runs once the kernel has it: that is the TCP "drain".
            drain: () => Promise.resolve(),
            close: () => {
              socket.destroy();
              return Promise.resolve();
            },
          });
        });
      }),
  };
}
