// The kiosk tells the hub it is alive, and in which mode, every HEARTBEAT_MS and whenever the mode
// changes; the console shows each kiosk's uptime from these and from its connection.
import { HEARTBEAT_MS, type KioskMode } from '@yichuang/shared/kiosk';
import type { HallSync } from '@yichuang/shared/hall-sync';

export interface KioskState {
  mode: KioskMode;
  assisted: boolean;
}

export class Heartbeat {
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #off: () => void;
  #last = '';

  constructor(
    private readonly sync: HallSync,
    private readonly state: () => KioskState,
  ) {
    this.#timer = setInterval(() => this.beat(), HEARTBEAT_MS);
    // A beat as soon as the link is up, so the console never shows a fresh connection as silent.
    this.#off = sync.onChange(() => {
      if (sync.status === 'live' && this.#last === '') this.beat();
      if (sync.status !== 'live') this.#last = '';
    });
  }

  /** Sends now; call when the mode changes too. */
  beat = (): void => {
    if (this.sync.status !== 'live') return;
    const state = this.state();
    this.#last = JSON.stringify(state);
    // Nothing to do with the answer: a lost beat is made up by the next one.
    this.sync.domainSocket.emit('kiosk:heartbeat', state, () => undefined);
  };

  /** Sends only if the mode differs from the last beat's. */
  changed(): void {
    if (JSON.stringify(this.state()) !== this.#last) this.beat();
  }

  destroy(): void {
    clearInterval(this.#timer);
    this.#off();
  }
}
