// What the kiosk's two pages run alike on a kiosk's device token (take-a-number, and the guide
// terminal): the hall link, language, clock, screen flow and help calls, the heartbeat with the
// kiosk's mode, the walk-in hours and the page title. Create it while a component initialises: it
// stops with that component.
import { named, t, type StringKey } from '@yichuang/shared/i18n';
import { SELF_SERVICE_ZONE, type KioskMode } from '@yichuang/shared/kiosk';
import { Clock, Hall } from '@yichuang/shared/ui/hall.svelte';
import { Language } from '@yichuang/shared/ui/lang.svelte';
import { onDestroy } from 'svelte';
import { KioskFlow } from './flow.svelte';
import { Heartbeat } from './heartbeat';
import { HelpCall } from './help.svelte';
import { followCatalogue } from '../guide/catalogue.svelte';
import { followHours } from './hours';

export class KioskTerminal {
  // One storage key for both pages: a kiosk's token serves both.
  readonly hall = new Hall('yichuang.token.kiosk');
  readonly language = new Language(t);
  readonly clock = new Clock();
  readonly flow = new KioskFlow(this.hall, this.language);
  readonly help = new HelpCall(this.hall);
  readonly snap = $derived(this.hall.snapshot);
  /** Out of walk-in hours a kiosk in the 24-hour zone goes on as a self-service terminal. */
  readonly mode: KioskMode = $derived(
    !this.snap || this.snap.open ? 'service' : this.hall.welcome?.device.zone === SELF_SERVICE_ZONE ? 'self-service' : 'closed',
  );

  /** `title`: the page's name, before the hall's in the browser's title. */
  constructor(title: StringKey) {
    const sync = this.hall.sync;
    const heartbeat = sync ? new Heartbeat(sync, () => ({ mode: this.mode, assisted: this.flow.assisted })) : undefined;
    const unfollowHours = sync ? followHours(sync) : undefined;
    const unfollowCatalogue = sync ? followCatalogue(sync) : undefined;
    $effect(() => {
      void [this.mode, this.flow.assisted];
      heartbeat?.changed();
    });
    $effect(() => {
      const { snap, language } = this;
      document.title = `${language.t(title)} · ${snap ? named(snap.hall, language.lang) : language.t('app.name')}`;
    });
    onDestroy(() => {
      this.clock.stop();
      this.flow.destroy();
      this.help.destroy();
      unfollowHours?.();
      unfollowCatalogue?.();
      heartbeat?.destroy();
    });
  }
}
