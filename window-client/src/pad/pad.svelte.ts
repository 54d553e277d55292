// The evaluation pad's flow: idle (staff card) → rate → (bad levels) reasons → thanks → idle.
// The visit to rate comes from the hub ('pad:state'); the pad asks again on every (re)connect and
// whenever the hall says a visit finished at its window. Time runs out by the hub's reckoning: the
// pad counts down what the hub said was left, and the hub records 未评价 itself.
import type { AppError } from '@yichuang/shared/errors';
import type { TicketChanged } from '@yichuang/shared/events';
import type { ClientError } from '@yichuang/shared/commands';
import { isValidPhone } from '@yichuang/shared/identity';
import { isBadLevel, type PadState, type RatingLevel } from '@yichuang/shared/ratings';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

export type Screen = 'idle' | 'rate' | 'reasons' | 'thanks';

const THANKS_MS = 4000;
const TICK_MS = 250;
export const PHONE_DIGITS = 11;

export class PadFlow {
  screen = $state<Screen>('idle');
  prompt = $state.raw<PadState['prompt'] | null>(null);
  /** Reasons the hall offers for the bad levels. */
  offered = $state.raw<string[]>([]);
  secondsLeft = $state(0);
  level = $state<RatingLevel | null>(null);
  reasons = $state<string[]>([]);
  text = $state('');
  phone = $state('');
  busy = $state(false);
  error = $state.raw<AppError | ClientError | null>(null);
  /** The last rating was a bad one (the thanks screen promises a follow-up). */
  wasBad = $state(false);

  private readonly hall: Hall;
  /** When the prompt runs out, on this device's clock. */
  private expires = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private thanksTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(hall: Hall) {
    this.hall = hall;
  }

  readonly windowId = $derived.by(() => this.hall.welcome?.device.windowId);
  readonly isPad = $derived.by(() => {
    const d = this.hall.welcome?.device;
    return !d || (d.role === 'pad' && Boolean(d.windowId));
  });
  readonly window = $derived.by(() => this.hall.snapshot?.windows.find((w) => w.id === this.windowId));
  readonly phoneValid = $derived(this.phone === '' || isValidPhone(this.phone));
  readonly canSubmit = $derived(!this.busy && this.reasons.length > 0 && this.phoneValid);

  /** Starts listening to the hall; returns the stop function. */
  attach(): () => void {
    const off = this.hall.sync?.onBroadcast((name, e) => {
      if (name === 'ticket:finished' && (e as TicketChanged).window?.id === this.windowId) void this.refresh();
    });
    return () => {
      off?.();
      this.stopTimers();
    };
  }

  /** Asks the hub which visit this pad may rate now. */
  refresh = async (): Promise<void> => {
    const sync = this.hall.sync;
    const windowId = this.windowId;
    if (!sync || !windowId) return;
    const answer = await sync.command('pad:state', { windowId });
    if (!answer.ok) return;
    this.offered = answer.data.reasons;
    const prompt = answer.data.prompt;
    if (prompt) {
      if (prompt.ticketId !== this.prompt?.ticketId || this.screen === 'idle' || this.screen === 'thanks') this.show(prompt);
    } else if (this.screen === 'rate' || this.screen === 'reasons') {
      this.toIdle();
    }
  };

  choose = (level: RatingLevel): void => {
    if (this.busy || !this.prompt) return;
    this.level = level;
    this.error = null;
    if (isBadLevel(level)) this.screen = 'reasons';
    else void this.submit();
  };

  toggleReason = (reason: string): void => {
    this.reasons = this.reasons.includes(reason) ? this.reasons.filter((r) => r !== reason) : [...this.reasons, reason];
  };

  pressDigit = (digit: string): void => {
    if (this.phone.length < PHONE_DIGITS) this.phone += digit;
  };
  backspace = (): void => {
    this.phone = this.phone.slice(0, -1);
  };
  clearPhone = (): void => {
    this.phone = '';
  };

  back = (): void => {
    if (this.busy) return;
    this.level = null;
    this.error = null;
    this.screen = 'rate';
  };

  submit = async (): Promise<void> => {
    const sync = this.hall.sync;
    const prompt = this.prompt;
    const windowId = this.windowId;
    const level = this.level;
    if (!sync || !prompt || !windowId || !level || this.busy) return;
    const bad = isBadLevel(level);
    if (bad && !this.canSubmit) return;
    this.busy = true;
    this.error = null;
    try {
      const text = this.text.trim();
      const answer = await sync.command('pad:rate', {
        windowId,
        ticketId: prompt.ticketId,
        level,
        ...(bad && { reasons: this.reasons }),
        ...(bad && text && { text }),
        ...(bad && this.phone && { phone: this.phone }),
      });
      if (answer.ok) this.thank(bad);
      else if (answer.error.code === 'RATING_EXPIRED' || answer.error.code === 'ALREADY_RATED' || answer.error.code === 'NOT_RATABLE') this.toIdle();
      else this.error = answer.error;
    } finally {
      this.busy = false;
    }
  };

  private show(prompt: NonNullable<PadState['prompt']>): void {
    this.reset();
    this.prompt = prompt;
    this.screen = 'rate';
    this.expires = Date.now() + prompt.remainingMs;
    this.tick();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const left = this.expires - Date.now();
    this.secondsLeft = Math.max(0, Math.ceil(left / 1000));
    // Out of time: the hub records 未评价; the pad goes back to the staff card.
    if (left <= 0 && !this.busy) this.toIdle();
  }

  private thank(bad: boolean): void {
    this.stopTimers();
    this.wasBad = bad;
    this.prompt = null;
    this.screen = 'thanks';
    this.thanksTimer = setTimeout(() => this.toIdle(), THANKS_MS);
  }

  private toIdle(): void {
    this.reset();
    this.prompt = null;
    this.screen = 'idle';
  }

  private reset(): void {
    this.stopTimers();
    this.level = null;
    this.reasons = [];
    this.text = '';
    this.phone = '';
    this.error = null;
  }

  private stopTimers(): void {
    clearInterval(this.ticker);
    clearTimeout(this.thanksTimer);
  }
}
