// Managers' console: the frame and the overview page.
export const CONSOLE_STRINGS = {
  'console.title': ['管理控制台', 'Console'],
  'console.nav': ['导航', 'Navigation'],
  'console.noPage': ['没有这个页面', 'No such page'],
  'overview.title': ['今日概况', 'Today'],
  'overview.windows': ['窗口', 'Windows'],
  'overview.queues': ['排队', 'Queues'],
  'overview.window': ['窗口', 'Window'],
  'overview.status': ['状态', 'Status'],
  'overview.staff': ['工作人员', 'Staff'],
  'overview.current': ['当前号', 'Current'],
  'overview.category': ['业务', 'Service'],
  'overview.waiting': ['等候人数', 'Waiting'],
  'overview.estimate': ['预计等候', 'Est. wait'],
  'overview.open': ['取号开放', 'Ticketing open'],
  'overview.closed': ['取号未开放，下次：{time}', 'Ticketing closed; opens {time}'],
} as const satisfies Record<string, readonly [string, string]>;
