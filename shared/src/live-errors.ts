// Error messages of the live board, alerts and tidal windows (issue 5).
// A leaf: errors.ts joins every domain's table into the one list of error codes.

export const LIVE_ERRORS = {
  NOT_TIDAL_WINDOW: ['{windowId} 不是潮汐窗口', '{windowId} is not a tidal window'],
  TIDAL_WINDOW_CLOSED: ['{n} 号窗口无人签到，不能切换', 'Nobody is signed in at window {n}: it cannot be switched'],
  UNKNOWN_ALERT: ['没有这条提醒', 'No such alert'],
  UNKNOWN_BOARD: ['没有这块叫号屏：{deviceId}', 'No such board: {deviceId}'],
  UNKNOWN_ZONE: ['没有这个区域：{zone}', 'No such zone: {zone}'],
} as const satisfies Record<string, readonly [string, string]>;
