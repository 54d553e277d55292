// decide(state, command, ctx) → the events a command causes, or why it is refused. All business
// rules live here and in the handlers it calls. Pure: the clock and the configuration are in ctx.
import type { ServiceDay } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import { carriedBookings, decideBook, decideCancelBooking, decideChangeBooking, decideMarkNoShows, decideRecordNotice } from './booking.js';
import { decideCallNext, decideCallNumber, decideNoShow, decideRecall } from './calling.js';
import { decideCheckIn } from './check-in.js';
import { carriedCases, decideCloseCase, decideFollowUpCase, decideRectifyCase, decideVerifyCase } from './cases.js';
import { decideIssue } from './issuing.js';
import { decideRecordPrint } from './printing.js';
import { decideChooseLevel, decideExpireRating, decideRate, decideRateVisit, supersedingPrompt } from './rating.js';
import { decideCancel, decideRequeue, decideResume } from './returning.js';
import { decideFinish, decideHold, decideLinkCase, decideStart, decideTransfer } from './serving.js';
import { decideAssignTidal, decidePause, decideReleaseWindow, decideRestoreTidal, decideSignIn, decideSignOut, decideUnpause } from './staffing.js';
import { accept } from './guards.js';
import { dayState } from './state.js';
import type { Command, DecideContext, Decision, EngineEvent, EngineState } from './types.js';

/**
 * Every command first looks at the hall's calendar: the first command of a new service day
 * (Asia/Shanghai midnight, whatever the machine's zone) starts the day, and is itself decided
 * against the fresh day. The day's first event carries the bad-rating cases still being worked on
 * and the bookings still to come. A refused command starts nothing; the next accepted one will.
 */
export function decide(state: EngineState, command: Command, ctx: DecideContext): Decision {
  const day = serviceDay(ctx.now, ctx.config.hall.timeZone);
  // A clock stepped back across midnight must not wipe today (nor reuse yesterday's ticket ids).
  if (state.day !== null && day <= state.day) return decideOn(state, command, ctx, state.day);
  const cases = carriedCases(state, day, ctx.config.hall.timeZone);
  const bookings = carriedBookings(state, day);
  const started: EngineEvent = { type: 'day.started', at: ctx.now, day, ...(cases.length > 0 && { cases }), ...(bookings.length > 0 && { bookings }) };
  // The caller's index describes the day before: the fresh day is decided on its own state alone.
  const decision = decideOn(dayState(state, day, ctx.now, cases, bookings), command, { now: ctx.now, config: ctx.config }, day);
  return decision.ok ? { ok: true, events: [started, ...decision.events] } : decision;
}

function decideOn(state: EngineState, c: Command, ctx: DecideContext, day: ServiceDay): Decision {
  switch (c.type) {
    case 'startDay':
      return accept();
    case 'issue':
      return decideIssue(state, c, ctx, day);
    case 'callNext':
      return decideCallNext(state, c, ctx);
    case 'callNumber':
      return decideCallNumber(state, c, ctx);
    case 'recall':
      return decideRecall(state, c, ctx);
    case 'noShow':
      return decideNoShow(state, c, ctx);
    case 'start':
      return decideStart(state, c, ctx);
    case 'finish':
      return supersedingPrompt(state, c.windowId, decideFinish(state, c, ctx), ctx);
    case 'linkCase':
      return decideLinkCase(state, c, ctx);
    case 'hold':
      return decideHold(state, c, ctx);
    case 'transfer':
      return decideTransfer(state, c, ctx);
    case 'resume':
      return decideResume(state, c, ctx);
    case 'requeue':
      return decideRequeue(state, c, ctx);
    case 'cancel':
      return decideCancel(state, c, ctx);
    case 'signIn':
      return decideSignIn(state, c, ctx);
    case 'signOut':
      return decideSignOut(state, c, ctx);
    case 'releaseWindow':
      return decideReleaseWindow(state, c, ctx);
    case 'pause':
      return decidePause(state, c, ctx);
    case 'unpause':
      return decideUnpause(state, c, ctx);
    case 'assignTidal':
      return decideAssignTidal(state, c, ctx);
    case 'restoreTidal':
      return decideRestoreTidal(state, c, ctx);
    case 'recordPrint':
      return decideRecordPrint(state, c, ctx);
    case 'rate':
      return decideRate(state, c, ctx);
    case 'rateVisit':
      return decideRateVisit(state, c, ctx);
    case 'chooseLevel':
      return decideChooseLevel(state, c, ctx);
    case 'expireRating':
      return decideExpireRating(state, c, ctx);
    case 'verifyCase':
      return decideVerifyCase(state, c, ctx);
    case 'rectifyCase':
      return decideRectifyCase(state, c, ctx);
    case 'followUpCase':
      return decideFollowUpCase(state, c, ctx);
    case 'closeCase':
      return decideCloseCase(state, c, ctx);
    case 'book':
      return decideBook(state, c, ctx, day);
    case 'changeBooking':
      return decideChangeBooking(state, c, ctx, day);
    case 'cancelBooking':
      return decideCancelBooking(state, c, ctx);
    case 'checkIn':
      return decideCheckIn(state, c, ctx, day);
    case 'markNoShows':
      return decideMarkNoShows(state, ctx);
    case 'recordNotice':
      return decideRecordNotice(state, c, ctx);
  }
}
