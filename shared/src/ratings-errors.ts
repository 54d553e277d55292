// Error messages of evaluation pads, ratings (好差评) and bad-rating cases (issue 4).
// A leaf: errors.ts joins every domain's table into the one list of error codes.

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
