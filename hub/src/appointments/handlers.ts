// Socket commands of the appointments domain: thin, each parsed, checked and answered by onCommand.
import * as A from '@yichuang/shared/appointments-schemas';
import { onCommand, onQuery, type CommandContext } from '../realtime/command.js';
import type { BookingService } from './booking-service.js';
import type { CheckInService } from './check-in-service.js';

export interface AppointmentServices {
  bookings: BookingService;
  checkIns: CheckInService;
}

export function registerAppointmentHandlers(ctx: CommandContext, ready: Promise<AppointmentServices>): void {
  const { device } = ctx;
  const actor = { deviceId: device.id };
  onCommand(ctx, 'appointment:checkIn', A.checkIn, async (p, key) => (await ready).checkIns.checkIn(p, device, key));
  onCommand(ctx, 'appointment:book', A.staffBook, async ({ cmdId: _cmdId, ...booking }, key) => (await ready).bookings.book(booking, 'staff', actor, () => key));
  onCommand(ctx, 'appointment:cancel', A.staffCancel, async (p, key) => (await ready).bookings.cancel({ code: p.code }, 'staff', actor, key));
  onQuery(ctx, 'appointment:day', A.dayQuery, async (p) => ({ ok: true, data: (await ready).bookings.day(p.day) }));
}
