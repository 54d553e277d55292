// 好差评 figures: ratings over finished visits, and how bad-rating cases were handled.
import type { CaseFigures, RatingFigures } from '@yichuang/shared/reports';
import { RATING_LEVELS, type Case, type DeadlineStep, type Rating, type RatingLevel, type StepStanding } from '@yichuang/shared/ratings';
import { standings } from '../engine/cases.js';
import type { CaseFact, SettledStanding } from './facts.js';

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** A literal, not built from RATING_LEVELS: a year's report makes tens of thousands, and literals share one shape. */
export const emptyLevels = (): Record<RatingLevel, number> => ({ 'very-satisfied': 0, satisfied: 0, basic: 0, dissatisfied: 0, 'very-dissatisfied': 0 });

/** `visits` = finished visits; a visit without a rating record yet is neither rated nor 未评价. */
export function ratingFigures(ratings: readonly Rating[], visits: number): RatingFigures {
  const levels = emptyLevels();
  let unrated = 0;
  for (const r of ratings) {
    if (r.level === 'unrated') unrated++;
    else levels[r.level]++;
  }
  return ratingFiguresOf(levels, unrated, visits);
}

/** The same, from rating records already counted by level. */
export function ratingFiguresOf(levels: Record<RatingLevel, number>, unrated: number, visits: number): RatingFigures {
  const rated = RATING_LEVELS.reduce((s, l) => s + levels[l], 0);
  return {
    visits,
    rated,
    unrated,
    levels: { ...levels },
    participation: rate(rated, visits),
    satisfaction: rate(levels['very-satisfied'] + levels.satisfied, rated),
    goodRate: rate(rated - levels.dissatisfied - levels['very-dissatisfied'], rated),
  };
}

/**
 * A case version as reports keep it. Its settled steps are judged here, once, by the engine's rules
 * (engine/cases.ts standings); what is still open is judged against a report's day in caseFigures.
 */
export function caseFact(c: Case, timeZone: string): CaseFact {
  const day = c.rating.ticketId.slice(0, c.rating.ticketId.indexOf('/')); // ticket ids carry their service day
  // A settled step's standing does not depend on the day it is asked on.
  const s = standings(c, day, timeZone);
  const settled = Object.fromEntries(DEADLINE_STEPS.flatMap((step) => (isSettled(s[step]) ? [[step, s[step]]] : []))) as CaseFact['settled'];
  return {
    id: c.id,
    day,
    realName: c.rating.contact !== undefined,
    ...(c.verdict && { verdict: c.verdict }),
    closed: c.reached === 'close',
    due: c.due,
    settled,
  };
}

const DEADLINE_STEPS = ['verify', 'rectify', 'followUp'] as const satisfies readonly DeadlineStep[];
const isSettled = (s: StepStanding): s is SettledStanding => s === 'done' || s === 'late' || s === 'skipped';

/** A step's standing as of `today`: settled, or else overdue once its last day has passed (as the engine judges it). */
function standingOf(f: CaseFact, step: DeadlineStep, today: string): StepStanding {
  return f.settled[step] ?? (today > f.due[step] ? 'overdue' : 'pending');
}

/** Cases in their latest known state, judged against their deadlines as of `today`. */
export function caseFigures(cases: readonly CaseFact[], today: string): CaseFigures {
  const judged = cases.map((c) => ({ c, s: { verify: standingOf(c, 'verify', today), rectify: standingOf(c, 'rectify', today), followUp: standingOf(c, 'followUp', today) } satisfies Record<DeadlineStep, StepStanding> }));
  const confirmed = judged.filter(({ c }) => c.verdict === 'confirmed');
  const realName = confirmed.filter(({ c }) => c.realName);
  // The rates count a case once it is closed or its step is settled or overdue, never while the step
  // is still within its time: the day after a bad rating reports no rate, not 0/3 (#20).
  const due = (xs: typeof judged, step: DeadlineStep): typeof judged => xs.filter(({ c, s }) => c.closed || s[step] !== 'pending');
  const onTime = (xs: typeof judged): number | null => rate(xs.filter(({ s }) => s.rectify === 'done').length, xs.length);
  const followUpDue = due(judged, 'followUp');
  const verifyDue = due(judged, 'verify');
  return {
    cases: cases.length,
    open: cases.filter((c) => !c.closed).length,
    verification: rate(verifyDue.filter(({ s }) => s.verify === 'done' || s.verify === 'late').length, verifyDue.length),
    rectificationOnTime: onTime(due(confirmed, 'rectify')),
    followUp: rate(followUpDue.filter(({ s }) => s.followUp === 'done' || s.followUp === 'late').length, followUpDue.length),
    realNameRectificationOnTime: onTime(due(realName, 'rectify')),
    overdue: judged.filter(({ s }) => Object.values(s).includes('overdue')).length,
  };
}
