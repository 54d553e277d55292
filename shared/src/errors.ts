// Error codes every command can answer with, their messages in Chinese and English, and the answer
// (Ack) every command and REST route gives. Each domain keeps its table in a leaf file of its own
// (*-errors.ts), so this file depends on nothing else in shared/ and everything may depend on it.
import { ADMIN_ERRORS } from './admin-errors.js';
import { APPOINTMENT_ERRORS } from './appointments-errors.js';
import { DISTRICT_ERRORS } from './district-errors.js';
import { KIOSK_ERRORS } from './kiosk-errors.js';
import { LIVE_ERRORS } from './live-errors.js';
import { NOTICE_ERRORS } from './notices-errors.js';
import { PRINTING_ERRORS } from './printing-errors.js';
import { QUEUE_ERRORS } from './queue-errors.js';
import { RATING_ERRORS } from './ratings-errors.js';

/** Every error code with its Chinese and English message. */
export const ERROR_MESSAGES = {
  ...QUEUE_ERRORS,
  ...PRINTING_ERRORS,
  ...RATING_ERRORS,
  ...LIVE_ERRORS,
  ...APPOINTMENT_ERRORS,
  ...KIOSK_ERRORS,
  ...ADMIN_ERRORS,
  ...NOTICE_ERRORS,
  ...DISTRICT_ERRORS,
} as const;

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
  /** What was wrong with which field of the input, for a form to show beside each field (admin-fields.ts). */
  fields?: FieldIssue[];
}

/** One field's problem: `path` is the input's path (zod's issue path joined by dots, e.g. `staff.number`). */
export interface FieldIssue {
  path: string;
  message: string;
  messageEn: string;
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

/** The error, said to be about the field at `path` too. */
export function atField(error: AppError, path: string): AppError {
  return { ...error, fields: [{ path, message: error.message, messageEn: error.messageEn }] };
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };
/** How a command's answer comes back: Socket.IO's acknowledgement callback. */
export type AckFn<T> = (ack: Ack<T>) => void;
