// The kiosk's screens: home → ticket type (and an optional phone or ID number) → issuing → result |
// refused; the other services (guide, check-in, rating, suggestions); the assisted mode; and back
// home, in Chinese and out of assisted mode, when nobody touches the screen for a while.
import type { Category } from '@yichuang/shared/domain';
import type { AppError } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import type { ClientError } from '@yichuang/shared/commands';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import type { Language } from '@yichuang/shared/ui/lang.svelte';
import type { Service } from './service-props';

export const IDLE_MS = 30_000;
/** Elderly visitors read and decide more slowly. */
export const ASSISTED_IDLE_MS = 90_000;

export interface Identity {
  kind: 'phone' | 'id';
  value: string;
}

export type Screen =
  | { kind: 'home' }
  | { kind: 'choose'; category: Category; identity?: Identity }
  | { kind: 'identity'; category: Category; entry: Identity['kind'] }
  | { kind: 'issuing'; category: Category }
  | { kind: 'result'; category: Category; issued: TicketIssued; note?: string }
  | { kind: 'refused'; category: Category; error: AppError | ClientError }
  | { kind: 'service'; service: Service };

export class KioskFlow {
  screen = $state.raw<Screen>({ kind: 'home' });
  /** The assisted (elderly) mode: larger type, fewer choices, spoken prompts. */
  assisted = $state(false);
  /** Last touch, for the idle reset and its countdown. */
  lastTouch = $state(Date.now());
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly hall: Hall,
    private readonly language: Language,
  ) {
    this.timer = setInterval(() => this.checkIdle(), 1000);
  }

  get idleMs(): number {
    return this.assisted ? ASSISTED_IDLE_MS : IDLE_MS;
  }

  touch = (): void => {
    this.lastTouch = Date.now();
  };

  /** Seconds left before the screen returns home on its own. */
  secondsLeft(now: number): number {
    // The screen clock ticks once a second, so `now` may lag the last touch a little.
    return Math.min(this.idleMs / 1000, Math.max(0, Math.ceil((this.lastTouch + this.idleMs - now) / 1000)));
  }

  pick = (category: Category): void => {
    this.touch();
    if (this.screen.kind !== 'issuing') this.screen = { kind: 'choose', category };
  };

  enterIdentity = (category: Category, entry: Identity['kind']): void => {
    this.touch();
    this.screen = { kind: 'identity', category, entry };
  };

  /** Back to the ticket type, with the number just typed (or none). */
  chooseWith = (category: Category, identity?: Identity): void => {
    this.touch();
    this.screen = { kind: 'choose', category, identity };
  };

  issue = async (category: Category, priority: 'normal' | 'green', identity?: Identity): Promise<void> => {
    const sync = this.hall.sync;
    if (!sync || this.screen.kind === 'issuing') return;
    this.touch();
    this.screen = { kind: 'issuing', category };
    const answer = await sync.command('ticket:issue', { categoryId: category.id, priority, ...(identity && { identity }) });
    this.touch();
    this.screen = answer.ok ? { kind: 'result', category, issued: answer.data } : { kind: 'refused', category, error: answer.error };
  };

  /** A ticket issued elsewhere on this kiosk (an appointment check-in) is shown like one taken here. */
  showIssued = (category: Category, issued: TicketIssued, note?: string): void => {
    this.touch();
    this.screen = { kind: 'result', category, issued, note };
  };

  open = (service: Service): void => {
    this.touch();
    this.screen = { kind: 'service', service };
  };

  startAssisted = (): void => {
    this.touch();
    this.assisted = true;
    this.screen = { kind: 'home' };
  };

  back = (): void => {
    this.touch();
    this.screen = { kind: 'home' };
  };

  /** The citizen is done: the next one starts fresh (Chinese, standard mode, no retry of the last command). */
  done = (): void => {
    this.screen = { kind: 'home' };
    this.assisted = false;
    this.language.lang = 'zh';
    this.hall.sync?.forgetRetries();
  };

  /** The ticket on screen, if any (for a help request). */
  get ticketNumber(): string | undefined {
    return this.screen.kind === 'result' ? this.screen.issued.ticket.number : undefined;
  }

  destroy(): void {
    clearInterval(this.timer);
  }

  private checkIdle(): void {
    if (this.screen.kind === 'issuing') return; // the answer comes within the command timeout
    if (Date.now() - this.lastTouch < this.idleMs) return;
    if (this.screen.kind !== 'home' || this.assisted || this.language.lang !== 'zh') this.done();
  }
}
