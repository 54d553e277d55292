// The kiosks page's state: every kiosk with its presence, mode and uptime. Asked for whenever the
// hall connection becomes live and every half minute (uptime grows); 'kiosk:statusChanged' in between.
import type { Ack } from '@yichuang/shared/errors';
import type { KioskStatus } from '@yichuang/shared/kiosk';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;
const REFRESH_MS = 30_000;

export class KiosksState {
  kiosks = $state.raw<KioskStatus[]>([]);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const changed = (s: KioskStatus): void => {
      this.kiosks = this.kiosks.map((k) => (k.deviceId === s.deviceId ? s : k));
    };
    socket.on('kiosk:statusChanged', changed);
    this.#offs.push(() => socket.off('kiosk:statusChanged', changed));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) this.load();
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    const timer = setInterval(() => this.load(), REFRESH_MS);
    this.#offs.push(() => clearInterval(timer));
    onChange();
  }

  load(): void {
    const sync = this.hall.sync;
    if (sync?.status !== 'live') return;
    sync.domainSocket
      .timeout(ASK_TIMEOUT_MS)
      .emitWithAck('kiosk:status', {})
      .then(
        (ack: Ack<KioskStatus[]>) => {
          if (ack.ok) this.kiosks = ack.data;
        },
        () => undefined, // no answer: asked again shortly
      );
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
