import type { AppointmentCommands } from '@yichuang/shared/appointments';
import type { Rule } from './rule.js';

export const APPOINTMENT_PERMISSIONS = {
  'appointment:checkIn': { roles: ['kiosk', 'window', 'console'] },
} satisfies Record<keyof AppointmentCommands, Rule>;
