// zod schemas of the administration domain: configuration changes, accounts, pairing, sessions.
// Messages are Chinese and English at once: they reach the manager inside BAD_REQUEST's detail.
import { z } from 'zod';
import {
  category,
  evaluationSettings as storedEvaluation,
  platformSettings as storedPlatform,
  hall,
  hallSchedule,
  int,
  queueRules as storedRules,
  retentionSettings as storedRetention,
  serviceWindow,
  windowCategory,
  zone,
} from './config-schemas.js';
import { BADGES } from './lists.js';
import { DEVICE_ROLES, STAFF_ROLES } from './roles.js';
import { day, issueTicket } from './schemas.js';

const cmdId = issueTicket.shape.cmdId;
/** Ids a manager types (categories, windows, staff, zones, devices): short, URL- and file-safe. */
const slug = z.string().trim().min(1).max(32).regex(/^[a-z0-9][a-z0-9-]*$/, '小写字母、数字和连字符 / lower-case letters, digits and hyphens');
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? '不能为空 / required' : `至少 ${min} 个字 / at least ${min} characters`)
    .max(max, `最多 ${max} 个字 / at most ${max} characters`)
    .refine((v) => !Array.from(v).some((ch) => ch < ' ' || ch === '\u007f'), '不能含控制字符 / no control characters');
const uniqueDays = z
  .array(day)
  .max(400)
  .refine((days) => new Set(days).size === days.length, '日期重复 / a date is listed twice')
  .transform((days) => [...days].sort());

export const zoneSettings = zone.extend({ id: slug, name: text(1, 30), nameEn: text(0, 60) });

/** The hall as the console edits it: its id and time zone are set when the hub is installed. */
export const hallSettings = hall
  .omit({ id: true, timeZone: true })
  .extend({
    name: text(1, 60),
    nameEn: text(0, 120),
    address: text(0, 120),
    schedule: hallSchedule.extend({ holidays: uniqueDays, makeupWorkdays: uniqueDays }),
    zones: z.array(zoneSettings).min(1, '至少一个区域 / at least one zone').max(20),
  })
  .refine((h) => new Set(h.zones.map((z) => z.id)).size === h.zones.length, '区域编号重复 / a zone id is used twice')
  .refine(
    (h) => !h.schedule.holidays.some((d) => h.schedule.makeupWorkdays.includes(d)),
    '同一天不能既是节假日又是调休上班日 / a day cannot be both a holiday and a make-up working day',
  );

export const categorySettings = category
  .extend({
    id: slug,
    prefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-HJ-NP-Z]{1,2}$/, '1–2 个大写字母，不用 I 和 O（易与 1、0 混淆）/ 1–2 capital letters, not I or O (they read as 1 and 0)'),
    name: text(1, 30),
    nameEn: text(0, 60),
    department: text(0, 60),
    dailyCap: int(1, 9999).optional(),
    slotQuota: z.object({ minutes: int(5, 240), max: int(1, 999) }).optional(),
  })
  .refine((c) => c.allowWalkIn || c.allowAppointment, '至少允许现场取号或预约之一 / allow walk-ins or appointments (or both)');

export const windowSettings = serviceWindow
  .extend({
    id: slug,
    number: int(1, 999),
    name: text(1, 40),
    nameEn: text(0, 80),
    department: text(0, 60),
    categories: z
      .array(windowCategory.extend({ categoryId: slug, weight: int(1, 100) }))
      .min(1, '至少办理一个类别 / serve at least one category')
      .max(40),
    zone: slug.optional(),
  })
  .refine((w) => new Set(w.categories.map((c) => c.categoryId)).size === w.categories.length, '类别重复 / a category is listed twice');

const pin = z.string().regex(/^\d{6}$/, 'PIN 须为 6 位数字 / a PIN is 6 digits');
/** Console passwords: long enough, letters and digits. */
export const password = z
  .string()
  .min(10, '密码至少 10 位 / at least 10 characters')
  .max(128)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字 / letters and digits both');

export const staffSettings = z.object({
  id: slug,
  number: z.string().trim().regex(/^[A-Za-z0-9-]{1,16}$/, '工号：字母、数字，最多 16 位 / staff number: letters and digits, up to 16'),
  name: text(1, 30),
  department: text(0, 60),
  title: text(0, 30),
  badge: z.enum(BADGES).optional(),
  roles: z
    .array(z.enum(STAFF_ROLES))
    .min(1, '至少一个角色 / at least one role')
    .refine((roles) => new Set(roles).size === roles.length, '角色重复 / a role is listed twice'),
});

const channelCode = z.string().trim().regex(/^[A-Za-z0-9]{1,8}$/, '渠道代码：字母或数字，最多 8 位 / channel code: letters or digits, up to 8');
/** https for a real platform; plain http only to this machine (a test receiver). */
const endpoint = z
  .string()
  .trim()
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
    } catch {
      return false;
    }
  }, '须为 https:// 地址（仅本机可用 http://），或留空 / an https:// address (http:// only to this machine), or empty');

