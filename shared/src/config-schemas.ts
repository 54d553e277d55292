// zod schemas of the hall's configuration as config.json holds it: the hub refuses to start on a file
// that does not match (hub/src/storage/config-store.ts), and the domain types are derived from them
// (domain.ts). They check what the hub relies on: every field, its type, the closed lists, whole
// numbers that are not negative, times and dates. The console's edit rules (id formats, lengths,
// ranges, at least one zone, no duplicates) are added on top in admin-schemas.ts: they apply to what a
// manager types, while a file written by an earlier hub, set up by hand or by a test may predate them.
import { z } from 'zod';
import { BADGES, HALL_LEVELS, RATING_EXPORT_PROFILES, WINDOW_KINDS } from './lists.js';
import { DEVICE_ROLES, STAFF_ROLES } from './roles.js';
import { day } from './schemas.js';

/** A whole number from min to max, as the console asks for it. */
export const int = (min: number, max: number) =>
  z.int(`须为整数 / a whole number`).min(min, `不小于 ${min} / at least ${min}`).max(max, `不大于 ${max} / at most ${max}`);
/** A count or a duration in config.json. */
const count = z.int(`须为整数 / a whole number`).min(0, `不能为负数 / not negative`);
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clock = z.string().regex(CLOCK, '时间格式 HH:MM / a time as HH:MM');
const minutes = (c: string): number => Number(c.slice(0, 2)) * 60 + Number(c.slice(3));

export const timeRange = z
  .object({ start: clock, end: clock })
  // A time that is not a time is said by its own field; the order is judged between two real times.
  .refine((r) => !CLOCK.test(r.start) || !CLOCK.test(r.end) || minutes(r.start) < minutes(r.end), {
    message: '结束时间须晚于开始时间 / the end time must come after the start time',
    path: ['end'],
  });

/** One weekday's periods, e.g. 09:00–12:00 and 13:30–17:00 (the gap is the lunch break). */
const dayPeriods = z
  .array(timeRange)
  .max(4, '每天最多 4 个时段 / at most 4 periods a day')
  .refine(
    (periods) => periods.every((p, i) => i === 0 || minutes(periods[i - 1]!.end) <= minutes(p.start)),
    '时段须按时间先后排列且不重叠 / periods in order, not overlapping',
  );

/** Index 0 = Sunday … 6 = Saturday. */
export const weekHours = z.tuple([dayPeriods, dayPeriods, dayPeriods, dayPeriods, dayPeriods, dayPeriods, dayPeriods]);

/**
 * A place in the hall (the staffed hall, the 24-hour self-service area) that windows, kiosks and boards
 * belong to. It has no hours of its own: walk-in hours are the hall's (a category's own override them
 * for that category), and a 24-hour terminal is due all day (docs/design.md, decisions).
 */
export const zone = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

export const hallSchedule = z.object({
  /** Walk-in service hours of the hall. */
  hours: weekHours,
  /** Closed days (法定节假日). */
  holidays: z.array(day),
  /** Make-up working days (调休上班): served with Monday's hours. */
  makeupWorkdays: z.array(day),
});

export const hall = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  address: z.string(),
  timeZone: z.string(),
  /** Its level in the district; absent: a centre (halls set up before the federation). */
  level: z.enum(HALL_LEVELS).optional(),
  schedule: hallSchedule,
  zones: z.array(zone),
});

export const category = z.object({
  id: z.string(),
  /** Prefix letter(s) of its ticket numbers, e.g. 'A' → A023. */
  prefix: z.string(),
  name: z.string(),
  nameEn: z.string(),
  department: z.string(),
  /** Overrides the hall's walk-in hours. */
  hours: weekHours.optional(),
  /** Periods outside walk-in hours served by appointment only (周末不打烊). */
  appointmentHours: weekHours.optional(),
  allowWalkIn: z.boolean(),
  allowAppointment: z.boolean(),
  /** 老年人/残疾人/孕妇/军人 green channel. */
  allowPriority: z.boolean(),
  /** Walk-in tickets per service day; absent = no cap. */
  dailyCap: count.optional(),
  /** At most `max` tickets issued within each `minutes`-long slot of the day. */
  slotQuota: z.object({ minutes: count, max: count }).optional(),
});

