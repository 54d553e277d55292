// A ticket's progress for its phone page, polled from the hub's read-only REST every few seconds
// (GET /api/kiosk/follow/:number?d=…); a phone on the hall's Wi-Fi needs no device token for it.
import type { AppError } from '@yichuang/shared/errors';
import type { TicketFollow } from '@yichuang/shared/kiosk';
import { rest } from '@yichuang/shared/rest';

export const POLL_MS = 5000;

export class Follow {
  ticket = $state.raw<TicketFollow | null>(null);
  /** The hub's answer when it has no such ticket today. */
  error = $state.raw<AppError | null>(null);
  /** The last poll got no answer at all. */
  offline = $state(false);
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.poll();
  };

  constructor(
    private readonly number: string,
    private readonly day: string | null,
  ) {
    // Paused while the page is hidden: a phone in a pocket polls nothing.
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.poll();
    }, POLL_MS);
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.poll();
  }

  async poll(): Promise<void> {
    try {
      const ack = await rest('get', '/kiosk/follow/:number', { params: { number: this.number }, query: { d: this.day ?? undefined } });
      this.offline = false;
      if (ack.ok) {
        this.ticket = ack.data;
        this.error = null;
      } else this.error = ack.error;
    } catch {
      this.offline = true;
    }
  }

  destroy(): void {
    clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#onVisible);
  }
}
