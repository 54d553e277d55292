// 请工作人员帮助: the kiosk asks the hub to alert floor staff and the 帮办代办 window, and says so on screen.
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

/** How long the "staff are coming" notice stays up. */
const SHOWN_MS = 20_000;

export type HelpState = 'idle' | 'sending' | 'sent' | 'failed';

export class HelpCall {
  state = $state<HelpState>('idle');
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly hall: Hall) {}

  request = async (assisted: boolean, ticketNumber?: string): Promise<void> => {
    const sync = this.hall.sync;
    if (!sync || this.state === 'sending') return;
    clearTimeout(this.#timer);
    this.state = 'sending';
    const answer = await sync.command('kiosk:help', { assisted, ...(ticketNumber && { ticketNumber }) });
    this.state = answer.ok ? 'sent' : 'failed';
    this.#timer = setTimeout(() => this.dismiss(), SHOWN_MS);
  };

  dismiss = (): void => {
    clearTimeout(this.#timer);
    this.state = 'idle';
  };

  destroy(): void {
    clearTimeout(this.#timer);
  }
}