export const windowCategory = z.object({
  categoryId: z.string(),
  /** Higher weight = this window prefers that category's tickets. */
  weight: count,
});

export const serviceWindow = z.object({
  id: z.string(),
  number: count,
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(WINDOW_KINDS),
  department: z.string(),
  categories: z.array(windowCategory),
  zone: z.string().optional(),
});

export const staff = z.object({
  id: z.string(),
  /** 工号, shown on the staff card. */
  number: z.string(),
  name: z.string(),
  department: z.string(),
  title: z.string(),
  photo: z.string().optional(),
  badge: z.enum(BADGES).optional(),
  /** The window PIN, hashed: argon2id ('$argon2id$…'); a legacy scrypt hash is replaced at the next sign-in. */
  pinHash: z.string(),
  /** Console password (argon2id), for accounts with a console role; absent = no console sign-in. */
  passwordHash: z.string().optional(),
  roles: z.array(z.enum(STAFF_ROLES)),
});

export const device = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(DEVICE_ROLES),
  /** Window the device belongs to (window client, pad, window-top display). */
  windowId: z.string().optional(),
  /** Zone of a board or kiosk (e.g. the 24-hour zone). */
  zone: z.string().optional(),
  /** The kiosk a print agent prints for. */
  kioskId: z.string().optional(),
  /**
   * SHA-256 of the bearer token given at pairing ('sha256:' + base64url); the token itself is kept
   * only by the device. Demo devices have well-known tokens ('demo-' + id), stored hashed too.
   */
  tokenHash: z.string(),
  /** Pre-paired demo device with a public token: to be revoked before the hall goes live. */
  demo: z.boolean(),
  /** When a manager approved its pairing (absent for demo devices). */
  pairedAt: z.number().optional(),
});

export const queueRules = z.object({
  /** After this many consecutive priority calls at a window, one normal ticket is called. */
  priorityBurst: count,
  /** Recalls allowed before the ticket is marked no-show (过号). */
  recallCap: count,
  /** A returning no-show is queued after this many waiting tickets. */
  noShowRequeuePlaces: count,
  /** Appointment tickets count as due from this many minutes before the booked time. */
  appointmentEarlyMinutes: count,
});

/** Rating records for the provincial 好差评 platform (GB/T 39046-2020 table 9), and where they are pushed. */
export const platformSettings = z.object({
  profile: z.enum(RATING_EXPORT_PROFILES),
  /** 行政区划代码 (GB/T 2260, 6 digits); '' until the hall sets it. */
  regionCode: z.string(),
  /** 评价渠道 code of each channel, as the province's interface lists them. */
  channelCodes: z.object({ pad: z.string(), kiosk: z.string(), phone: z.string() }),
  /** The platform's HTTPS address the outbox posts each record to; '' = records wait. */
  endpoint: z.string(),
});

/** 好差评: what the pad asks, and how bad ratings are followed up. */
export const evaluationSettings = z.object({
  /** Reasons offered for 不满意 / 非常不满意. */
  badReasons: z.array(z.string()),
  /** A pad that gets no rating within this time records 未评价. */
  padTimeoutSeconds: count,
  /** Case deadlines in working days from the rating (hall calendar: holidays, make-up workdays). */
  caseDeadlines: z.object({ verifyDays: count, rectifyDays: count, followUpDays: count }),
  platform: platformSettings,
});

/** How long personal data is kept (数据保留期限): masked identities and their keyed hashes are purged from older day journals. */
export const retentionSettings = z.object({ personalDataDays: count });

/** <dataDir>/config.json, at the current schema version (older files are migrated first). */
export const hallConfig = z.object({
  schemaVersion: z.int(),
  hall,
  categories: z.array(category),
  windows: z.array(serviceWindow),
  staff: z.array(staff),
  devices: z.array(device),
  rules: queueRules,
  evaluation: evaluationSettings,
  retention: retentionSettings,
});
