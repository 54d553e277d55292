// A printer in software, for tests and development: it reads what it is sent (EscPosDecoder),
// answers DLE EOT as a printer in a chosen state, and prints nothing while it has no paper.
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
  readonly decoder = new EscPosDecoder();
  /** Status queries received (DLE EOT n), in order. */
  readonly queries: number[] = [];
  readonly #events = new EventEmitter();
  #wire: PrinterWire | undefined;

  constructor() {
    this.decoder.onStatusQuery = (n) => {
      this.queries.push(n);
      if (!this.silent) this.#wire?.write(Buffer.from([statusByte(this.state, n)]));
      this.#events.emit('query', n);
    };
    this.decoder.onItem = (item: DecodedItem) => {
      if (item.kind === 'cut') this.#events.emit('slip');
    };
  }

  /** Connects the printer to a wire; returns the function that disconnects it. */
  attach(wire: PrinterWire): () => void {
    const onData = (chunk: Buffer): void => this.receive(chunk);
    this.#wire = wire;
    wire.on('data', onData);
    return () => {
      wire.off('data', onData);
      if (this.#wire === wire) this.#wire = undefined;
    };
  }

  receive(chunk: Buffer): void {
    this.decoder.discarding = !PRINTABLE.includes(this.state);
    this.decoder.push(chunk);
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
