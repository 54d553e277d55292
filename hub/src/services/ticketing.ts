// Taking, cancelling and looking up tickets: turns requests into engine commands and answers with views.
import type { Operator } from '@yichuang/shared/admin';
import { MANAGING_ROLES, type Device, type StaffRole, type TicketSource, type TicketView } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import { SELF_SERVICE_ZONE } from '@yichuang/shared/kiosk';
import type { PrintResult } from '@yichuang/shared/printing';
import type { z } from 'zod';
import type * as S from '@yichuang/shared/schemas';
import type { Command } from '../engine/types.js';
import type { PersonalData } from '../security/personal-data.js';
import type { Actor, HallService } from './hall-service.js';
import type { Views } from './views.js';


export function cmdKey(device: Device, cmdId: string): string {
  return `${device.id}:${cmdId}`;
}

/**
 * A manager or an admin signed in at a console acts for any window: the engine's rule on which
 * tickets a window may touch (engine/guards.ts, notServedHere) does not bind them. A window never overrides.
 */
export function overrides(device: Device, operator: Operator | undefined): boolean {
  return device.role === 'console' && (operator?.roles.some((r) => (MANAGING_ROLES as readonly StaffRole[]).includes(r)) ?? false);
}

/** Prints a kiosk ticket's slip once the ticket is committed, within a few seconds, whatever the printer does. */
export interface SlipPrinter {
  printIssued(ticketId: string, device: Device): Promise<PrintResult>;
}

/** Wait for a ticket already in the queue: the people ahead, served at the category's pace. */
export function estimatedWait(views: Views, ticket: TicketView): number {
  const queueWait = views.estimatedWaitMin(ticket.categoryId);
  const waiting = views.queues().find((q) => q.categoryId === ticket.categoryId)?.waiting ?? 0;
  if (waiting === 0 || ticket.ahead === undefined) return 0;
  return Math.round((queueWait * ticket.ahead) / waiting);
}

function sourceOf(device: Device): TicketSource {
  if (device.role !== 'kiosk') return 'staff';
  return device.zone === SELF_SERVICE_ZONE ? 'terminal24' : 'kiosk';
}

export class Ticketing {
  /** Set by the printing module; a hub without one issues e-tickets only. */
  private slips: SlipPrinter | undefined;
  /** Set by the admin module (it holds the hall's secret key); identities are refused without it. */
  private personal: PersonalData | undefined;

  constructor(
    private readonly hall: HallService,
    private readonly views: Views,
  ) {}

  useSlipPrinter(slips: SlipPrinter | undefined): void {
    this.slips = slips;
  }

  usePersonalData(personal: PersonalData): void {
    this.personal = personal;
  }

  async issue(input: z.output<typeof S.issueTicket>, device: Device): Promise<Ack<TicketIssued>> {
    // 代取号 at a window is done by the person signed in there, and journaled on their name.
    if (device.role === 'window' && !this.actor(device).staffId) return { ok: false, error: appError('STAFF_NOT_SIGNED_IN') };
    // Only the masked number and its keyed hash are journaled; the full number ends here.
    if (input.identity && !this.personal) throw new Error('ticketing: no secret key to hash identities with');
    const identity = input.identity && this.personal?.mask(input.identity);
    return this.issueWith(
      {
        type: 'issue',
        categoryId: input.categoryId,
        priority: input.priority,
        source: sourceOf(device),
        identity,
        kioskId: device.role === 'kiosk' ? device.id : undefined,
      },
      device,
      input.cmdId,
    );
  }

  /** Runs an engine command that issues one ticket (take-a-number, appointment check-in) and prints a kiosk's slip. */
  async issueWith(command: Command, device: Device, cmdId: string): Promise<Ack<TicketIssued>> {
    const result = await this.hall.execute(command, this.actor(device), cmdKey(device, cmdId));
    if (!result.ok) return result;
    const issued = result.data.find((r) => r.event.type === 'ticket.issued')?.event;
    const ticket = issued?.type === 'ticket.issued' ? this.views.ticketById(issued.ticketId) : undefined;
    if (!ticket) return { ok: false, error: appError('INTERNAL') };
    const estimatedWaitMin = estimatedWait(this.views, ticket);
    // The ticket is durable now; its slip comes second and cannot undo it.
    const printer = device.role === 'kiosk' ? this.slips : undefined;
    if (!printer) return { ok: true, data: { ticket, estimatedWaitMin } };
    const print = await printer.printIssued(ticket.id, device);
    return { ok: true, data: { ticket: this.views.ticketById(ticket.id) ?? ticket, estimatedWaitMin, print } };
  }

  /** At a window, of that window's own tickets; at the console, by a manager or an admin. */
  async cancel(input: z.output<typeof S.cancelTicket>, device: Device, operator: Operator | undefined): Promise<Ack<TicketView>> {
    const result = await this.hall.execute(
      { type: 'cancel', number: input.number, note: input.note, windowId: device.windowId, override: overrides(device, operator) },
      this.actor(device),
      cmdKey(device, input.cmdId),
    );
    if (!result.ok) return result;
    return this.lookup(input.number);
  }

  /** Who acts: the device, and at a window the staff member signed in there. */
  private actor(device: Device): Actor {
    const staffId = device.role === 'window' && device.windowId ? this.hall.current.windows[device.windowId]?.staffId : undefined;
    return { deviceId: device.id, ...(staffId && { staffId }) };
  }

  lookup(number: string): Ack<TicketView> {
    const ticket = this.views.ticketByNumber(number);
    return ticket ? { ok: true, data: ticket } : { ok: false, error: appError('UNKNOWN_TICKET', { number }) };
  }
}
