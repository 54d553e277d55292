// Error messages of console administration (issue 7): configuration, accounts, device pairing.
// A leaf: errors.ts joins every domain's table into the one list of error codes.

export const ADMIN_ERRORS = {
  PDF_UNAVAILABLE: [
    '无法生成 PDF：本机没有可用的 Chromium（{path}）。请安装 chromium，或在浏览器中打开评价报告后点“打印”。',
    'Cannot make the PDF: no usable Chromium on this PC ({path}). Install chromium, or open the evaluation report in a browser and press 打印 (Print).',
  ],
  SIGN_IN_REQUIRED: ['请先登录管理控制台（登录已过期或尚未登录）', 'Sign in to the console first (not signed in, or the session expired)'],
  BAD_PASSWORD: ['工号或密码错误', 'Wrong staff number or password'],
  SIGN_IN_LOCKED: ['登录失败次数过多，请 {minutes} 分钟后再试', 'Too many failed sign-ins; try again in {minutes} min'],
  NO_CONSOLE_ROLE: ['该账号没有管理控制台权限', 'This account may not use the console'],
  UNKNOWN_PAIRING_CODE: ['配对码无效或已过期：{code}', 'Pairing code {code} is unknown or has expired'],
  UNKNOWN_DEVICE: ['没有这台设备：{deviceId}', 'No such device: {deviceId}'],
  BAD_PLACE: ['{role} 设备需要指定{place}', 'A {role} device needs {placeEn}'],
  UNKNOWN_STAFF_ID: ['没有这名工作人员：{staffId}', 'No such staff member: {staffId}'],
  DUPLICATE_ID: ['编号已被占用：{id}', 'That id is taken: {id}'],
  DUPLICATE_PREFIX: ['号码字头已被 {name} 使用：{prefix}', 'Prefix {prefix} is used by {name}'],
  DUPLICATE_WINDOW_NUMBER: ['窗口号已被占用：{number}', 'Window number {number} is taken'],
  DUPLICATE_STAFF_NUMBER: ['工号 {number} 已被 {name} 使用', 'Staff number {number} is used by {name}'],
  PREFIX_IN_USE_TODAY: ['今天已发出 {prefix} 字头的号，明天起才能更换或启用该字头', 'Tickets with prefix {prefix} were issued today; change or reuse it from tomorrow'],
  UNKNOWN_ZONE: ['没有这个区域：{zone}', 'No such zone: {zone}'],
  ZONE_IN_USE: ['区域 {zone} 仍有窗口或设备在用', 'Zone {zone} is still used by windows or devices'],
  CATEGORY_IN_USE: ['仍有窗口办理该类别（{windows} 号窗口），请先修改这些窗口', 'Windows {windows} still serve this category; change them first'],
  CATEGORY_HAS_TICKETS: ['该类别今天还有 {count} 个号未办结，请办结后再删除', '{count} tickets of this category are still open today; remove it once they are done'],
  WINDOW_IN_USE: ['{number} 号窗口有人登录或有未办结的号，请先签退', 'Window {number} has a signed-in staff member or an open ticket; sign out first'],
  WINDOW_HAS_DEVICES: ['该窗口仍有配对设备（{devices}），请先撤销', 'Devices are still paired to this window ({devices}); revoke them first'],
  STAFF_SIGNED_IN: ['该工作人员正在 {number} 号窗口登录，请先签退', 'This staff member is signed in at window {number}; sign out first'],
  LAST_ADMIN: ['至少要保留一名设有密码的管理员', 'At least one admin with a password must remain'],
  LAST_CONSOLE: ['请先配对一台正式的管理控制台（在另一台电脑或浏览器打开 /console/，用本控制台配对），否则撤销后无人能再配对设备', 'Pair a real console first (open /console/ on another PC or browser and pair it here): otherwise nobody could pair a device again'],
  PIN_REQUIRED: ['新增工作人员须设置 PIN', 'A new staff member needs a PIN'],
  ROLE_FORBIDDEN: ['{roles}无权执行此操作', 'Signed in as {roles}: not allowed to do that'],
  PHOTO_INVALID: ['照片须为 JPEG、PNG 或 WebP 图片，不超过 512 KB', 'A photo must be a JPEG, PNG or WebP image of at most 512 KB'],
} as const satisfies Record<string, readonly [string, string]>;
