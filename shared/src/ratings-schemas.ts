// zod schemas of the ratings domain's command payloads (pads, staff figures, bad-rating cases).
import { z } from 'zod';
import { cmdId, day, id, linkSignature, ticketNumber } from './schemas.js';
import { isValidPhone } from './identity.js';
import { FOLLOW_UP_RESULTS, RATING_LEVELS, VERDICTS } from './lists.js';
import { TICKET_NUMBER_PATTERN } from './tickets.js';

const windowId = id;
/** Today's ticket id, `${day}/${number}`. */
const ticketId = z.string().regex(new RegExp(`^\\d{4}-\\d{2}-\\d{2}/${TICKET_NUMBER_PATTERN}$`), '号票编号如 2026-11-23／A023 / a ticket id like 2026-11-23/A023');
const caseId = z.string().regex(new RegExp(`^\\d{8}-${TICKET_NUMBER_PATTERN}$`), '工单号如 20261123-A023 / a case id like 20261123-A023');
const text = (max: number) => z.string().trim().max(max);
/** 经办人: who, by name, did the step on the console. */
const handler = text(32).min(1, '请填写经办人 / name the handler');

/** `ticketId`: the visit the pad is showing, so it learns if that visit was rated elsewhere meanwhile. */
export const padState = z.object({ cmdId, windowId, ticketId: ticketId.optional() });

/** What a citizen gives, wherever they rate. */
const given = {
  level: z.enum(RATING_LEVELS),
  reasons: z.array(text(40).min(1)).max(10).default([]),
  text: text(200).optional(),
  phone: z.string().refine(isValidPhone, '手机号码格式不正确 / invalid mobile number').optional(),
};

export const rate = z.object({ cmdId, windowId, ticketId, ...given });
/** A level chosen on the pad, with the reasons chosen so far: kept even if the details are never finished. */
export const choose = z.object({ cmdId, windowId, ticketId, level: given.level, reasons: given.reasons });

/** A kiosk finds a finished visit by the number on its slip, and rates it. */
export const visitFind = z.object({ cmdId, number: ticketNumber });
export const visitRate = z.object({ cmdId, number: ticketNumber, ...given });

/** The phone page's link: /api/visit/:number?d=<day>&s=<signature>. */
export const visitLink = z.object({
  number: ticketNumber,
  d: day,
  s: linkSignature,
});
/** The phone page's rating (POST body). */
export const phoneRate = z.object({ cmdId, ...given });

export const figures = z.object({ cmdId, windowId });

export const caseList = z.object({ cmdId });

export const verifyCase = z.object({ cmdId, caseId, handler, verdict: z.enum(VERDICTS), notes: text(500) });
export const rectifyCase = z.object({ cmdId, caseId, handler, measures: text(500) });
export const followUpCase = z.object({ cmdId, caseId, handler, result: z.enum(FOLLOW_UP_RESULTS), notes: text(500) });
export const closeCase = z.object({ cmdId, caseId, handler, notes: text(500).optional() });
export const caseContact = z.object({ cmdId, caseId });

export type PadStateInput = z.input<typeof padState>;
export type RateInput = z.input<typeof rate>;
export type ChooseInput = z.input<typeof choose>;
export type VisitFindInput = z.input<typeof visitFind>;
export type VisitRateInput = z.input<typeof visitRate>;
export type PhoneRateInput = z.input<typeof phoneRate>;
/** The phone link's query; its number is in the path. */
export type VisitLinkQuery = Omit<z.input<typeof visitLink>, 'number'>;
export type FiguresInput = z.input<typeof figures>;
export type CaseListInput = z.input<typeof caseList>;
export type VerifyCaseInput = z.input<typeof verifyCase>;
export type RectifyCaseInput = z.input<typeof rectifyCase>;
export type FollowUpCaseInput = z.input<typeof followUpCase>;
export type CloseCaseInput = z.input<typeof closeCase>;
export type CaseContactInput = z.input<typeof caseContact>;
