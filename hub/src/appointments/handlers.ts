// Socket commands of the appointments domain: thin, each parsed, checked and answered by onCommand.
import * as A from '@yichuang/shared/appointments-schemas';
import { onCommand, onQuery, type CommandContext } from '../realtime/command.js';
import { appointmentDayFor } from '../realtime/permissions/appointments.js';
import type { BookingService } from './booking-service.js';
import type { CheckInService } from './check-in-service.js';

export interface AppointmentServices {
  bookings: BookingService;
  checkIns: CheckInService;
}

export function registerAppointmentHandlers(ctx: CommandContext, { bookings, checkIns }: AppointmentServices): void {
  const { device } = ctx;
  const actor = { deviceId: device.id };
  onCommand(ctx, 'appointment:checkIn', A.checkIn, (p, key) => checkIns.checkIn(p, device, key));
  onCommand(ctx, 'appointment:book', A.staffBook, ({ cmdId: _cmdId, ...booking }, key) => bookings.book(booking, 'staff', actor, () => key));
  onCommand(ctx, 'appointment:cancel', A.staffCancel, (p, key) => bookings.cancel({ code: p.code }, 'staff', actor, key));
  onQuery(ctx, 'appointment:day', A.dayQuery, (p) => ({ ok: true, data: appointmentDayFor(bookings.day(p.day), ctx.operator()) }));
}
