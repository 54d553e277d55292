// The closed lists of the domain that the zod schemas check, the string catalogue names and the
// screens offer, each defined once as a const array with its type derived from it (the roles are in
// roles.ts). A leaf: the schemas cannot take them from the domain files, whose types come from the
// schemas. Hub and screens import them through the domain files (domain.ts, kiosk.ts, printing.ts,
// ratings.ts).

/** Where a hall stands in the district (issue 21): 政务服务中心, 街道/镇便民服务中心, 村/社区便民服务站. */
export const HALL_LEVELS = ['centre', 'street', 'station'] as const;
export type HallLevel = (typeof HALL_LEVELS)[number];

/** 党员 / 团员, on the staff card. */
export const BADGES = ['party', 'league'] as const;
export type Badge = (typeof BADGES)[number];

/** 综合窗口 / 部门窗口 / 综合出证 / 帮办代办 / 潮汐窗口 */
export const WINDOW_KINDS = ['comprehensive', 'department', 'certificate', 'assist', 'tidal'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WINDOW_STATUSES = ['closed', 'open', 'paused'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

export const PRIORITY_CLASSES = ['normal', 'appointment', 'green'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

export const TICKET_SOURCES = ['kiosk', 'appointment', 'staff', 'terminal24', 'phone'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const TICKET_STATES = ['waiting', 'called', 'serving', 'on-hold', 'finished', 'no-show', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const OUTCOMES = ['done', 'accepted', 'enquiry', 'refused', 'incomplete'] as const;
/** 即办 / 受理 / 咨询 / 不予受理 / 材料不全一次性告知 */
export type Outcome = (typeof OUTCOMES)[number];

export const PAUSE_REASONS = ['away', 'meal', 'meeting', 'training', 'other'] as const;
/** 临时外出 / 用餐 / 会议 / 培训 / 其他 */
export type PauseReason = (typeof PAUSE_REASONS)[number];

/**
 * `service`: ticketing open; `self-service`: a 24-hour terminal outside hall hours (ticketing off,
 * guides, check-in, ratings and suggestions on); `closed`: a hall kiosk outside hall hours.
 */
export const KIOSK_MODES = ['service', 'self-service', 'closed'] as const;
export type KioskMode = (typeof KIOSK_MODES)[number];

/**
 * Whether a category takes walk-in tickets now (docs/design.md §3, availability): `notServed` no window
 * is assigned to it (not offered); `noOpenWindow` windows are assigned but nobody is signed in at
 * them (offered, with a notice); `closedNow` outside its hours or its time slot is full; `fullToday`
 * its daily cap is reached or a ticket taken now would not be called before closing; `open`.
 */
export const AVAILABILITY_STATES = ['open', 'noOpenWindow', 'closedNow', 'fullToday', 'notServed'] as const;
export type AvailabilityState = (typeof AVAILABILITY_STATES)[number];

export const SUGGESTION_KINDS = ['suggestion', 'complaint', 'praise'] as const;
/** 建议 / 投诉 / 表扬 */
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_TOPICS = ['waiting', 'guidance', 'staff', 'efficiency', 'materials', 'equipment', 'environment', 'other'] as const;
/** 等候时间 / 指引标识 / 工作人员服务 / 办事效率 / 材料要求 / 设备网络 / 环境设施 / 其他 */
export type SuggestionTopic = (typeof SUGGESTION_TOPICS)[number];

/** What a printer says about itself (DLE EOT), `offline` when it does not answer, `unknown` until it was asked. */
export const PRINTER_STATUSES = ['unknown', 'ready', 'paper-near-end', 'paper-out', 'cover-open', 'error', 'offline'] as const;
export type PrinterStatus = (typeof PRINTER_STATUSES)[number];

export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/**
 * The five national levels (国办发〔2019〕51号; GB/T 39734-2020), best first. Their codes are the
 * star counts of the national 好差评 scale: 非常满意 ☆☆☆☆☆ = 5 … 非常不满意 ☆ = 1. Records for a
 * provincial platform are coded by RATING_EXPORT_PROFILES (GB/T 39046-2020 counts 1 = 非常满意).
 */
export const RATING_LEVELS = ['very-satisfied', 'satisfied', 'basic', 'dissatisfied', 'very-dissatisfied'] as const;
/** 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意 */
export type RatingLevel = (typeof RATING_LEVELS)[number];

/**
 * How rating records are coded for a provincial 好差评 platform: 'national' as GB/T 39046-2020 table 9
 * (满意度代码 1 = 非常满意 … 5 = 非常不满意); 'reversed' for provincial interfaces that count the other
 * way (5 = 非常满意 … 1 = 非常不满意, as Zhejiang's).
 */
export const RATING_EXPORT_PROFILES = ['national', 'reversed'] as const;
export type RatingExportProfile = (typeof RATING_EXPORT_PROFILES)[number];

export const VERDICTS = ['confirmed', 'unfounded'] as const;
/** 属实 / 不属实 */
export type Verdict = (typeof VERDICTS)[number];

export const FOLLOW_UP_RESULTS = ['satisfied', 'dissatisfied', 'unreachable'] as const;
/** 回访结果: 满意 / 不满意 / 无法联系 */
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
