// The synthetic hall's traffic: how many come, when, for what, and how long each visit takes.
// Tuned so the demo hall's 17 windows are busy (serving about 70 % of the time they are open)
// and mostly keep up with 2,000 tickets a day; the morning rush still builds a queue.
import type { Outcome } from '@yichuang/shared/domain';
import type { RatingLevel } from '@yichuang/shared/ratings';

/** Share of a working day's tickets per category, roughly the windows each category has. */
export const CATEGORY_SHARE = {
  general: 24,
  social: 6,
  insurance: 6.5,
  business: 5.5,
  property: 6.5,
  tax: 6.5,
  civil: 5.5,
  health: 5,
  utilities: 5,
  'cross-region': 5.5,
  'one-thing': 5.5,
  assist: 3.5,
  certificate: 12,
} as const;

export type PlanCategory = keyof typeof CATEGORY_SHARE;

/** Mean service time (minutes) per category. */
export const SERVICE_MINUTES: Record<PlanCategory, number> = {
  general: 2,
  social: 2.2,
  insurance: 2,
  business: 2.5,
  property: 2.4,
  tax: 2.2,
  civil: 2.2,
  health: 2,
  utilities: 1.9,
  'cross-region': 2.2,
  'one-thing': 2.4,
  assist: 3.1,
  certificate: 1.2,
};

/** Arrivals per half hour, relative: the morning rush after opening, a second peak after lunch. */
export const ARRIVAL_PROFILE: { from: number; weight: number }[] = [
  { from: 9 * 60, weight: 1.4 },
  { from: 9 * 60 + 30, weight: 1.5 },
  { from: 10 * 60, weight: 1.3 },
  { from: 10 * 60 + 30, weight: 1.1 },
  { from: 11 * 60, weight: 0.9 },
  { from: 11 * 60 + 30, weight: 0.6 },
  { from: 13 * 60 + 30, weight: 0.9 },
  { from: 14 * 60, weight: 1.2 },
  { from: 14 * 60 + 30, weight: 1.2 },
  { from: 15 * 60, weight: 1.1 },
  { from: 15 * 60 + 30, weight: 0.9 },
  { from: 16 * 60, weight: 0.7 },
  { from: 16 * 60 + 30, weight: 0.4 },
];

/** Categories that serve by appointment at weekends (周末不打烊), and the windows that open for them. */
export const WEEKEND: { categoryId: PlanCategory; windowId: string }[] = [
  { categoryId: 'insurance', windowId: 'w05' },
  { categoryId: 'property', windowId: 'w07' },
  { categoryId: 'tax', windowId: 'w08' },
];

/** A weekend day's appointments per open window, as a share of a working day's tickets. */
export const WEEKEND_SHARE_PER_WINDOW = 0.03;

export const OUTCOME_SHARE: Record<Outcome, number> = { done: 70, accepted: 15, enquiry: 10, incomplete: 4, refused: 1 };

export const RATES = {
  green: 0.04,
  appointment: 0.08,
  terminal24: 0.02,
  identity: 0.2,
  cancel: 0.01,
  noShow: 0.04,
  /** Of the no-shows, those who come back and are re-queued. */
  comeBack: 0.25,
  transfer: 0.03,
  hold: 0.02,
  /** Windows that take one short break (临时外出) in a day. */
  away: 0.5,
};

/** Where a transferred ticket goes: the comprehensive windows pass on to the certificate windows. */
export const TRANSFER_TO: Partial<Record<PlanCategory, PlanCategory>> = {
  general: 'certificate',
  'one-thing': 'certificate',
  'cross-region': 'general',
  social: 'civil',
  property: 'tax',
};

/** 好差评 at the pad: most citizens rate, a few badly; the rest time out as 未评价. */
export const RATING = {
  participation: 0.7,
  levels: { 'very-satisfied': 70, satisfied: 20, basic: 7.5, dissatisfied: 2, 'very-dissatisfied': 0.5 } satisfies Record<RatingLevel, number>,
  unfounded: 0.3,
};

/** The hall office works the bad-rating cases one step a working day, at this time. */
export const CASE_ROUND_MINUTES = 9 * 60 + 30;
