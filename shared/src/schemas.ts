// zod schemas of every command payload (and the queue's REST query); the hub parses with them, clients use the inferred types.
import { z } from 'zod';
import { OUTCOMES, PAUSE_REASONS } from './lists.js';
import { t } from './i18n.js';
import { idNumberProblem, isValidPhone } from './identity.js';
import { CASE_NUMBER, TICKET_NUMBER } from './tickets.js';

/** Ids of configured things (categories, windows, devices…): every domain's schemas use this one. */
export const id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, '只能含字母、数字和 _ . : - / letters, digits, _ . : - only');
/** Client-made command id: a retried command with the same id is answered, not repeated. */
export const cmdId = id;
/**
 * A query without input. One schema for every connection: zod compiles a parser for each schema at its
 * first use, and one made per connection was compiled 500 times over as screens reconnected after a restart.
 */
export const noInput = z.object({});
/** A service day or any calendar date, YYYY-MM-DD. */
export const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式 YYYY-MM-DD / a date as YYYY-MM-DD');
/** The signature of a slip's phone link (60 bits, base64url), as hub/src/security/ticket-links.ts makes it. */
export const SIGNATURE = /^[A-Za-z0-9_-]{10}$/;
export const linkSignature = z.string().regex(SIGNATURE, '链接不完整 / incomplete link');
const note = z.string().trim().max(200);
export const ticketNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(TICKET_NUMBER, '号码如 A023 / a ticket number like A023');

export const identityInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), value: z.string().refine(isValidPhone, '手机号码格式不正确 / invalid mobile number') }),
  z.object({
    kind: z.literal('id'),
    value: z.string().superRefine((value, ctx) => {
      const problem = idNumberProblem(value);
      // What was wrong, as the kiosk's keypad says it.
      if (problem) ctx.addIssue({ code: 'custom', message: `${t(`kiosk.badId.${problem}`, 'zh')} / ${t(`kiosk.badId.${problem}`, 'en')}` });
    }),
  }),
]);

export const issueTicket = z.object({
  cmdId,
  categoryId: id,
  priority: z.enum(['normal', 'green']).default('normal'),
  identity: identityInput.optional(),
});

const atWindow = z.object({ cmdId, windowId: id });

export const callNext = atWindow;
export const callNumber = atWindow.extend({ number: ticketNumber });
export const recall = atWindow;
export const startService = atWindow;
/** 办件编号 (tickets.ts CASE_NUMBER); a scanner's stray spaces are trimmed. */
export const caseNumber = z.string().trim().regex(CASE_NUMBER, '办件编号为 1–50 位字母、数字、- 或 _ / the case number is 1–50 letters, digits, - or _');
/** 事项编码 of the hall's catalogue. */
export const itemCode = z.string().trim().min(1).max(64).regex(/^[\w.-]+$/, '事项编码只能含字母、数字和 _ . - / the item code is letters, digits, _ . - only');
export const finishService = atWindow.extend({ outcome: z.enum(OUTCOMES), note: note.optional(), caseNumber: caseNumber.optional(), itemCode: itemCode.optional() });
/** 办件编号 and/or 事项 for the last visit finished at the window. */
export const linkCase = atWindow
  .extend({ caseNumber: caseNumber.optional(), itemCode: itemCode.optional() })
  .refine((v) => v.caseNumber !== undefined || v.itemCode !== undefined, { message: '请填写办件编号或选择事项 / give a case number or an item' });
export const markNoShow = atWindow;
/** The bad-rating cases a window's caller shows (a read; cmdId as every caller request has). */
export const windowCases = atWindow;
export const transferTicket = atWindow
  .extend({ toCategoryId: id.optional(), toWindowId: id.optional(), note })
  .refine((v) => Boolean(v.toCategoryId) !== Boolean(v.toWindowId), {
    message: '转到业务类别或指定窗口，二者选一 / give exactly one of toCategoryId / toWindowId',
  });
export const holdTicket = atWindow.extend({ note: note.optional() });
export const resumeTicket = atWindow.extend({ number: ticketNumber });
export const pauseWindow = atWindow.extend({ reason: z.enum(PAUSE_REASONS), note: note.optional() });
export const unpauseWindow = atWindow;
export const requeueTicket = atWindow.extend({ number: ticketNumber });
export const cancelTicket = z.object({ cmdId, number: ticketNumber, note: note.optional() });

export const signIn = atWindow.extend({
  staffNumber: z.string().trim().min(1).max(32),
  pin: z.string().min(4).max(64),
});
export const signOut = atWindow;

export const lookupTicket = z.object({ number: ticketNumber });

export type IssueTicketInput = z.input<typeof issueTicket>;
export type CallNextInput = z.input<typeof callNext>;
export type WindowCasesInput = z.input<typeof windowCases>;
export type CallNumberInput = z.input<typeof callNumber>;
export type RecallInput = z.input<typeof recall>;
export type StartServiceInput = z.input<typeof startService>;
export type FinishServiceInput = z.input<typeof finishService>;
export type MarkNoShowInput = z.input<typeof markNoShow>;
export type LinkCaseInput = z.input<typeof linkCase>;
export type TransferTicketInput = z.input<typeof transferTicket>;
export type HoldTicketInput = z.input<typeof holdTicket>;
export type ResumeTicketInput = z.input<typeof resumeTicket>;
export type PauseWindowInput = z.input<typeof pauseWindow>;
export type UnpauseWindowInput = z.input<typeof unpauseWindow>;
export type RequeueTicketInput = z.input<typeof requeueTicket>;
export type CancelTicketInput = z.input<typeof cancelTicket>;
export type SignInInput = z.input<typeof signIn>;
export type SignOutInput = z.input<typeof signOut>;
export type LookupTicketInput = z.input<typeof lookupTicket>;

/** GET /api/windows/:id/queue: its first `limit` tickets only (a caller lists so many); the whole call order without it. */
export const windowQueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(100_000).optional() });
export type WindowQueueQuery = z.output<typeof windowQueueQuery>;
