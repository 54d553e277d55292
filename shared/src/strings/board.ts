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
} as const satisfies Record<string, readonly [string, string]>;
