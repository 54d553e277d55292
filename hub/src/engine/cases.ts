// 差评工单: every bad rating opens a case for the window's department. Steps in order: verify
// (属实 / 不属实) → rectify (skipped when unfounded) → follow up with the citizen (回访) → close.
// Each step is due within working days of the hall calendar, counted from the rating.
import type { HallConfig, ServiceDay, ServiceWindow } from '@yichuang/shared/domain';
import type { Case, CaseStep, DeadlineStep, StepStanding } from '@yichuang/shared/ratings';
import { addDays, serviceDay } from '@yichuang/shared/time';
import { accept, fail, isBlank, isError, refuse, type CommandOf } from './guards.js';
import { evaluationOf } from './state.js';
import type { DecideContext, Decision, DomainError, EngineEvent, EngineState } from './types.js';
import { addWorkingDays } from './working-days.js';

/** Closed cases stay in the day's state (and the console's list) this long after closing. */
export const CLOSED_CASES_KEPT_DAYS = 31;

/** Names of a step for the CASE_STEP_ORDER message. */
const STEP_NAMES: Record<CaseStep, { next: string; nextEn: string }> = {
  verify: { next: '核实', nextEn: 'verification' },
  rectify: { next: '整改', nextEn: 'rectification' },
  followUp: { next: '回访', nextEn: 'a follow-up' },
  close: { next: '办结', nextEn: 'closing' },
};

/** '2026-11-23/A012' → '20261123-A012' (工单编号). */
export function caseIdOf(ticketId: string): string {
  return ticketId.replace(/-/g, '').replace('/', '-');
}

export function openCase(ticketId: string, window: ServiceWindow, now: number, config: HallConfig, sealedContact?: string): EngineEvent {
  const ratedOn = serviceDay(now, config.hall.timeZone);
  const days = config.evaluation.caseDeadlines;
  const due = (n: number): ServiceDay => addWorkingDays(ratedOn, n, config.hall.schedule);
  return {
    type: 'case.opened',
    at: now,
    caseId: caseIdOf(ticketId),
    ticketId,
    department: window.department,
    due: { verify: due(days.verifyDays), rectify: due(days.rectifyDays), followUp: due(days.followUpDays) },
    ...(sealedContact && { sealedContact }),
  };
}

/** The step a case needs next; null once closed. */
export function nextStep(c: Case): CaseStep | null {
  switch (c.reached) {
    case 'opened':
      return 'verify';
    case 'verify':
      return c.verdict === 'unfounded' ? 'followUp' : 'rectify';
    case 'rectify':
      return 'followUp';
    case 'followUp':
      return 'close';
    case 'close':
      return null;
  }
}

/** How each deadline step stands on `today`: done in time or late, pending or overdue, or skipped. */
export function standings(c: Case, today: ServiceDay, timeZone: string): Record<DeadlineStep, StepStanding> {
  const standing = (step: DeadlineStep): StepStanding => {
    if (step === 'rectify' && c.verdict === 'unfounded') return 'skipped';
    const done = c.steps.find((s) => s.step === step);
    if (done) return serviceDay(done.at, timeZone) > c.due[step] ? 'late' : 'done';
    return today > c.due[step] ? 'overdue' : 'pending';
  };
  return { verify: standing('verify'), rectify: standing('rectify'), followUp: standing('followUp') };
}

/** Cases a new day starts with: every open case, and those closed within CLOSED_CASES_KEPT_DAYS. */
export function carriedCases(state: EngineState, day: ServiceDay, timeZone: string): Case[] {
  const keepFrom = addDays(day, -CLOSED_CASES_KEPT_DAYS);
  return Object.values(evaluationOf(state).cases).filter((c) => {
    const closed = c.steps.find((s) => s.step === 'close');
    return !closed || serviceDay(closed.at, timeZone) >= keepFrom;
  });
}

function caseAt(state: EngineState, caseId: string, step: CaseStep): Case | DomainError {
  const c = evaluationOf(state).cases[caseId];
  if (!c) return { code: 'UNKNOWN_CASE', params: { caseId } };
  const next = nextStep(c);
  if (next === null) return { code: 'CASE_CLOSED' };
  if (next !== step) return { code: 'CASE_STEP_ORDER', params: STEP_NAMES[next] };
  return c;
}

export function decideVerifyCase(state: EngineState, c: CommandOf<'verifyCase'>, { now }: DecideContext): Decision {
  const found = caseAt(state, c.caseId, 'verify');
  if (isError(found)) return refuse(found);
  if (isBlank(c.notes)) return fail('NOTE_REQUIRED');
  return accept({ type: 'case.verified', at: now, caseId: c.caseId, verdict: c.verdict, notes: c.notes.trim(), by: c.by });
}

export function decideRectifyCase(state: EngineState, c: CommandOf<'rectifyCase'>, { now }: DecideContext): Decision {
  const found = caseAt(state, c.caseId, 'rectify');
  if (isError(found)) return refuse(found);
  if (isBlank(c.measures)) return fail('NOTE_REQUIRED');
  return accept({ type: 'case.rectified', at: now, caseId: c.caseId, measures: c.measures.trim(), by: c.by });
}

export function decideFollowUpCase(state: EngineState, c: CommandOf<'followUpCase'>, { now }: DecideContext): Decision {
  const found = caseAt(state, c.caseId, 'followUp');
  if (isError(found)) return refuse(found);
  if (isBlank(c.notes)) return fail('NOTE_REQUIRED');
  return accept({ type: 'case.followedUp', at: now, caseId: c.caseId, result: c.result, notes: c.notes.trim(), by: c.by });
}

export function decideCloseCase(state: EngineState, c: CommandOf<'closeCase'>, { now }: DecideContext): Decision {
  const found = caseAt(state, c.caseId, 'close');
  if (isError(found)) return refuse(found);
  const notes = c.notes?.trim();
  return accept({ type: 'case.closed', at: now, caseId: c.caseId, ...(notes && { notes }), by: c.by });
}
