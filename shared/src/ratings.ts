// Evaluation pads, ratings (好差评) and bad-rating cases (issue 4): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { MaskedIdentity, ServiceDay, StaffCard } from './domain.js';
import type { AckFn } from './events.js';
import type * as S from './ratings-schemas.js';

/**
 * The five national levels (国办发〔2019〕51号; GB/T 39734-2020), best first. Their codes are the
 * star counts of the national 好差评 scale: 非常满意 ☆☆☆☆☆ = 5 … 非常不满意 ☆ = 1 — the value
 * the evaluation data item of GB/T 39046-2020 (政务服务平台基础数据规范) carries to a provincial platform.
 */
export const RATING_LEVELS = ['very-satisfied', 'satisfied', 'basic', 'dissatisfied', 'very-dissatisfied'] as const;
/** 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意 */
export type RatingLevel = (typeof RATING_LEVELS)[number];

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
}

export const CASE_STEPS = ['verify', 'rectify', 'followUp', 'close'] as const;
/** 核实 → 整改 → 回访 → 办结 */
export type CaseStep = (typeof CASE_STEPS)[number];
/** Deadline steps: the case settings give each a number of working days from the rating. */
export type DeadlineStep = Exclude<CaseStep, 'close'>;

export const VERDICTS = ['confirmed', 'unfounded'] as const;
/** 属实 / 不属实 */
export type Verdict = (typeof VERDICTS)[number];

export const FOLLOW_UP_RESULTS = ['satisfied', 'dissatisfied', 'unreachable'] as const;
/** 回访结果: 满意 / 不满意 / 无法联系 */
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

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
    /** Time left, by the hub's clock (the pad's own clock may differ). */
    remainingMs: number;
  };
  /** Reasons offered for the two bad levels. */
  reasons: string[];
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
// 'pad:state'; managers' alerts go through the live board. No broadcast of this domain is needed yet.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RatingBroadcasts {}

export const RATING_ERRORS = {
  NOT_RATABLE: ['此评价器只能评价本窗口刚办结的业务', 'A pad can rate only the visit just finished at its own window'],
  ALREADY_RATED: ['该次办理已评价过（一次一评）', 'This visit has been rated already (one rating per visit)'],
  RATING_EXPIRED: ['评价时间已过，本次记为未评价', 'The time to rate this visit has passed; it counts as not rated'],
  LINK_INVALID: ['链接无效，请扫描取号单上的二维码', 'This link is not valid; scan the QR code on your ticket'],
  VISIT_NOT_FINISHED: ['{number} 号还没有办结，办结后才能评价', 'Ticket {number} is not finished yet; rate it once it is'],
  REASONS_REQUIRED: ['请选择不满意的原因', 'Please choose what was wrong'],
  REASONS_NOT_ALLOWED: ['只有“不满意”“非常不满意”需要选择原因', 'Reasons go with 不满意 / 非常不满意 only'],
  UNKNOWN_REASON: ['没有这个原因选项：{reason}', 'Not one of the offered reasons: {reason}'],
  UNKNOWN_CASE: ['没有这个工单：{caseId}', 'No such case: {caseId}'],
  NO_CONTACT: ['该工单没有可回访的号码', 'This case has no number to call back'],
  CASE_STEP_ORDER: ['该工单现在应当{next}', 'This case needs {nextEn} now'],
  CASE_CLOSED: ['该工单已办结', 'This case is closed'],
} as const satisfies Record<string, readonly [string, string]>;
