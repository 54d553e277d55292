// Taking, cancelling and looking up tickets: turns requests into engine commands and answers with views.
import type { AuditActor, Operator } from '@yichuang/shared/admin';
import { MANAGING_ROLES, type Device, type HallConfig, type StaffRole, type TicketSource, type TicketView } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { TicketIssued } from '@yichuang/shared/events';
import { SELF_SERVICE_ZONE } from '@yichuang/shared/kiosk';
import type { PrintResult } from '@yichuang/shared/printing';
import type { z } from 'zod';
import type * as S from '@yichuang/shared/schemas';
import type { Command } from '../engine/types.js';
import { FirstRuns, personAt, type AuditWrite } from '../security/audit-write.js';
import type { PersonalData } from '../security/personal-data.js';
import type { Actor, CommandKey, HallService } from '../hall/hall-service.js';
import type { Views } from '../hall/views.js';

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

function sourceOf(device: Device): TicketSource {
  if (device.role !== 'kiosk') return 'staff';
  return device.zone === SELF_SERVICE_ZONE ? 'terminal24' : 'kiosk';
}

export interface TicketingDeps {
  config: () => HallConfig;
  hall: HallService;
  views: Views;
  /** Prints kiosks' slips. */
  slips: SlipPrinter;
  /** Masks and hashes a citizen's phone or ID number with the hall's secret key. */
  personal: PersonalData;
  /** Cancels go to the operation log. */
  audit: AuditWrite;
}

export class Ticketing {
  readonly #runs = new FirstRuns();

  constructor(private readonly deps: TicketingDeps) {}

  async issue(input: z.output<typeof S.issueTicket>, device: Device, key: CommandKey): Promise<Ack<TicketIssued>> {
    // 代取号 at a window is done by the person signed in there, and journaled on their name.
    if (device.role === 'window' && !this.actor(device).staffId) return { ok: false, error: appError('STAFF_NOT_SIGNED_IN') };
    // Only the masked number and its keyed hash are journaled; the full number ends here.
    const identity = input.identity && this.deps.personal.mask(input.identity);
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
      key,
    );
  }

  /** Runs an engine command that issues one ticket (take-a-number, appointment check-in) and prints a kiosk's slip. */
  async issueWith(command: Command, device: Device, key: CommandKey): Promise<Ack<TicketIssued>> {
    const { hall, views, slips } = this.deps;
    const result = await hall.execute(command, this.actor(device), key);
    if (!result.ok) return result;
    const issued = result.data.find((r) => r.event.type === 'ticket.issued')?.event;
    const ticket = issued?.type === 'ticket.issued' ? views.ticketById(issued.ticketId) : undefined;
    if (!ticket) return { ok: false, error: appError('INTERNAL') };
    const estimatedWaitMin = views.ticketWaitMin(ticket);
    // Only kiosks have printers. The ticket is durable now; its slip comes second and cannot undo it.
    if (device.role !== 'kiosk') return { ok: true, data: { ticket, estimatedWaitMin } };
    const print = await slips.printIssued(ticket.id, device);
    return { ok: true, data: { ticket: views.ticketById(ticket.id) ?? ticket, estimatedWaitMin, print } };
  }

  /**
   * At a window, of that window's own tickets; at the console, by a manager or an admin. Written to the
   * operation log under the person who did it (at a window, the one signed in there), once per command id.
   */
  async cancel(input: z.output<typeof S.cancelTicket>, device: Device, operator: Operator | undefined, key: CommandKey, who: AuditActor): Promise<Ack<TicketView>> {
    const known = this.deps.hall.recorded(key) !== undefined;
    const result = await this.deps.hall.execute(
      { type: 'cancel', number: input.number, note: input.note, windowId: device.windowId, override: overrides(device, operator) },
      this.actor(device),
      key,
    );
    if (!result.ok) return result;
    if (this.#runs.first(result.data, known)) {
      const person = personAt(device, who, this.deps.hall.current, this.deps.config());
      await this.deps.audit({ actor: person, action: 'ticket.cancel', target: input.number, after: { number: input.number, note: input.note } });
    }
    return this.lookup(input.number);
  }

  /** Who acts: the device, and at a window the staff member signed in there. */
  private actor(device: Device): Actor {
    const staffId = device.role === 'window' && device.windowId ? this.deps.hall.current.windows[device.windowId]?.staffId : undefined;
    return { deviceId: device.id, ...(staffId && { staffId }) };
  }

  lookup(number: string): Ack<TicketView> {
    const ticket = this.deps.views.ticketByNumber(number);
    return ticket ? { ok: true, data: ticket } : { ok: false, error: appError('UNKNOWN_TICKET', { number }) };
  }
}
