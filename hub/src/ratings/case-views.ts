// Cases as the console lists them: each with its next step, how every deadline stands today, and
// the window and staff member it concerns.
import type { HallConfig } from '@yichuang/shared/domain';
import type { Case, CaseView } from '@yichuang/shared/ratings';
import { serviceDay } from '@yichuang/shared/time';
import { nextStep, standings } from '../engine/cases.js';
import { evaluationOf } from '../engine/state.js';
import type { EngineState } from '../engine/types.js';

/** A sealed number is there for the follow-up: once the case is closed nobody needs it. */
export function isCallable(c: Case): c is Case & { sealedContact: string } {
  return c.sealedContact !== undefined && nextStep(c) !== null;
}

export function caseView(c: Case, config: HallConfig, now: number): CaseView {
  const timeZone = config.hall.timeZone;
  const standing = standings(c, serviceDay(now, timeZone), timeZone);
  const window = config.windows.find((w) => w.id === c.rating.windowId);
  const staff = config.staff.find((s) => s.id === c.rating.staffId);
  const { sealedContact: _sealed, ...shown } = c;
  return {
    ...shown,
    callable: isCallable(c),
    next: nextStep(c),
    standing,
    overdue: Object.values(standing).includes('overdue'),
    windowNumber: window?.number,
    staff: staff && { number: staff.number, name: staff.name },
  };
}

/** Open cases first, the most urgent (overdue, then earliest due) on top; closed ones after, newest first. */
export function caseList(state: EngineState, config: HallConfig, now: number): CaseView[] {
  const views = Object.values(evaluationOf(state).cases).map((c) => caseView(c, config, now));
  const urgency = (v: CaseView): string => (v.overdue ? '0' : '1') + (v.next === 'verify' ? v.due.verify : v.next === 'rectify' ? v.due.rectify : v.due.followUp);
  const open = views.filter((v) => v.next !== null).sort((a, b) => urgency(a).localeCompare(urgency(b)) || a.openedAt - b.openedAt);
  const closed = views.filter((v) => v.next === null).sort((a, b) => b.openedAt - a.openedAt);
  return [...open, ...closed];
}
