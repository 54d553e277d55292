// An unpaired screen's side of pairing: ask the hub for a code, show it, and poll until a manager
// approves it on the console; then open the screen with its new token (kept by readDeviceToken).
// A code expires after ten minutes unused; the screen then simply asks for a new one.
import { SCREEN_PAGES } from '@yichuang/shared/admin';
import type { DeviceRole } from '@yichuang/shared/domain';
import { rest } from '@yichuang/shared/rest';

const POLL_MS = 2000;
const RETRY_MS = 5000;

export class Pairing {
  /** The code to show; null while asking for one. */
  code = $state<string | null>(null);
  expiresAt = $state(0);
  /** The hub cannot be reached (or refused): shown while retrying. */
  failed = $state(false);
  #claim: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly screen: DeviceRole) {
    void this.#request();
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  async #request(): Promise<void> {
    const answer = await rest('post', '/pairing', { body: { screen: this.screen } }).catch(() => undefined);
    if (!answer?.ok) return this.#retry(() => this.#request());
    this.failed = false;
    this.code = answer.data.code;
    this.expiresAt = answer.data.expiresAt;
    this.#claim = answer.data.claim;
    this.#timer = setTimeout(() => void this.#poll(), POLL_MS);
  }

  async #poll(): Promise<void> {
    const answer = await rest('get', '/pairing/:claim', { params: { claim: this.#claim ?? '' } }).catch(() => undefined);
    if (answer && !answer.ok) return void this.#request(); // expired: a new code
    if (!answer) return this.#retry(() => this.#poll());
    this.failed = false;
    const status = answer.data;
    if (status.status === 'pending') {
      this.#timer = setTimeout(() => void this.#poll(), POLL_MS);
      return;
    }
    // Paired as the kind of screen that asked: stay on this page (a guide terminal is a kiosk too);
    // otherwise open the page of the role the manager chose.
    const page = status.page === '' || status.page === SCREEN_PAGES[this.screen] ? location.pathname : status.page;
    location.replace(`${page}?token=${encodeURIComponent(status.token)}`);
  }

  #retry(again: () => Promise<void>): void {
    this.failed = true;
    this.#timer = setTimeout(() => void again(), RETRY_MS);
  }
}
