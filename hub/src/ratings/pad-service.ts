// What a window's pad asks of the hub: the visit it may rate now, and recording the rating.
import type { Device } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { PadRatedElsewhere, PadState, Rating } from '@yichuang/shared/ratings';
import type * as S from '@yichuang/shared/ratings-schemas';
import type { z } from 'zod';
import { ratingDeadline } from '../engine/rating.js';
import { evaluationOf } from '../engine/state.js';
import type { HallCore } from '../hall/core.js';
import type { CommandKey } from '../hall/hall-service.js';
import type { Sealer } from '../security/sealer.js';
import { ratingGiven } from './given.js';

export class PadService {
  constructor(
    private readonly deps: Pick<HallCore, 'hall' | 'config' | 'clock'>,
    private readonly contacts: Sealer,
  ) {}

  /** `shown`: the visit the pad is showing, if any; the answer says if it was rated elsewhere meanwhile. */
  state(windowId: string, shown?: string): Ack<PadState> {
    const config = this.deps.config();
    if (!config.windows.some((w) => w.id === windowId)) return { ok: false, error: appError('UNKNOWN_WINDOW', { windowId }) };
    const state = this.deps.hall.current;
    const pad: PadState = { windowId, reasons: config.evaluation.badReasons };
    const prompt = evaluationOf(state).pads[windowId];
    const remainingMs = prompt ? ratingDeadline(prompt, config) - this.deps.clock() : 0;
    const ticket = prompt && state.tickets[prompt.ticketId];
    if (prompt && ticket && remainingMs > 0) {
      pad.prompt = { ticketId: prompt.ticketId, ticketNumber: ticket.number, remainingMs };
      if (prompt.chosen) pad.prompt.chosen = { level: prompt.chosen.level, reasons: prompt.chosen.reasons };
    }
    const elsewhere = shown === undefined ? undefined : ratedElsewhere(evaluationOf(state).ratings[shown]);
    if (elsewhere) pad.ratedElsewhere = elsewhere;
    return { ok: true, data: pad };
  }

  async choose(input: z.output<typeof S.choose>, device: Device, key: CommandKey): Promise<Ack<PadState>> {
    const { windowId, ticketId, level, reasons } = input;
    const result = await this.deps.hall.execute({ type: 'chooseLevel', windowId, ticketId, level, reasons }, { deviceId: device.id }, key);
    return result.ok ? this.state(windowId) : result;
  }

  async rate(input: z.output<typeof S.rate>, device: Device, key: CommandKey): Promise<Ack<Rating>> {
    const result = await this.deps.hall.execute(
      { type: 'rate', windowId: input.windowId, ticketId: input.ticketId, ...ratingGiven(input, this.contacts) },
      { deviceId: device.id },
      key,
    );
    if (!result.ok) return result;
    const rating = evaluationOf(this.deps.hall.current).ratings[input.ticketId];
    return rating ? { ok: true, data: rating } : { ok: false, error: appError('INTERNAL') };
  }
}

/** What a window's pad is told of a rating given elsewhere (phone page, kiosk); nothing for the pad's own. */
export function ratedElsewhere(rating: Rating | undefined): PadRatedElsewhere | undefined {
  if (!rating || rating.channel === 'pad' || rating.level === 'unrated') return undefined;
  return { windowId: rating.windowId, ticketId: rating.ticketId, ticketNumber: rating.ticketNumber, channel: rating.channel };
}
