// The kiosks page's state: every kiosk with its presence, mode and uptime. Asked for whenever the
// hall connection becomes live and every half minute (uptime grows); 'kiosk:statusChanged' in between.
import type { KioskStatus } from '@yichuang/shared/kiosk';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { PageState } from '../../page-state.svelte';

const REFRESH_MS = 30_000;

export class KiosksState extends PageState {
  kiosks = $state.raw<KioskStatus[]>([]);

  constructor(hall: Hall) {
    super(hall);
    const sync = this.follow({
      'kiosk:statusChanged': (s) => {
        this.kiosks = this.kiosks.map((k) => (k.deviceId === s.deviceId ? s : k));
      },
    });
    if (!sync) return;
    const timer = setInterval(() => sync.status === 'live' && this.load(), REFRESH_MS);
    this.own(() => clearInterval(timer));
  }

  load(): void {
    this.ask('kiosk:status', (kiosks) => (this.kiosks = kiosks));
  }
}
