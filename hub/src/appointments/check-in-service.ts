// Check-in by code at a kiosk or a window: the engine issues the ticket (appointment priority within
// the check-in window, a normal one for a late arrival who accepts it); the answer names the booking.
import type { CheckedIn } from '@yichuang/shared/appointments';
import type { Device } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import { bookingByCode } from '../engine/booking.js';
import type { Command } from '../engine/types.js';
import type { CommandKey, HallService } from '../hall/hall-service.js';

/** Runs a command that issues a ticket, answering (and printing) as a kiosk's take-a-number does. */
export type IssueWith = (command: Command, device: Device, key: CommandKey) => Promise<Ack<TicketIssued>>;

export class CheckInService {
  constructor(
    private readonly hall: HallService,
    private readonly issue: IssueWith,
  ) {}

  async checkIn(input: { code: string; acceptNormal: boolean }, device: Device, key: CommandKey): Promise<Ack<CheckedIn>> {
    const kioskId = device.role === 'kiosk' ? device.id : undefined;
    const result = await this.issue({ type: 'checkIn', code: input.code, acceptNormal: input.acceptNormal, kioskId }, device, key);
    if (!result.ok) return result;
    const b = bookingByCode(this.hall.current, input.code);
    if (!b) return { ok: false, error: appError('INTERNAL') };
    return {
      ok: true,
      data: { ...result.data, appointment: { code: b.code, categoryId: b.categoryId, slotStart: b.slotStart, late: b.status === 'late' } },
    };
  }
}
