// The one catalogue of screen strings: Chinese (zh-CN) first, English second (DESIGN.md §7).
// Screens never hard-code a label; they call t(key, lang, params). Error messages come from the hub
// (errors.ts) already in both languages; pick one with errorText().
import type { Outcome, PauseReason, PriorityClass, TicketState, WindowStatus } from './domain.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export const STRINGS = {
  // ---- every screen ----
  'app.name': ['一窗', 'Yichuang'],
  'lang.switch': ['English', '中文'],
  'conn.connecting': ['连接中…', 'Connecting…'],
  'conn.connectingHint': ['正在连接大厅服务器，请稍候', 'Connecting to the hall server, please wait'],
  'conn.syncing': ['正在同步…', 'Syncing…'],
  'conn.offline': ['网络中断，正在重新连接…', 'Connection lost, reconnecting…'],
  'conn.notPaired': ['本设备尚未配对', 'This device is not paired'],
  'conn.notPairedHint': ['请管理员用带设备凭证的地址（…?token=…）打开本页', 'Ask a manager to open this page with its device token (…?token=…)'],
  'conn.denied': ['服务器拒绝了本设备', 'The hub refused this device'],
  'conn.retrying': ['稍后自动重试', 'Trying again shortly'],
  'common.minutes': ['{n} 分钟', '{n} min'],
  'common.people': ['{n} 人', '{n}'],
  'common.back': ['返回', 'Back'],
  'common.confirm': ['确定', 'OK'],
  'common.cancel': ['取消', 'Cancel'],
  'common.dismiss': ['关闭', 'Close'],
  'common.retry': ['重试', 'Retry'],
  'common.working': ['处理中…', 'Working…'],
  'common.windowN': ['{n} 号窗口', 'Window {n}'],
  'error.timeout': ['暂时连不上服务器，请稍后重试', 'The hub did not answer; please try again'],

  // ---- ticket states, priorities, outcomes, pause reasons, window status ----
  'state.waiting': ['等候中', 'Waiting'],
  'state.called': ['已呼叫', 'Called'],
  'state.serving': ['办理中', 'Being served'],
  'state.on-hold': ['挂起', 'On hold'],
  'state.finished': ['已办结', 'Finished'],
  'state.no-show': ['过号', 'No-show'],
  'state.cancelled': ['已取消', 'Cancelled'],
  'priority.normal': ['普通', 'Standard'],
  'priority.appointment': ['预约', 'Appointment'],
  'priority.green': ['绿色通道', 'Priority'],
  'outcome.done': ['即办', 'Done on the spot'],
  'outcome.accepted': ['受理', 'Accepted'],
  'outcome.enquiry': ['咨询', 'Enquiry'],
  'outcome.refused': ['不予受理', 'Refused'],
  'outcome.incomplete': ['材料不全一次性告知', 'Incomplete, told all at once'],
  'pause.away': ['临时外出', 'Stepped away'],
  'pause.meal': ['用餐', 'Meal break'],
  'pause.meeting': ['会议', 'Meeting'],
  'pause.training': ['培训', 'Training'],
  'pause.other': ['其他', 'Other'],
  'windowStatus.closed': ['未开放', 'Closed'],
  'windowStatus.open': ['服务中', 'Open'],
  'windowStatus.paused': ['暂停服务', 'Paused'],

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

  // ---- window caller ----
  'window.title': ['窗口叫号', 'Window caller'],
  'window.signInTitle': ['{window} 登录', 'Sign in at {window}'],
  'window.staffNumber': ['工号', 'Staff number'],
  'window.pin': ['密码', 'PIN'],
  'window.signIn': ['登录', 'Sign in'],
  'window.clear': ['清除', 'Clear'],
  'window.backspace': ['退格', 'Delete'],
  'window.keypadHint': ['可用屏幕数字键或键盘输入，回车键确认', 'Type on the keypad or the keyboard; Enter to confirm'],
  'window.notWindowDevice': ['本设备未绑定窗口', 'This device is not bound to a window'],
  'window.unknownWindow': ['大厅配置中没有本窗口', 'This window is not in the hall configuration'],
  'window.onDuty': ['{name}（工号 {number}）', '{name} (No. {number})'],
  'window.current': ['当前号', 'Current ticket'],
  'window.noCurrent': ['当前没有呼叫中的号', 'No ticket at the window'],
  'window.recalls': ['已重呼 {n} 次', 'Recalled {n}×'],
  'window.waitedMin': ['已等 {n} 分钟', 'Waited {n} min'],
  'window.callNext': ['呼叫下一位', 'Call next'],
  'window.recall': ['重呼', 'Recall'],
  'window.start': ['开始办理', 'Start'],
  'window.finish': ['办结', 'Finish'],
  'window.noShow': ['过号', 'No-show'],
  'window.pause': ['暂停', 'Pause'],
  'window.unpause': ['恢复', 'Resume'],
  'window.signOut': ['签退', 'Sign out'],
  'window.waitingList': ['等候队列（{n}）', 'Waiting ({n})'],
  'window.nobodyWaiting': ['暂无等候的群众', 'Nobody is waiting'],
  'window.chooseOutcome': ['请选择办理结果', 'Choose the outcome'],
  'window.chooseReason': ['请选择暂停原因', 'Choose a reason'],
  'window.note': ['说明', 'Note'],
  'window.noteRequiredHint': ['此结果须填写原因', 'This outcome needs a reason'],
  'window.noteRequired': ['请填写原因', 'Please give a reason'],
  'window.paused': ['暂停服务：{reason}', 'Paused: {reason}'],
  'window.confirmSignOut': ['确定签退吗？', 'Sign out now?'],
  'window.shortcutsHint': ['快捷键：F1 呼叫 · F2 重呼 · F3 开始 · F4 办结 · F5 过号 · F6 暂停/恢复 · F8 签退', 'Shortcuts: F1 call · F2 recall · F3 start · F4 finish · F5 no-show · F6 pause/resume · F8 sign out'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;
export type Params = Record<string, string | number>;

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** The string `key` in `lang`, with {param}s filled in. */
export function t(key: StringKey, lang: Lang, params?: Params): string {
  const pair = STRINGS[key];
  return fill(lang === 'zh' ? pair[0] : pair[1], params);
}

/** A configured name in the screen's language (categories, windows, the hall). */
export function named(o: { name: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' && o.nameEn ? o.nameEn : o.name;
}

/** A hub error (or a client-side one) in the screen's language. */
export function errorText(e: { message: string; messageEn: string }, lang: Lang): string {
  return lang === 'en' && e.messageEn ? e.messageEn : e.message;
}

export const stateName = (s: TicketState, lang: Lang): string => t(`state.${s}`, lang);
export const priorityName = (p: PriorityClass, lang: Lang): string => t(`priority.${p}`, lang);
export const outcomeName = (o: Outcome, lang: Lang): string => t(`outcome.${o}`, lang);
export const pauseReasonName = (r: PauseReason, lang: Lang): string => t(`pause.${r}`, lang);
export const windowStatusName = (s: WindowStatus, lang: Lang): string => t(`windowStatus.${s}`, lang);

/** The value for <html lang>. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

/** '2026年11月23日 星期一' / 'Mon, 23 Nov 2026' in the hall's time zone. */
export function formatDate(at: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    weekday: lang === 'zh' ? 'long' : 'short',
  }).format(at);
}
