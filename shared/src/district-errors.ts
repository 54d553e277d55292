// Errors of the district server (district/): its console's REST reads.
export const DISTRICT_ERRORS = {
  DISTRICT_SIGN_IN_REQUIRED: ['请先登录区级控制台', 'Sign in to the district console first'],
  DISTRICT_DB_DOWN: ['区级数据库暂不可用，请稍后重试', 'The district database is unavailable; try again shortly'],
  DISTRICT_BAD_PASSWORD: ['用户名或密码不正确', 'Wrong user name or password'],
  DISTRICT_ADMIN_ONLY: ['只有区级管理员可以执行此操作（评价员只能查看）', 'Only a district admin may do that (an evaluator only reads)'],
} as const satisfies Record<string, readonly [string, string]>;
