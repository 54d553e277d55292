// Taking, cancelling and looking up tickets: turns requests into engine commands and answers with views.
import type { Device, MaskedIdentity, TicketSource, TicketView } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import { maskIdNumber, maskPhone } from '@yichuang/shared/identity';
import type { z } from 'zod';
import type * as S from '@yichuang/shared/schemas';
import type { HallService } from './hall-service.js';
import type { Views } from './views.js';

/** The hall's zone whose kiosks run as 24-hour self-service terminals. */
const ZONE_24H = 'self24';

export function cmdKey(device: Device, cmdId: string): string {
  return `${device.id}:${cmdId}`;
}

function mask(identity: z.output<typeof S.identityInput>): MaskedIdentity {
  return identity.kind === 'phone'
    ? { kind: 'phone', masked: maskPhone(identity.value) }
    : { kind: 'id', masked: maskIdNumber(identity.value) };
}

function sourceOf(device: Device): TicketSource {
  if (device.role !== 'kiosk') return 'staff';
  return device.zone === ZONE_24H ? 'terminal24' : 'kiosk';
}

export class Ticketing {
  constructor(
    private readonly hall: HallService,
    private readonly views: Views,
  ) {}

  async issue(input: z.output<typeof S.issueTicket>, device: Device): Promise<Ack<TicketIssued>> {
    const result = await this.hall.execute(
      {
        type: 'issue',
        categoryId: input.categoryId,
        priority: input.priority,
        source: sourceOf(device),
        identity: input.identity && mask(input.identity),
        kioskId: device.role === 'kiosk' ? device.id : undefined,
      },
      { deviceId: device.id },
      cmdKey(device, input.cmdId),
    );
    if (!result.ok) return result;
    const issued = result.data.find((r) => r.event.type === 'ticket.issued')?.event;
    const ticket = issued?.type === 'ticket.issued' ? this.views.ticketById(issued.ticketId) : undefined;
    if (!ticket) return { ok: false, error: appError('INTERNAL') };
    return { ok: true, data: { ticket, estimatedWaitMin: this.estimate(ticket) } };
  }

  /** Wait for a ticket already in the queue: the people ahead, served at the category's pace. */
  private estimate(ticket: TicketView): number {
    const queueWait = this.views.estimatedWaitMin(ticket.categoryId);
    const waiting = this.views.queues().find((q) => q.categoryId === ticket.categoryId)?.waiting ?? 0;
    if (waiting === 0 || ticket.ahead === undefined) return 0;
    return Math.round((queueWait * ticket.ahead) / waiting);
  }

  async cancel(input: z.output<typeof S.cancelTicket>, device: Device): Promise<Ack<TicketView>> {
    const result = await this.hall.execute(
      { type: 'cancel', number: input.number, note: input.note },
      { deviceId: device.id },
      cmdKey(device, input.cmdId),
    );
    if (!result.ok) return result;
    return this.lookup(input.number);
  }

  lookup(number: string): Ack<TicketView> {
    const ticket = this.views.ticketByNumber(number);
    return ticket ? { ok: true, data: ticket } : { ok: false, error: appError('UNKNOWN_TICKET', { number }) };
  }
}
