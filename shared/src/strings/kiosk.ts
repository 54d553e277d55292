// Take-a-number kiosk, self-service and 24-hour terminals.
export const KIOSK_STRINGS = {
  // ---- kiosk (take a number) ----
  'kiosk.title': ['自助取号', 'Take a number'],
  'kiosk.chooseService': ['请选择要办理的业务', 'Please choose a service'],
  'kiosk.waiting': ['等候 {n} 人', '{n} waiting'],
  'kiosk.estimatedWait': ['预计等候约 {n} 分钟', 'About {n} min wait'],
  'kiosk.noWait': ['无需等候', 'No wait'],
  'kiosk.noServices': ['暂无可现场取号的业务', 'No services take walk-in tickets now'],
  'kiosk.closed': ['现在不在取号时间', 'Ticketing is closed now'],
  'kiosk.nextOpening': ['下次开始取号：{time}', 'Ticketing opens {time}'],
  'kiosk.chooseType': ['请选择取号方式', 'Choose a ticket type'],
  'kiosk.normalTicket': ['普通取号', 'Standard ticket'],
  'kiosk.greenTicket': ['绿色通道', 'Priority ticket'],
  'kiosk.greenHint': ['老年人、残疾人、孕妇、军人等优先办理', 'For the elderly, people with disabilities, pregnant women and service members'],
  'kiosk.issuing': ['正在取号…', 'Issuing your ticket…'],
  'kiosk.yourNumber': ['您的号码', 'Your number'],
  'kiosk.ahead': ['前面还有 {n} 人', '{n} ahead of you'],
  'kiosk.noneAhead': ['前面没有人等候', 'Nobody ahead of you'],
  'kiosk.watchBoard': ['请留意叫号屏和语音提示', 'Please watch the call board and listen for your number'],
  'kiosk.done': ['完成', 'Done'],
  'kiosk.refused': ['暂时无法取号', 'No ticket could be issued'],
  'kiosk.autoReturn': ['{n} 秒后返回首页', 'Back to the start in {n} s'],
} as const satisfies Record<string, readonly [string, string]>;
