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

export const acknowledgeAll = z.object({ cmdId });
export const assignTidal = z.object({ cmdId, windowId: id, categoryId: id });
export const restoreTidal = z.object({ cmdId, windowId: id });

const minutes = z.number().int().min(1).max(600);

/** How calls are voiced on the boards. */
export const voiceSettings = z.object({
  /** e.g. '请 {number} 号 到 {window} 号窗口 办理'; {number} = ticket, {window} = window number. */
  template: voiceTemplate,
  /** Times each call is spoken (after one chime). */
  repeat: z.number().int().min(1).max(3),
});

/** Thresholds of the hub's own checks. */
export const alertThresholds = z.object({
  /** A ticket waiting longer than this raises a long-wait alert for its category. */
  waitAlertMin: minutes,
  /** A window paused longer than this raises an alert. */
  pausedAlertMin: minutes,
  /** A queue whose expected wait passes this gets a tidal-window suggestion. */
  tidalWaitMin: minutes,
  /** A kiosk or board gone longer than this raises an alert (short network blips do not). */
  offlineAlertSec: z.number().int().min(10).max(3600),
});

/** What one board shows: empty lists mean everything. */
export const boardProfile = z.object({
  categories: z.array(id).max(64),
  /** Zones whose windows' calls the board shows (Zone.id). */
  zones: z.array(id).max(16),
  /** Whether this board voices calls (one board per area usually does). */
  voice: z.boolean(),
});

export const updateLiveSettings = z
  .object({
    cmdId,
    notice: z.string().trim().max(300).optional(),
    voice: voiceSettings.optional(),
    thresholds: alertThresholds.optional(),
  })
  .refine((v) => v.notice !== undefined || v.voice !== undefined || v.thresholds !== undefined, {
    message: '没有要修改的设置 / nothing to change',
  });

export const setBoard = z.object({ cmdId, deviceId: id, ...boardProfile.shape });

export type AcknowledgeAlertInput = z.input<typeof acknowledgeAlert>;
export type AcknowledgeAllInput = z.input<typeof acknowledgeAll>;
export type AssignTidalInput = z.input<typeof assignTidal>;
export type RestoreTidalInput = z.input<typeof restoreTidal>;
export type UpdateLiveSettingsInput = z.input<typeof updateLiveSettings>;
export type SetBoardInput = z.input<typeof setBoard>;