/** Records carry the region code in their ids: none is made, nor pushed, before the hall has one. */
export const platformSettings = storedPlatform
  .extend({
    regionCode: z.string().trim().regex(/^(\d{6})?$/, '行政区划代码须为 6 位数字 / region code: 6 digits (GB/T 2260)'),
    channelCodes: z.object({ pad: channelCode, kiosk: channelCode, phone: channelCode }),
    endpoint,
  })
  .refine((p) => p.endpoint === '' || p.regionCode !== '', { path: ['regionCode'], message: '设置推送地址前须填写行政区划代码 / set the region code before a push address' });

export const evaluationSettings = storedEvaluation.extend({
  badReasons: z
    .array(text(1, 20))
    .min(1, '至少一个原因 / at least one reason')
    .max(12)
    .refine((r) => new Set(r).size === r.length, '原因重复 / a reason is listed twice'),
  padTimeoutSeconds: int(15, 600),
  caseDeadlines: z.object({ verifyDays: int(1, 60), rectifyDays: int(1, 60), followUpDays: int(1, 60) }),
  platform: platformSettings,
});

export const queueRules = storedRules.extend({
  priorityBurst: int(1, 20),
  recallCap: int(0, 10),
  noShowRequeuePlaces: int(0, 50),
  appointmentEarlyMinutes: int(0, 120),
});

export const retentionSettings = storedRetention.extend({ personalDataDays: int(7, 3650) });

const isNew = z.boolean().default(false);

export const saveHall = z.object({ cmdId, hall: hallSettings });
export const saveRules = z.object({ cmdId, rules: queueRules });
export const saveCategory = z.object({ cmdId, category: categorySettings, isNew });
export const removeCategory = z.object({ cmdId, categoryId: slug });
export const saveWindow = z.object({ cmdId, window: windowSettings, isNew });
export const removeWindow = z.object({ cmdId, windowId: slug });
/** A new staff member needs a PIN (PIN_REQUIRED); an existing one keeps theirs unless it is given. */
export const saveStaff = z.object({ cmdId, staff: staffSettings, isNew, pin: pin.optional() });
export const removeStaff = z.object({ cmdId, staffId: slug });
export const resetPin = z.object({ cmdId, staffId: slug, pin });
export const setPassword = z.object({ cmdId, staffId: slug, password });
export const saveEvaluation = z.object({ cmdId, evaluation: evaluationSettings });
export const saveRetention = z.object({ cmdId, retention: retentionSettings });

const deviceRole = z.enum(DEVICE_ROLES);
/** Pairing codes are typed by a manager: upper-cased, spaces and dashes dropped. */
export const pairingCode = z
  .string()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/, '6 位配对码 / a 6-character pairing code'));

export const approveDevice = z.object({
  cmdId,
  code: pairingCode,
  device: z.object({
    id: slug.optional(),
    name: text(1, 40),
    role: deviceRole,
    windowId: slug.optional(),
    zone: slug.optional(),
    kioskId: slug.optional(),
  }),
});
export const revokeDevice = z.object({ cmdId, deviceId: slug });
export const revokeDemo = z.object({ cmdId });
export const auditList = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式 YYYY-MM / a month as YYYY-MM').optional(),
  limit: int(1, 500).default(200),
});

/** REST: a new screen asks for a pairing code. */
export const pairingRequest = z.object({ screen: deviceRole });
/** REST: console sign-in. Without staff number and password, only a demo console gets its demo manager. */
export const signInRequest = z.object({
  deviceToken: z.string().min(1).max(200),
  staffNumber: z.string().trim().min(1).max(16).optional(),
  password: z.string().min(1).max(128).optional(),
});

export type SaveHallInput = z.input<typeof saveHall>;
export type SaveRulesInput = z.input<typeof saveRules>;
export type SaveCategoryInput = z.input<typeof saveCategory>;
export type RemoveCategoryInput = z.input<typeof removeCategory>;
export type SaveWindowInput = z.input<typeof saveWindow>;
export type RemoveWindowInput = z.input<typeof removeWindow>;
export type SaveStaffInput = z.input<typeof saveStaff>;
export type RemoveStaffInput = z.input<typeof removeStaff>;
export type ResetPinInput = z.input<typeof resetPin>;
export type SetPasswordInput = z.input<typeof setPassword>;
export type SaveEvaluationInput = z.input<typeof saveEvaluation>;
export type SaveRetentionInput = z.input<typeof saveRetention>;
export type ApproveDeviceInput = z.input<typeof approveDevice>;
export type RevokeDeviceInput = z.input<typeof revokeDevice>;
export type RevokeDemoInput = z.input<typeof revokeDemo>;
export type AuditListInput = z.input<typeof auditList>;
export type PairingRequestInput = z.input<typeof pairingRequest>;
export type SignInRequestInput = z.input<typeof signInRequest>;
