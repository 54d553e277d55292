// The take-a-number flow: home → (ticket type) → issuing → result | refused, and back home when idle.
import type { Category } from '@yichuang/shared/domain';
import type { AppError } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import type { ClientError } from '@yichuang/shared/hall-sync';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import type { Language } from '@yichuang/shared/ui/lang.svelte';

export const IDLE_MS = 30_000;

export type Screen =
  | { kind: 'home' }
  | { kind: 'choose'; category: Category }
  | { kind: 'issuing'; category: Category }
  | { kind: 'result'; category: Category; issued: TicketIssued }
  | { kind: 'refused'; category: Category; error: AppError | ClientError };

export class KioskFlow {
  screen = $state.raw<Screen>({ kind: 'home' });
  /** Last touch, for the idle reset and its countdown. */
  lastTouch = $state(Date.now());
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly hall: Hall,
    private readonly language: Language,
  ) {
    this.timer = setInterval(() => this.checkIdle(), 1000);
  }

  touch = (): void => {
    this.lastTouch = Date.now();
  };

  /** Seconds left before the screen returns home on its own. */
  secondsLeft(now: number): number {
    // The screen clock ticks once a second, so `now` may lag the last touch a little.
    return Math.min(IDLE_MS / 1000, Math.max(0, Math.ceil((this.lastTouch + IDLE_MS - now) / 1000)));
  }

  pick = (category: Category): void => {
    this.touch();
    if (this.screen.kind === 'issuing') return;
    if (category.allowPriority) this.screen = { kind: 'choose', category };
    else void this.issue(category, 'normal');
  };

  issue = async (category: Category, priority: 'normal' | 'green'): Promise<void> => {
    const sync = this.hall.sync;
    if (!sync || this.screen.kind === 'issuing') return;
    this.touch();
    this.screen = { kind: 'issuing', category };
    const answer = await sync.command('ticket:issue', { categoryId: category.id, priority });
    this.touch();
    this.screen = answer.ok ? { kind: 'result', category, issued: answer.data } : { kind: 'refused', category, error: answer.error };
  };

  back = (): void => {
    this.touch();
    this.screen = { kind: 'home' };
  };

  /** The citizen is done: the next one starts fresh (Chinese, no retry of the last command). */
  done = (): void => {
    this.screen = { kind: 'home' };
    this.language.lang = 'zh';
    this.hall.sync?.forgetRetries();
  };

  destroy(): void {
    clearInterval(this.timer);
  }

  private checkIdle(): void {
    if (this.screen.kind === 'issuing') return; // the answer comes within the command timeout
    if (Date.now() - this.lastTouch < IDLE_MS) return;
    if (this.screen.kind !== 'home' || this.language.lang !== 'zh') this.done();
  }
}
