// A printer in software, for tests and development: it reads what it is sent (EscPosDecoder),
// answers DLE EOT as a printer in a chosen state, and prints nothing while it has no paper. It can
// be scripted to misbehave as real printers and cables do: answer DLE EOT with chosen bytes, read
// slowly (a slow mechanism behind flow control), or drop the link after so many bytes (a cable
// pulled, a USB adapter gone, a network printer switched off mid-slip).
import { EventEmitter } from 'node:events';
import { PRINTABLE, type ObservedStatus } from '@yichuang/shared/printing';
import {
  COVER_OPEN,
  CUTTER_ERROR,
  ERROR_OCCURRED,
  NEAR_END,
  OFFLINE_BIT,
  PAPER_END,
  PAPER_END_STOP,
} from './escpos.js';
import { EscPosDecoder, type DecodedItem, type Slip } from './escpos-decoder.js';

/** What a powered printer can report; `offline` is a printer that does not answer (see `silent`). */
export type VirtualState = Exclude<ObservedStatus, 'offline'>;

const BASE = 0x12;
/** A slow printer takes its bytes in small steps this often. */
const READ_TICK_MS = 10;

/** The answer to DLE EOT n of a printer in this state. */
export function statusByte(state: VirtualState, n: number): number {
  switch (n) {
    case 1:
      return BASE | (PRINTABLE.includes(state) ? 0 : OFFLINE_BIT);
    case 2:
      return BASE | (state === 'cover-open' ? COVER_OPEN : 0) | (state === 'paper-out' ? PAPER_END_STOP : 0) | (state === 'error' ? ERROR_OCCURRED : 0);
    case 3:
      return BASE | (state === 'error' ? CUTTER_ERROR : 0);
    default:
      return BASE | (state === 'paper-near-end' || state === 'paper-out' ? NEAR_END : 0) | (state === 'paper-out' ? PAPER_END : 0);
  }
}

/** Anything the printer is wired to: a serial port, a PTY, a TCP socket. */
export interface PrinterWire {
  write(bytes: Buffer): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer) => void): unknown;
}

export class VirtualPrinter {
  state: VirtualState = 'ready';
  /** Answers no status query: a printer switched off, unplugged or hung. */
  silent = false;
  /** Raw answers to DLE EOT n that override the state's (a fault bit the state has no name for, say). */
  answers: Partial<Record<1 | 2 | 3 | 4, number>> = {};
  /** Reads at most this many bytes a second (status queries wait their turn behind the slip); unset: at once. */
  bytesPerSecond: number | undefined;
  readonly decoder = new EscPosDecoder();
  /** Status queries received (DLE EOT n), in order. */
  readonly queries: number[] = [];
  /** Bytes read so far, on every wire. */
  received = 0;
  /** Called as a slip is cut, before the next byte is read (to change the printer's state right there). */
  onCut: (() => void) | undefined;
  readonly #events = new EventEmitter();
  #wire: PrinterWire | undefined;
  #drop: (() => void) | undefined;
  /** The link goes down once `received` reaches this. */
  #dropAt: number | undefined;
  #backlog: Buffer[] = [];
  #reader: ReturnType<typeof setInterval> | undefined;

  /** Answers held back (hold()), sent on release. */
  #held: Buffer[] | undefined;

  constructor() {
    this.decoder.onStatusQuery = (n) => {
      this.queries.push(n);
      if (!this.silent) this.#answer(Buffer.from([this.answers[n as 1 | 2 | 3 | 4] ?? statusByte(this.state, n)]));
      this.#events.emit('query', n);
    };
    this.decoder.onItem = (item: DecodedItem) => {
      if (item.kind !== 'cut') return;
      this.onCut?.();
      this.#events.emit('slip');
    };
  }

  /**
   * Connects the printer to a wire; returns the function that disconnects it. `drop` takes the
   * link down from the printer's side (closes the socket, ends the PTY), for `dropAfter`.
   */
  attach(wire: PrinterWire, drop?: () => void): () => void {
    const onData = (chunk: Buffer): void => this.receive(chunk);
    this.#wire = wire;
    this.#drop = drop;
    wire.on('data', onData);
    return () => {
      wire.off('data', onData);
      if (this.#wire === wire) {
        this.#wire = undefined;
        this.#drop = undefined;
      }
    };
  }

  /** Holds its answers to status queries back (a printer busy for a moment); the function returned sends them. */
  hold(): () => void {
    this.#held ??= [];
    return () => {
      const held = this.#held ?? [];
      this.#held = undefined;
      for (const answer of held) this.#answer(answer);
    };
  }

  /** Takes the link down once `n` more bytes have been read: the slip is cut off there. */
  dropAfter(n: number): Promise<void> {
    this.#dropAt = this.received + n;
    return new Promise((resolve) => this.#events.once('dropped', () => resolve()));
  }

  receive(chunk: Buffer): void {
    if (this.bytesPerSecond === undefined && this.#backlog.length === 0) {
      this.#read(chunk);
      return;
    }
    this.#backlog.push(chunk);
    this.#reader ??= setInterval(() => this.#readSlowly(), READ_TICK_MS);
  }

  slips(): Slip[] {
    return this.decoder.slips();
  }

  /** Resolves once `count` slips have been cut. */
  waitForSlips(count: number, timeoutMs = 5000): Promise<Slip[]> {
    return this.#waitFor('slip', () => this.slips().length >= count, timeoutMs, `${count} slip(s)`).then(() => this.slips());
  }

  /** Resolves at the next status query. */
  nextQuery(timeoutMs = 5000): Promise<void> {
    const seen = this.queries.length;
    return this.#waitFor('query', () => this.queries.length > seen, timeoutMs, 'a status query');
  }

  /** Stops reading slowly (what is still waiting is dropped). */
  stop(): void {
    clearInterval(this.#reader);
    this.#reader = undefined;
    this.#backlog = [];
  }

  #answer(bytes: Buffer): void {
    if (this.#held) this.#held.push(bytes);
    else this.#wire?.write(bytes);
  }

  #readSlowly(): void {
    let budget = this.bytesPerSecond === undefined ? Infinity : Math.max(1, Math.round((this.bytesPerSecond * READ_TICK_MS) / 1000));
    while (budget > 0 && this.#backlog.length > 0) {
      const chunk = this.#backlog[0]!;
      const take = chunk.subarray(0, budget);
      if (take.length === chunk.length) this.#backlog.shift();
      else this.#backlog[0] = chunk.subarray(take.length);
      budget -= take.length;
      this.#read(take);
    }
    if (this.#backlog.length === 0) this.stop();
  }

  #read(chunk: Buffer): void {
    if (this.#dropAt !== undefined) {
      const room = this.#dropAt - this.received;
      if (room <= chunk.length) {
        this.#process(chunk.subarray(0, room));
        this.#dropAt = undefined;
        this.#backlog = [];
        this.#drop?.();
        this.#events.emit('dropped');
        return;
      }
    }
    this.#process(chunk);
  }

  #process(chunk: Buffer): void {
    this.received += chunk.length;
    this.decoder.discarding = !PRINTABLE.includes(this.state);
    this.decoder.push(chunk);
  }

  #waitFor(event: 'slip' | 'query', done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.#events.off(event, check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#events.off(event, check);
        reject(new Error(`virtual printer: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#events.on(event, check);
    });
  }
}
