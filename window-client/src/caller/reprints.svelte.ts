// What the reprint dialog shows: today's tickets whose slip failed, and the printers a slip can go to.
// Asked for while the dialog is open, whenever the hall connection becomes live; then the list follows
// the hall's 'ticket:printed' broadcasts and the printers their 'printer:changed' pushes.
import { askOneAtATime } from '@yichuang/shared/ask-one-at-a-time';
import type { Ack } from '@yichuang/shared/errors';
import type { PrinterState, UnprintedTicket } from '@yichuang/shared/printing';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;

const byKiosk = (printers: PrinterState[]): PrinterState[] => printers.sort((a, b) => a.kioskId.localeCompare(b.kioskId));

export class Reprints {
  tickets = $state.raw<UnprintedTicket[]>([]);
  printers = $state.raw<PrinterState[]>([]);
  /** false until the hub's first list came. */
  loaded = $state(false);
  /** false until the hub said which printers there are. */
  printersLoaded = $state(false);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const changed = (s: PrinterState): void => {
      this.printers = byKiosk([...this.printers.filter((p) => p.printerId !== s.printerId), s]);
    };
    socket.on('printer:changed', changed);
    this.#offs.push(() => socket.off('printer:changed', changed));
    this.#offs.push(sync.onBroadcast((name) => name === 'ticket:printed' && void this.askTickets()));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) {
        void this.askTickets();
        socket
          .timeout(ASK_TIMEOUT_MS)
          .emitWithAck('printer:status', {})
          .then(
            (ack: Ack<PrinterState[]>) => {
              if (!ack.ok) return;
              this.printers = byKiosk([...ack.data]);
              this.printersLoaded = true;
            },
            () => undefined, // no answer: asked again on the next reconnect
          );
      }
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  printer(printerId: string | undefined): PrinterState | undefined {
    return this.printers.find((p) => p.printerId === printerId);
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Asks for the unprinted list: after a reprint, and as slips print (a gathered message's several printed slips ask once more at most). */
  readonly askTickets = askOneAtATime(async () => {
    const ack = await this.hall.sync?.domainSocket
      .timeout(ASK_TIMEOUT_MS)
      .emitWithAck('printer:unprinted', {})
      .catch(() => undefined);
    if (!ack?.ok) return;
    this.tickets = ack.data;
    this.loaded = true;
  });
}
