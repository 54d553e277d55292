// Error codes every command can answer with, and their messages in Chinese and English.

import { ADMIN_ERRORS } from './admin.js';
import { APPOINTMENT_ERRORS } from './appointments.js';
import { KIOSK_ERRORS } from './kiosk.js';
import { LIVE_ERRORS } from './live.js';
import { PRINTING_ERRORS } from './printing.js';
import { RATING_ERRORS } from './ratings.js';

const QUEUE_ERRORS = {
  BAD_REQUEST: ['请求内容有误：{detail}', 'Invalid request: {detail}'],
  PAYLOAD_TOO_LARGE: ['请求内容过大', 'Request is too large'],
  NOT_FOUND: ['没有这个地址：{path}', 'No such address: {path}'],
  CMD_ID_REUSED: ['此操作编号已用于另一项操作（{command}），请刷新页面后重试', 'This command id was already used for another command ({command}); reload and try again'],
  UNAUTHENTICATED: ['设备未登记或凭证无效，请联系管理员配对', 'Device not paired or token invalid; ask a manager to pair it'],
  FORBIDDEN: ['本设备无权执行此操作', 'This device may not do that'],
  RATE_LIMITED: ['操作过于频繁，请稍后再试', 'Too many requests; try again shortly'],
  UNKNOWN_CATEGORY: ['没有这个业务类别：{categoryId}', 'No such service category: {categoryId}'],
  UNKNOWN_WINDOW: ['没有这个窗口：{windowId}', 'No such window: {windowId}'],
  UNKNOWN_TICKET: ['今天没有这个号：{number}', 'No ticket {number} today'],
  UNKNOWN_STAFF: ['工号或密码错误', 'Wrong staff number or PIN'],
  BAD_PIN: ['工号或密码错误', 'Wrong staff number or PIN'],
  NO_WINDOW_ROLE: ['该账号不是窗口工作人员，不能在窗口登录', 'This account has no window role and cannot sign in at a window'],
  OUTSIDE_HOURS: ['现在不在办理时间，下次开始取号：{nextOpening}', 'Outside service hours; ticketing opens {nextOpening}'],
  HALL_CLOSED: ['该业务近期不办理', 'This service is not offered in the coming days'],
  APPOINTMENT_ONLY: ['此时段该业务仅接待预约群众，请先预约', 'Appointments only at this time; please book first'],
  APPOINTMENT_NOT_ALLOWED: ['该业务不接受预约', 'This service takes no appointments'],
  WALK_IN_NOT_ALLOWED: ['该业务不接受现场取号，请先预约', 'No walk-in tickets for this service; please book first'],
  PRIORITY_NOT_ALLOWED: ['该业务不设优先通道', 'No priority channel for this service'],
  DAILY_CAP_REACHED: ['今日{name}号已取完（每日限{cap}个），请改日再来或预约', 'Today\'s {cap} tickets for {name} are gone; come another day or book'],
  SLOT_FULL: ['本时段{name}号已取完，{nextSlot} 后可再取', 'This time slot is full for {name}; try again after {nextSlot}'],
  WINDOW_CLOSED: ['窗口未开放，请先登录', 'Window is closed; sign in first'],
  WINDOW_PAUSED: ['窗口暂停服务中，请先恢复', 'Window is paused; resume first'],
  WINDOW_BUSY: ['当前号 {number} 尚未办结，请先办结、过号或转移', 'Ticket {number} is still open; finish, no-show or transfer it first'],
  NO_CURRENT_TICKET: ['窗口当前没有正在呼叫或办理的号', 'No ticket is being called or served at this window'],
  QUEUE_EMPTY: ['暂无等候的群众', 'Nobody is waiting'],
  WRONG_STATE: ['号 {number} 当前状态为{state}，不能执行此操作', 'Ticket {number} is {state}; that is not possible now'],
  NOT_SERVED_HERE: [
    '{number} 号不是本窗口的业务，请由办理该业务的窗口或大厅管理员处理',
    'Ticket {number} is not for this window; its own window or a manager can handle it',
  ],
  STAFF_NOT_SIGNED_IN: ['请先登录窗口', 'Sign in at the window first'],
  STAFF_ELSEWHERE: ['该工作人员已在 {windowNumber} 号窗口登录', 'That staff member is signed in at window {windowNumber}'],
  WINDOW_TAKEN: ['该窗口已有工作人员登录', 'Another staff member is signed in at this window'],
  NOTE_REQUIRED: ['请填写原因', 'Please give a reason'],
  STORAGE_FAILED: ['数据未能保存，请重试；如持续出现请联系管理员', 'Could not save; try again, and call a manager if it persists'],
  INTERNAL: ['系统内部错误，请重试', 'Internal error; please try again'],
} as const satisfies Record<string, readonly [string, string]>;

/** Every error code with its Chinese and English message; each domain keeps its own in its file. */
export const ERROR_MESSAGES = { ...QUEUE_ERRORS, ...PRINTING_ERRORS, ...RATING_ERRORS, ...LIVE_ERRORS, ...APPOINTMENT_ERRORS, ...KIOSK_ERRORS, ...ADMIN_ERRORS } as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
/** A parameter said in each language, such as a validation detail; plain values read the same in both. */
export interface Bilingual {
  zh: string;
  en: string;
}
export type ErrorParams = Record<string, string | number | Bilingual>;

export interface AppError {
  code: ErrorCode;
  /** Chinese message. */
  message: string;
  /** English message. */
  messageEn: string;
  params?: ErrorParams;
}

function fill(template: string, params: ErrorParams, lang: keyof Bilingual): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return String((typeof v === 'object' ? v[lang] : v) ?? '');
  });
}

export function appError(code: ErrorCode, params: ErrorParams = {}): AppError {
  const [zh, en] = ERROR_MESSAGES[code];
  return { code, message: fill(zh, params, 'zh'), messageEn: fill(en, params, 'en'), params };
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };
