// This kiosk's printer, as the hub sees it: asked whenever the hall connection becomes live, then
// followed by its broadcasts, so the home screen can say it is out of paper before anyone picks a service.
import type { Ack } from '@yichuang/shared/errors';
import { WORTH_TRYING, type PrinterState } from '@yichuang/shared/printing';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

/** How long to wait for the hub's answer about the printer. */
const ASK_TIMEOUT_MS = 8000;

export type PrinterNotice = 'paper-out' | 'down' | null;

export class KioskPrinter {
  /** null: no printer serves this kiosk (every ticket is an e-ticket), or not known yet. */
  state = $state.raw<PrinterState | null>(null);
  readonly #offs: (() => void)[] = [];

  constructor(hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const changed = (s: PrinterState): void => {
      this.state = s.enabled ? s : null;
    };
    socket.on('printer:changed', changed);
    this.#offs.push(() => socket.off('printer:changed', changed));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) {
        socket
          .timeout(ASK_TIMEOUT_MS)
          .emitWithAck('printer:status', {})
          .then(
            (ack: Ack<PrinterState[]>) => {
              if (ack.ok) this.state = ack.data.find((s) => s.enabled) ?? null;
            },
            () => undefined, // no answer: asked again on the next reconnect; broadcasts keep coming meanwhile
          );
      }
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  /** What the home screen should warn about. */
  get notice(): PrinterNotice {
    const s = this.state;
    if (!s || WORTH_TRYING.includes(s.status)) return null;
    return s.status === 'paper-out' ? 'paper-out' : 'down';
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
