// The evaluation pad's flow: idle (staff card) → rate → (bad levels) reasons → thanks → idle.
// The visit to rate comes from the hub ('pad:state'); the pad asks again on every (re)connect and
// whenever the hall says a visit finished at its window. Time runs out by the hub's reckoning: the
// pad counts down what the hub said was left, and the hub records 未评价 itself. A bad level chosen
// is told to the hub at once ('pad:choose', again with each reason): the hub keeps it and gives
// minutes more for the details, so a slow complaint is never lost; if even that time runs out, the
// level counts and the pad says so ('kept'). A visit rated on the phone meanwhile ends the pad's
// question, and the pad says where it was rated ('elsewhere').
import type { AppError } from '@yichuang/shared/errors';
import type { TicketChanged } from '@yichuang/shared/events';
import type { PadRatedElsewhere } from '@yichuang/shared/ratings';
import type { ClientError } from '@yichuang/shared/commands';
import { isValidPhone } from '@yichuang/shared/identity';
import { isBadLevel, type PadState, type RatingLevel } from '@yichuang/shared/ratings';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

export type Screen = 'idle' | 'rate' | 'reasons' | 'thanks' | 'kept' | 'elsewhere';

const THANKS_MS = 4000;
/** What the citizen gave is sent this long before the time runs out, so reasons and phone count too. */
const SEND_BEFORE_MS = 3000;
const TICK_MS = 250;
export const PHONE_DIGITS = 11;
export const TEXT_MAX = 200;

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
  /** The hub keeps the level chosen: it counts even if the details are never finished. */
  kept = $state(false);
  /** The visit rated on the phone or at a kiosk, while this pad was asking. */
  elsewhere = $state.raw<PadRatedElsewhere | null>(null);
  /** A level chosen here was not recorded: the phone's rating came first ('elsewhere' screen). */
  dropped = $state(false);
  /** The level recorded when time ran out ('kept' screen). */
  keptLevel = $state<RatingLevel | null>(null);

  private readonly hall: Hall;
  /** When the prompt runs out, on this device's clock. */
  private expires = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private thanksTimer: ReturnType<typeof setTimeout> | undefined;
  /** The complaint was sent as time ran out: once, whatever the answer. */
  private sentAtEnd = false;

  constructor(hall: Hall) {
    this.hall = hall;
  }

  /** Chosen phrases and typed words, kept apart by '；' in the comment. */
  togglePhrase = (phrase: string): void => {
    const parts = this.text.split('；').map((p) => p.trim()).filter(Boolean);
    const next = parts.includes(phrase) ? parts.filter((p) => p !== phrase) : [...parts, phrase];
    this.text = next.join('；').slice(0, TEXT_MAX);
  };
  hasPhrase = (phrase: string): boolean => this.text.split('；').some((p) => p.trim() === phrase);

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
    const sync = this.hall.sync;
    const off = sync?.onBroadcast((name, e) => {
      if (name === 'ticket:finished' && (e as TicketChanged).window?.id === this.windowId) void this.refresh();
    });
    const onElsewhere = (e: PadRatedElsewhere): void => this.ratedElsewhere(e);
    sync?.domainSocket.on('pad:ratedElsewhere', onElsewhere);
    return () => {
      off?.();
      sync?.domainSocket.off('pad:ratedElsewhere', onElsewhere);
      this.stopTimers();
    };
  }

  /** Asks the hub which visit this pad may rate now. */
  refresh = async (): Promise<void> => {
    const sync = this.hall.sync;
    const windowId = this.windowId;
    if (!sync || !windowId) return;
    const shown = this.asking ? this.prompt?.ticketId : undefined;
    const answer = await sync.command('pad:state', { windowId, ...(shown && { ticketId: shown }) });
    if (!answer.ok) return;
    this.offered = answer.data.reasons;
    const prompt = answer.data.prompt;
    if (answer.data.ratedElsewhere) this.ratedElsewhere(answer.data.ratedElsewhere);
    if (prompt) {
      if (prompt.ticketId !== this.prompt?.ticketId || !this.asking) this.show(prompt);
    } else if (this.asking) {
      this.timedOut();
    }
  };

  /** The pad is asking about a visit (its five levels or its reasons screen). */
  get asking(): boolean {
    return this.screen === 'rate' || this.screen === 'reasons';
  }

  private ratedElsewhere(e: PadRatedElsewhere): void {
    if (e.windowId !== this.windowId || e.ticketId !== this.prompt?.ticketId || !this.asking) return;
    const dropped = this.level !== null;
    this.reset();
    this.dropped = dropped;
    this.prompt = null;
    this.elsewhere = e;
    this.screen = 'elsewhere';
    this.thanksTimer = setTimeout(() => this.toIdle(), THANKS_MS * 2);
  }

  choose = (level: RatingLevel): void => {
    if (this.busy || !this.prompt) return;
    this.level = level;
    this.error = null;
    if (isBadLevel(level)) {
      this.screen = 'reasons';
      void this.keep();
    } else void this.submit();
  };

  toggleReason = (reason: string): void => {
    this.reasons = this.reasons.includes(reason) ? this.reasons.filter((r) => r !== reason) : [...this.reasons, reason];
    void this.keep();
  };

  /** Tells the hub the level (and reasons so far): it keeps them and gives the details more time. */
  private async keep(): Promise<void> {
    const sync = this.hall.sync;
    const prompt = this.prompt;
    const windowId = this.windowId;
    const level = this.level;
    if (!sync || !prompt || !windowId || !level) return;
    const answer = await sync.command('pad:choose', { windowId, ticketId: prompt.ticketId, level, reasons: this.reasons });
    const now = answer.ok ? answer.data.prompt : undefined;
    if (now?.ticketId !== this.prompt?.ticketId || this.level === null) return;
    if (now) this.expires = Date.now() + now.remainingMs;
    this.kept = Boolean(now?.chosen);
    this.tick();
  }

  pressDigit = (digit: string): void => {
    if (this.phone.length < PHONE_DIGITS) this.phone += digit;
  };
  backspace = (): void => {
    this.phone = this.phone.slice(0, -1);
  };
  clearPhone = (): void => {
    this.phone = '';
  };

  /** Back to the five levels to choose another; the level kept stays kept until another is chosen. */
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
      else if (answer.error.code === 'RATING_EXPIRED' || answer.error.code === 'ALREADY_RATED' || answer.error.code === 'NOT_RATABLE') await this.refresh().then(() => this.asking && this.timedOut());
      else this.error = answer.error;
    } finally {
      this.busy = false;
    }
  };

  private show(prompt: NonNullable<PadState['prompt']>): void {
    this.reset();
    this.prompt = prompt;
    this.screen = 'rate';
    // A pad restarted while its citizen was giving details picks up where they were.
    if (prompt.chosen) {
      this.level = prompt.chosen.level;
      this.reasons = prompt.chosen.reasons;
      this.kept = true;
      if (isBadLevel(prompt.chosen.level)) this.screen = 'reasons';
    }
    this.expires = Date.now() + prompt.remainingMs;
    this.tick();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const left = this.expires - Date.now();
    this.secondsLeft = Math.max(0, Math.ceil(left / 1000));
    if (this.busy) return;
    // Nearly out of time with a complaint complete enough to send: send it, so reasons, comment and phone count too.
    if (left <= SEND_BEFORE_MS && left > 0 && this.screen === 'reasons' && this.reasons.length > 0 && this.level && !this.sentAtEnd) {
      this.sentAtEnd = true;
      if (!this.phoneValid) this.phone = '';
      void this.submit();
    } else if (left <= 0) this.timedOut();
  }

  /** Out of time: a level the hub kept counts (the pad says so); otherwise the hub records 未评价. */
  private timedOut(): void {
    const level = this.kept ? this.level : null;
    if (!level) return this.toIdle();
    this.reset();
    this.prompt = null;
    this.keptLevel = level;
    this.wasBad = isBadLevel(level);
    this.screen = 'kept';
    this.thanksTimer = setTimeout(() => this.toIdle(), THANKS_MS * 2);
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
    this.sentAtEnd = false;
    this.kept = false;
    this.elsewhere = null;
    this.dropped = false;
    this.keptLevel = null;
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
