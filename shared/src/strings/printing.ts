// Printing: the printed slip, printer states, e-tickets, and the console's printers page.
export const PRINTING_STRINGS = {
  // ---- the printed slip (always Chinese: the hall's printers speak GBK) ----
  'slip.ahead': ['前面等候 {n} 人', '{n} ahead of you'],
  'slip.aheadWait': ['前面等候 {n} 人，约 {min} 分钟', '{n} ahead, about {min} min'],
  'slip.issuedAt': ['取号时间 {time}', 'Issued {time}'],
  'slip.reprinted': ['补打 {time}', 'Reprinted {time}'],
  'slip.identity': ['登记 {identity}', 'Registered {identity}'],
  'slip.footer': ['扫码查看进度、评价服务', 'Scan to follow the queue and rate the service'],
  'slip.test': ['打印测试', 'Printer test'],

  // ---- printer states ----
  'printer.status.unknown': ['检测中', 'Checking'],
  'printer.status.ready': ['正常', 'Ready'],
  'printer.status.paper-near-end': ['纸将用完', 'Paper low'],
  'printer.status.paper-out': ['缺纸', 'Out of paper'],
  'printer.status.cover-open': ['机盖打开', 'Cover open'],
  'printer.status.error': ['故障', 'Fault'],
  'printer.status.offline': ['离线', 'Offline'],
  'printer.kind.serial': ['串口', 'Serial'],
  'printer.kind.tcp': ['网络', 'Network'],
  'printer.kind.agent': ['打印代理', 'Print agent'],

  // ---- console: printers page ----
  'printers.noUnprinted': ['今日没有未打印的号票', 'No unprinted tickets today'],
  'printers.reprint': ['补打', 'Reprint'],
} as const satisfies Record<string, readonly [string, string]>;
