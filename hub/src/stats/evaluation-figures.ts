// 好差评 figures: ratings over finished visits, and how bad-rating cases were handled.
import type { CaseFigures, RatingFigures } from '@yichuang/shared/reports';
import { RATING_LEVELS, type Case, type Rating, type RatingLevel } from '@yichuang/shared/ratings';
import { standings } from '../engine/cases.js';

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export const emptyLevels = (): Record<RatingLevel, number> => Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;

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

/** A case's standings as of a day, worked out once per case object (reports keep past days' cases in memory). */
const judgedAt = new WeakMap<Case, { asOf: string; s: ReturnType<typeof standings> }>();
function standingsOf(c: Case, today: string, timeZone: string): ReturnType<typeof standings> {
  const asOf = `${today} ${timeZone}`;
  const hit = judgedAt.get(c);
  if (hit?.asOf === asOf) return hit.s;
  const s = standings(c, today, timeZone);
  judgedAt.set(c, { asOf, s });
  return s;
}

/** Cases in their latest known state, judged against their deadlines as of `today`. */
export function caseFigures(cases: readonly Case[], today: string, timeZone: string): CaseFigures {
  const judged = cases.map((c) => ({ c, s: standingsOf(c, today, timeZone) }));
  const confirmed = judged.filter(({ c }) => c.verdict === 'confirmed');
  const realName = confirmed.filter(({ c }) => c.rating.contact !== undefined);
  const onTime = (xs: typeof judged): number => xs.filter(({ s }) => s.rectify === 'done').length;
  return {
    cases: cases.length,
    open: cases.filter((c) => c.reached !== 'close').length,
    verification: rate(judged.filter(({ s }) => s.verify === 'done' || s.verify === 'late').length, cases.length),
    rectificationOnTime: rate(onTime(confirmed), confirmed.length),
    followUp: rate(judged.filter(({ s }) => s.followUp === 'done' || s.followUp === 'late').length, cases.length),
    realNameRectificationOnTime: rate(onTime(realName), realName.length),
    overdue: judged.filter(({ s }) => Object.values(s).includes('overdue')).length,
  };
}
