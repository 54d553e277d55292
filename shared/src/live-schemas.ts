// zod schemas of the live-board and board-settings commands; the hub parses with them.
import { z } from 'zod';
import { cmdId, id } from './schemas.js';


const PLACEHOLDERS = new Set(['number', 'window']);

/** A voice template: must say the number and the window, and may use no other {placeholder}. */
export const voiceTemplate = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((s) => s.includes('{number}') && s.includes('{window}'), '模板须包含 {number} 和 {window} / the template must contain {number} and {window}')
  .refine(
    (s) => [...s.matchAll(/\{(\w*)\}/g)].every((m) => PLACEHOLDERS.has(m[1] ?? '')) && !/[{}]/.test(s.replace(/\{\w+\}/g, '')),
    '模板只能使用 {number} 和 {window} / only {number} and {window} may be used',
  );

export const acknowledgeAlert = z.object({ cmdId, alertId: id });

export const assignTidal = z.object({ cmdId, windowId: id, categoryId: id });

const minutes = z.number().int().min(1).max(600);

export const updateLiveSettings = z
  .object({
    cmdId,
    notice: z.string().trim().max(300).optional(),
    voice: z.object({ template: voiceTemplate, repeat: z.number().int().min(1).max(3) }).optional(),
    thresholds: z
      .object({ waitAlertMin: minutes, pausedAlertMin: minutes, tidalWaitMin: minutes, offlineAlertSec: z.number().int().min(10).max(3600) })
      .optional(),
  })
  .refine((v) => v.notice !== undefined || v.voice !== undefined || v.thresholds !== undefined, {
    message: '没有要修改的设置 / nothing to change',
  });

export const setBoard = z.object({
  cmdId,
  deviceId: id,
  categories: z.array(id).max(64),
  zones: z.array(id).max(16),
  voice: z.boolean(),
});

export type AcknowledgeAlertInput = z.input<typeof acknowledgeAlert>;
export type AssignTidalInput = z.input<typeof assignTidal>;
export type UpdateLiveSettingsInput = z.input<typeof updateLiveSettings>;
export type SetBoardInput = z.input<typeof setBoard>;
