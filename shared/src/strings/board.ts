// Hall call board and window-top displays.
export const BOARD_STRINGS = {
  // ---- hall call board ----
  'board.title': ['叫号信息', 'Now calling'],
  'board.pleaseGo': ['请到', 'Please go to'],
  'board.recentCalls': ['最近叫号', 'Recent calls'],
  'board.queues': ['排队情况', 'Queues'],
  'board.number': ['号码', 'Number'],
  'board.window': ['窗口', 'Window'],
  'board.waiting': ['等候', 'Waiting'],
  'board.noCalls': ['暂无叫号', 'No calls yet'],
  'board.recall': ['重呼', 'Recall'],
  'board.enableSound': ['请点击屏幕开启语音叫号', 'Tap the screen to turn on voiced calls'],

  // ---- window-top display ----
  'display.calling': ['请 {number} 号到本窗口办理', 'Number {number}, please come to this window'],
  'display.serving': ['正在办理', 'Now serving'],
  'display.idle': ['欢迎办理', 'Welcome'],
  'display.paused': ['暂停服务', 'Service paused'],
  'display.closed': ['本窗口暂未开放', 'This window is closed'],
  'display.staffNumber': ['工号 {number}', 'Staff no. {number}'],
  'display.notice': ['通知', 'Notice'],
  'display.noWindow': ['本屏幕未绑定窗口，请联系管理员', 'This display belongs to no window; ask a manager'],
} as const satisfies Record<string, readonly [string, string]>;
