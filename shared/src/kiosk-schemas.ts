// zod schemas of the kiosk domain's command payloads (heartbeats, help requests, the suggestion box).
import { z } from 'zod';
import { isValidPhone } from './identity.js';
import { KIOSK_MODES, SUGGESTION_KINDS, SUGGESTION_TOPICS } from './lists.js';
import { cmdId, day, id, ticketNumber } from './schemas.js';

export const heartbeat = z.object({
  mode: z.enum(KIOSK_MODES),
  assisted: z.boolean().default(false),
});

export const help = z.object({
  cmdId,
  assisted: z.boolean().default(false),
  ticketNumber: ticketNumber.optional(),
});

export const suggest = z
  .object({
    cmdId,
    kind: z.enum(SUGGESTION_KINDS),
    topics: z.array(z.enum(SUGGESTION_TOPICS)).max(SUGGESTION_TOPICS.length).default([]),
    windowNumber: z.number().int().min(1).max(999).optional(),
    text: z.string().trim().max(500).optional(),
    phone: z.string().refine(isValidPhone, '手机号码格式不正确 / invalid mobile number').optional(),
  })
  .transform((v) => ({ ...v, topics: [...new Set(v.topics)], text: v.text || undefined }));

export const query = z.object({});

export const handleSuggestion = z.object({
  cmdId,
  id,
  /** 经办人 */
  handler: z.string().trim().min(1, '请填写经办人 / name the handler').max(32),
  note: z.string().trim().max(500),
});

/** GET /api/kiosk/follow/:number?d=YYYY-MM-DD */
export const followQuery = z.object({ number: ticketNumber, d: day.optional() });

export type HeartbeatInput = z.input<typeof heartbeat>;
export type HelpInput = z.input<typeof help>;
export type SuggestInput = z.input<typeof suggest>;
export type QueryInput = z.input<typeof query>;
export type HandleSuggestionInput = z.input<typeof handleSuggestion>;
/** The ticket page's query; its number is in the path. */
export type FollowQueryInput = Omit<z.input<typeof followQuery>, 'number'>;
