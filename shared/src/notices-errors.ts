// Error messages of window notices (issue 23). A leaf: errors.ts joins every domain's table.

export const NOTICE_ERRORS = {
  UNKNOWN_NOTICE: ['没有这条通知：{noticeId}', 'No such notice: {noticeId}'],
  NOTICE_ENDED: ['这条通知已结束或已撤回', 'This notice has ended or been withdrawn already'],
  NOTICE_END_PASSED: ['结束时间须晚于现在', 'The end time must be later than now'],
} as const satisfies Record<string, readonly [string, string]>;
