// Errors of the district server (district/): its console's REST reads.
export const DISTRICT_ERRORS = {
  DISTRICT_SIGN_IN_REQUIRED: ['请先登录区级控制台', 'Sign in to the district console first'],
  DISTRICT_DB_DOWN: ['区级数据库暂不可用，请稍后重试', 'The district database is unavailable; try again shortly'],
} as const satisfies Record<string, readonly [string, string]>;
