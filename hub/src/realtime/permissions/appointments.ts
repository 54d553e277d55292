import type { Operator } from '@yichuang/shared/admin';
import type { AppointmentCommands, AppointmentDay } from '@yichuang/shared/appointments';
import { MANAGING_ROLES, type StaffRole } from '@yichuang/shared/domain';
import type { Rule } from './rule.js';

/** Staff at a window or on the console book, cancel and see the day for citizens. */
const STAFF: Rule = { roles: ['window', 'console'] };

export const APPOINTMENT_PERMISSIONS = {
  'appointment:checkIn': { roles: ['kiosk', 'window', 'console'] },
  'appointment:book': STAFF,
  'appointment:cancel': STAFF,
  'appointment:day': STAFF,
} satisfies Record<keyof AppointmentCommands, Rule>;

/**
 * The day as a reader at a console may see it. An evaluator reads it without the booking codes: with
 * the phone's tail, which the masked phone shows, a code cancels or changes a booking on the phone page.
 * Each code becomes `****n`, still one per booking.
 */
export function appointmentDayFor(day: AppointmentDay, operator: Operator | undefined): AppointmentDay {
  if (!operator || operator.roles.some((r: StaffRole) => (MANAGING_ROLES as readonly StaffRole[]).includes(r))) return day;
  const hidden = new Map<string, string>();
  const hide = (code: string): string => hidden.get(code) ?? (hidden.set(code, `****${hidden.size + 1}`), `****${hidden.size}`);
  return {
    ...day,
    categories: day.categories.map((c) => ({ ...c, slots: c.slots.map((s) => ({ ...s, bookings: s.bookings.map((b) => ({ ...b, code: hide(b.code) })) })) })),
    notices: day.notices.map((n) => ({ ...n, code: hide(n.code), text: n.text.replaceAll(n.code, hide(n.code)) })),
  };
}
