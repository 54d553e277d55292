import type { AppointmentCommands } from '@yichuang/shared/appointments';
import type { Rule } from './rule.js';

/** Staff at a window or on the console book, cancel and see the day for citizens. */
const STAFF: Rule = { roles: ['window', 'console'] };

export const APPOINTMENT_PERMISSIONS = {
  'appointment:checkIn': { roles: ['kiosk', 'window', 'console'] },
  'appointment:book': STAFF,
  'appointment:cancel': STAFF,
  'appointment:day': STAFF,
} satisfies Record<keyof AppointmentCommands, Rule>;
