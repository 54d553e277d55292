// zod schemas of the notices domain's command payloads.
import { z } from 'zod';
import { cmdId, id } from './schemas.js';

/** The longest notice: a display shows it in one or two lines. */
export const NOTICE_MAX_CHARS = 60;

export const noticeList = z.object({});
export const noticePost = z.object({
  cmdId,
  /** null: every window. */
  windowId: id.nullable(),
  text: z
    .string()
    .trim()
    .min(1, '请填写通知内容 / write the notice')
    .max(NOTICE_MAX_CHARS, `通知最多 ${NOTICE_MAX_CHARS} 个字 / at most ${NOTICE_MAX_CHARS} characters`),
  endsAt: z.number().int().positive(),
});
export const noticeWithdraw = z.object({ cmdId, noticeId: id });
export const noticeShowing = z.object({ cmdId, windowId: id });

export type NoticeListInput = z.input<typeof noticeList>;
export type NoticePostInput = z.input<typeof noticePost>;
export type NoticeWithdrawInput = z.input<typeof noticeWithdraw>;
export type NoticeShowingInput = z.input<typeof noticeShowing>;
