// Rating an earlier visit by its number (the pad was skipped): a kiosk finds today's finished visit
// by the number on its slip; the phone page does the same through its signed link.
import { appError, type Ack } from '@yichuang/shared/errors';
import type { RatingChannel, VisitToRate } from '@yichuang/shared/ratings';
import type * as S from '@yichuang/shared/ratings-schemas';
import { serviceDay } from '@yichuang/shared/time';
import type { z } from 'zod';
import { evaluationOf, finishedPeriod } from '../engine/state.js';
import type { HallCore } from '../hall/core.js';
import type { Sealer } from '../security/sealer.js';
import type { Actor } from '../hall/hall-service.js';
import { ratingGiven } from './given.js';

type Given = Omit<z.output<typeof S.visitRate>, 'cmdId'>;

export class VisitService {
  constructor(
    private readonly deps: Pick<HallCore, 'hall' | 'config' | 'clock'>,
    private readonly contacts: Sealer,
  ) {}

  /** Today's visit by number, once finished; a visit still in the queue or at a window is refused. */
  find(number: string): Ack<VisitToRate> {
    const state = this.deps.hall.current;
    const config = this.deps.config();
    // Until the first command of a day the state is still the day before's, whose numbers are not today's.
    const id = state.day === serviceDay(this.deps.clock(), config.hall.timeZone) ? state.byNumber[number] : undefined;
    const ticket = id === undefined ? undefined : state.tickets[id];
    if (!ticket) return { ok: false, error: appError('UNKNOWN_TICKET', { number }) };
    if (ticket.state !== 'finished') return { ok: false, error: appError('VISIT_NOT_FINISHED', { number }) };
    const finished = finishedPeriod(ticket);
    const window = config.windows.find((w) => w.id === finished?.windowId);
    if (!finished || !window) return { ok: false, error: appError('INTERNAL') };
    const staff = config.staff.find((s) => s.id === finished.staffId);
    const category = config.categories.find((c) => c.id === ticket.categoryId);
    const rating = evaluationOf(state).ratings[ticket.id];
    return {
      ok: true,
      data: {
        number: ticket.number,
        categoryName: category?.name ?? ticket.categoryId,
        categoryNameEn: category?.nameEn ?? ticket.categoryId,
        windowNumber: window.number,
        windowName: window.name,
        windowNameEn: window.nameEn,
        ...(staff && { staff: { number: staff.number, name: staff.name } }),
        finishedAt: finished.start,
        ...(rating && rating.level !== 'unrated' && { rated: { level: rating.level, channel: rating.channel, at: rating.at } }),
        reasons: config.evaluation.badReasons,
      },
    };
  }

  async rate(given: Given, channel: Exclude<RatingChannel, 'pad'>, actor: Actor, cmdKey: string): Promise<Ack<VisitToRate>> {
    const result = await this.deps.hall.execute(
      { type: 'rateVisit', number: given.number, channel, ...ratingGiven(given, this.contacts) },
      actor,
      cmdKey,
    );
    return result.ok ? this.find(given.number) : result;
  }
}
