// Records 未评价 when a pad's time is up, by the hub's clock: a pad that went offline (or a citizen
// who walked away) still leaves an explicit record, never a default good rating.
import { ratingDeadline } from '../engine/rating.js';
import { evaluationOf } from '../engine/state.js';
import type { HallCore } from '../hall/core.js';
import { HUB_ACTOR } from '../hall/hall-service.js';

/** The journal's actor for commands the hub issues itself. */

export class PadTimer {
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Tickets whose expiry is being recorded, so a slow write is not asked twice. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: Pick<HallCore, 'hall' | 'config' | 'clock' | 'log'>) {}

  /** Checks every `everyMs`; polling (not one timer per prompt) also copes with a clock that jumps. */
  start(everyMs = 1000): void {
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  tick(): void {
    const now = this.deps.clock();
    const config = this.deps.config();
    for (const [windowId, prompt] of Object.entries(evaluationOf(this.deps.hall.current).pads)) {
      if (now < ratingDeadline(prompt, config) || this.inFlight.has(prompt.ticketId)) continue;
      this.inFlight.add(prompt.ticketId);
      void this.deps.hall
        .execute({ type: 'expireRating', windowId, ticketId: prompt.ticketId }, HUB_ACTOR)
        .then((ack) => {
          if (!ack.ok) this.deps.log(`pad timeout of ${prompt.ticketId} not recorded: ${ack.error.messageEn}`);
        })
        .finally(() => this.inFlight.delete(prompt.ticketId));
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
