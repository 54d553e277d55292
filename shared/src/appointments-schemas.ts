// zod schemas of the appointments domain: socket commands, the phone page's REST bodies, and
// appointments.json. Screens import only the inferred types (zod stays out of their bundles).
import { z } from 'zod';
import { isValidPhone } from './identity.js';
import { cmdId, day, id } from './schemas.js';

export const bookingCode = z.string().trim().regex(/^\d{6}$/, '预约码为6位数字 / the code has 6 digits');
const phoneTail = z.string().trim().regex(/^\d{4}$/, '请输入手机号后4位 / give the last 4 digits of the phone number');
const slotStart = z.number().int().positive();
/** A person's name as people write it: letters of any script, · and spaces. Stored masked. */
const name = z
  .string()
  .trim()
  .min(1, '请填写姓名 / give a name')
  .max(20)
  .regex(/^[\p{L}\p{M}·. ]+$/u, '姓名只能包含文字 / letters only');
const phone = z.string().trim().refine(isValidPhone, '手机号码格式不正确 / invalid mobile number');

export const checkIn = z.object({ cmdId, code: bookingCode, acceptNormal: z.boolean().default(false) });

const booking = z.object({ categoryId: id, slotStart, name, phone });
export const staffBook = booking.extend({ cmdId });
export const staffCancel = z.object({ cmdId, code: bookingCode });
export const dayQuery = z.object({ cmdId, day: day.optional() });

// The phone page (REST). `requestId` makes a double-sent form book once.
export const webBook = booking.extend({ requestId: id });
export const webLookup = z.object({ code: bookingCode, phoneTail });
export const webCancel = webLookup;
export const webChange = webLookup.extend({ slotStart });
export const slotsQuery = z.object({ categoryId: id, day });

const minutes = (max: number) => z.number().int().min(0).max(max);
export const bookingRules = z.object({
  /** Whether the category can be booked at all (the category must also allow appointments). */
  enabled: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240),
  /** Bookings per slot. */
  capacity: z.number().int().min(1).max(500),
  /** Bookable from today up to this many days ahead. */
  daysAhead: z.number().int().min(0).max(60),
  /** Booking (and changing to) a slot closes this long before it starts. */
  cutoffMinutes: minutes(7 * 24 * 60),
  /** Per phone number, within the category: bookings still to come, and bookings on one day. */
  perPerson: z.object({ maxActive: z.number().int().min(1).max(50), maxPerDay: z.number().int().min(1).max(50) }),
  /** Days without appointments besides the hall's holidays, 'YYYY-MM-DD'. */
  blackoutDays: z.array(day).max(366),
  /** Check-in is open from `earlyMinutes` before the slot to `lateMinutes` after its start. */
  checkIn: z.object({ earlyMinutes: minutes(240), lateMinutes: minutes(240) }),
});

export const appointmentSettings = z.object({
  schemaVersion: z.literal(1),
  defaults: bookingRules,
  /** Per category id: what differs from the defaults. */
  categories: z.record(z.string(), bookingRules.partial()),
  notices: z.object({ reminderMinutesBefore: minutes(7 * 24 * 60) }),
  /** Phone page requests per client address and minute. */
  rateLimit: z.object({ readsPerMinute: z.number().int().min(1), writesPerMinute: z.number().int().min(1) }),
});

export type CheckInInput = z.input<typeof checkIn>;
export type StaffBookInput = z.input<typeof staffBook>;
export type StaffCancelInput = z.input<typeof staffCancel>;
export type DayInput = z.input<typeof dayQuery>;
export type WebBookInput = z.input<typeof webBook>;
export type WebLookupInput = z.input<typeof webLookup>;
export type WebChangeInput = z.input<typeof webChange>;
export type SlotsQueryInput = z.input<typeof slotsQuery>;
export type AppointmentSettings = z.output<typeof appointmentSettings>;
