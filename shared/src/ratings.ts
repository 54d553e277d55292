// Evaluation pads, ratings (好差评) and bad-rating cases (issue 4): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { MaskedIdentity, ServiceDay, StaffCard } from './domain.js';
import type { AckFn } from './errors.js';
import type { FollowUpResult, RatingLevel, Verdict } from './lists.js';
import type * as S from './ratings-schemas.js';

export { FOLLOW_UP_RESULTS, RATING_LEVELS, VERDICTS, type FollowUpResult, type RatingLevel, type Verdict } from './lists.js';

export const LEVEL_CODE: Record<RatingLevel, 1 | 2 | 3 | 4 | 5> = {
  'very-satisfied': 5,
  satisfied: 4,
  basic: 3,
  dissatisfied: 2,
  'very-dissatisfied': 1,
};

/** 差评: these two levels need reasons and open a case. */
export const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very-dissatisfied'];
export const isBadLevel = (level: RatingLevel): boolean => BAD_LEVELS.includes(level);

/**
 * Where the rating was given (评价渠道): the window's pad right after the visit, or later by ticket
 * number at a hall kiosk or on the phone page the slip's QR code opens.
 */
export const RATING_CHANNELS = ['pad', 'kiosk', 'phone'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** One visit's evaluation (一次一评), with the national fields a provincial export needs. */
export interface Rating {
  /** 办件编号: the ticket id, until a case number from an approval system is linked. */
  ticketId: string;
  ticketNumber: string;
  categoryId: string;
  windowId: string;
  staffId: string;
  channel: RatingChannel;
  /** When the visit finished. */
  finishedAt: number;
  /** When it was rated, or when it became 未评价. */
  at: number;
  /** 'unrated' = 未评价: nobody rated in time. Never counted as a good rating. */
  level: RatingLevel | 'unrated';
  /** LEVEL_CODE of the level; absent when unrated. */
  code?: number;
  /** Chosen from the hall's badReasons (bad levels only). */
  reasons: string[];
  text?: string;
  /** 实名: the citizen's phone, masked (138****5678). */
  contact?: MaskedIdentity;
  /** The ticket's 办件编号 when it was given at 办结 (Ticket.caseNumber). */
  caseNumber?: string;
}

export const CASE_STEPS = ['verify', 'rectify', 'followUp', 'close'] as const;
/** 核实 → 整改 → 回访 → 办结 */
export type CaseStep = (typeof CASE_STEPS)[number];
/** Deadline steps: the case settings give each a number of working days from the rating. */
export type DeadlineStep = Exclude<CaseStep, 'close'>;

/** Who did a case step: the device it was done on, and the person who says they did it (经办人). */
export interface CaseActor {
  deviceId: string;
  staffId?: string;
  name: string;
}

export interface CaseStepRecord {
  step: CaseStep;
  at: number;
  by: CaseActor;
  /** Notes, measures or follow-up account, as the step asks. */
  text: string;
  verdict?: Verdict;
  result?: FollowUpResult;
}

/** 差评工单: one per bad rating, for the window's department. */
export interface Case {
  /** 工单编号, e.g. '20261123-A012'. */
  id: string;
  /** Kept whole: a case outlives the day its rating belongs to. */
  rating: Rating;
  department: string;
  openedAt: number;
  /** Last working day (hall calendar) each step is due on, counted from the rating. */
  due: Record<DeadlineStep, ServiceDay>;
  /** The step done last; 'opened' before verification. */
  reached: 'opened' | CaseStep;
  verdict?: Verdict;
  steps: CaseStepRecord[];
  /**
   * The citizen's phone for the follow-up (回访), sealed (AES-256-GCM, key from secret.key): only the
   * hub opens it, for a manager, and writes each opening to the audit log. Never sent to a screen.
   */
  sealedContact?: string;
}

/** A deadline step's standing: done in time, done late, still open (in time or overdue), or skipped. */
export type StepStanding = 'done' | 'late' | 'pending' | 'overdue' | 'skipped';

export interface CaseView extends Omit<Case, 'sealedContact'> {
  /** A manager may open the citizen's full number for the follow-up ('case:contact'). */
  callable: boolean;
  /** The step to do next; null once closed. */
  next: CaseStep | null;
  standing: Record<DeadlineStep, StepStanding>;
  /** Some step is overdue now. */
  overdue: boolean;
  windowNumber?: number;
  staff?: Pick<StaffCard, 'number' | 'name'>;
}

/** What a pad shows: the staff card while idle, the rating screen while a visit awaits its rating. */
export interface PadState {
  windowId: string;
  /** The visit just finished at this window, if it may still be rated. */
  prompt?: {
    ticketId: string;
    ticketNumber: string;
    /** Time left, by the hub's clock (the pad's own clock may differ); longer once a level is chosen. */
    remainingMs: number;
    /** The level chosen (and reasons so far): it counts even if the details are never finished. */
    chosen?: { level: RatingLevel; reasons: string[] };
  };
  /** The visit the pad asked about was rated elsewhere (the phone page, a kiosk) before the pad. */
  ratedElsewhere?: PadRatedElsewhere;
  /** Reasons offered for the two bad levels. */
  reasons: string[];
}

/** Told to a window's pad when its visit is rated on the phone or at a kiosk: it stops asking. */
export interface PadRatedElsewhere {
  windowId: string;
  ticketId: string;
  ticketNumber: string;
  channel: Exclude<RatingChannel, 'pad'>;
}

export interface RatingCounts {
  /** Finished visits. */
  visits: number;
  /** Visits still waiting for their rating. */
  pending: number;
  unrated: number;
  levels: Record<RatingLevel, number>;
}

/** A staff member's own figures today, for the caller. */
export interface StaffFigures {
  staffId: string;
  served: number;
  /** Mean of service periods (hold excluded), minutes; absent before the first finished visit. */
  averageServiceMin?: number;
  ratings: RatingCounts;
}

/** A finished visit as a kiosk or the phone page shows it, to be rated later by its number. */
export interface VisitToRate {
  number: string;
  categoryName: string;
  categoryNameEn: string;
  windowNumber: number;
  windowName: string;
  windowNameEn: string;
  staff?: Pick<StaffCard, 'number' | 'name'>;
  finishedAt: number;
  /** The rating given, if any: a rated visit is not rated again. 未评价 is no rating. */
  rated?: { level: RatingLevel; channel: RatingChannel; at: number };
  /** Reasons offered for the two bad levels. */
  reasons: string[];
}

export interface CaseContact {
  caseId: string;
  phone: string;
}

export interface RatingCommands {
  /** The pad's state after a (re)connect, and after each visit finished at its window. */
  'pad:state': (p: S.PadStateInput, ack: AckFn<PadState>) => void;
  'pad:rate': (p: S.RateInput, ack: AckFn<Rating>) => void;
  /** A level chosen: the hub keeps it, and gives more time for the details (the new prompt). */
  'pad:choose': (p: S.ChooseInput, ack: AckFn<PadState>) => void;
  'window:figures': (p: S.FiguresInput, ack: AckFn<StaffFigures>) => void;
  /** A kiosk: today's finished visit by the number on its slip; then its rating. */
  'visit:find': (p: S.VisitFindInput, ack: AckFn<VisitToRate>) => void;
  'visit:rate': (p: S.VisitRateInput, ack: AckFn<VisitToRate>) => void;
  'case:list': (p: S.CaseListInput, ack: AckFn<CaseView[]>) => void;
  'case:verify': (p: S.VerifyCaseInput, ack: AckFn<CaseView>) => void;
  'case:rectify': (p: S.RectifyCaseInput, ack: AckFn<CaseView>) => void;
  'case:followUp': (p: S.FollowUpCaseInput, ack: AckFn<CaseView>) => void;
  'case:close': (p: S.CloseCaseInput, ack: AckFn<CaseView>) => void;
  /** The citizen's full number for the 回访: managers only, each answer audited. */
  'case:contact': (p: S.CaseContactInput, ack: AckFn<CaseContact>) => void;
}

// Screens learn of a finished visit from the hall's own sequenced 'ticket:finished' and then ask
// 'pad:state'; managers' alerts go through the live board. A visit rated elsewhere is told to its
// window's pad at once (a pad that missed it learns it from 'pad:state').
export interface RatingBroadcasts {
  'pad:ratedElsewhere': (e: PadRatedElsewhere) => void;
}

