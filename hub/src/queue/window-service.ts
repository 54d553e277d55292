// What staff do at a window: sign in with a PIN, call, serve, pause. Answers with the window's view.
import type { Operator } from '@yichuang/shared/admin';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import { appError, atField, type Ack } from '@yichuang/shared/errors';
import type { SignedIn, WindowResult } from '@yichuang/shared/events';
import type { Command } from '../engine/index.js';
import { hashSecret, isOutdated, NOBODY, verifySecret } from '../security/passwords.js';
import { SignInThrottle, waitMinutes } from '../security/throttle.js';
import type { JournalRecord } from '../storage/journal.js';
import type { CommandKey, HallService } from '../hall/hall-service.js';
import type { HubBus } from '../hall/hub-bus.js';
import { publicTicket, publicWindow, seesIdentities, type Views } from '../hall/views.js';
import { overrides } from './ticketing.js';

export type WindowCommand = Extract<Command, { windowId: string }>;

declare module '../hall/hub-bus.js' {
  interface HubBusEvents {
    /** A staff member signed in with a PIN whose hash was made by an older scheme; `next` replaces it (the admin domain stores it). */
    'staff:pinRehashed': [change: { staffId: string; previous: string; next: string }];
  }
}

export class WindowService {
  /**
   * Failed PINs lock the staff number, and the window device tried from (guessing across numbers).
   * Real elapsed time, not the hall's clock: a lock must not lift when that clock is set forward.
   */
  private readonly throttle = new SignInThrottle(Date.now);

  constructor(
    private readonly hall: HallService,
    private readonly views: Views,
    private readonly config: () => HallConfig,
    private readonly bus: HubBus,
    private readonly itemKnown: (code: string) => boolean,
  ) {}

  async run(command: WindowCommand, device: Device, key: CommandKey): Promise<Ack<WindowResult>> {
    if (!this.views.window(command.windowId)) {
      return { ok: false, error: appError('UNKNOWN_WINDOW', { windowId: command.windowId }) };
    }
    if ('itemCode' in command && command.itemCode !== undefined && !this.itemKnown(command.itemCode)) {
      return { ok: false, error: atField(appError('UNKNOWN_ITEM', { itemId: command.itemCode }), 'itemCode') };
    }
    const staffId = this.hall.current.windows[command.windowId]?.staffId;
    const result = await this.hall.execute(command, { deviceId: device.id, staffId }, key);
    if (!result.ok) return result;
    return { ok: true, data: this.result(command.windowId, result.data, device) };
  }

  /** Calls or re-queues a ticket by its number: a window its own tickets, a manager or an admin at the console any. */
  byNumber(command: Extract<WindowCommand, { type: 'callNumber' | 'requeue' }>, device: Device, operator: Operator | undefined, key: CommandKey): Promise<Ack<WindowResult>> {
    return this.run({ ...command, override: overrides(device, operator) }, device, key);
  }

  async signIn(input: { windowId: string; staffNumber: string; pin: string }, device: Device, key: CommandKey): Promise<Ack<SignedIn>> {
    const attempt = { account: input.staffNumber, place: device.id };
    const wait = this.throttle.wait(attempt);
    if (wait > 0) return { ok: false, error: appError('SIGN_IN_LOCKED', { minutes: waitMinutes(wait) }) };
    const staff = this.config().staff.find((s) => s.number === input.staffNumber);
    // Same answer, after the same argon2 check, for an unknown number and a wrong PIN, so numbers cannot be probed.
    const verified = await verifySecret(input.pin, staff?.pinHash ?? NOBODY);
    if (!staff || !verified) {
      this.throttle.fail(attempt);
      return { ok: false, error: appError('BAD_PIN') };
    }
    this.throttle.succeed(attempt);
    if (isOutdated(staff.pinHash)) this.bus.emit('staff:pinRehashed', { staffId: staff.id, previous: staff.pinHash, next: await hashSecret(input.pin) });
    // Only window staff work a window; the role is told only to whoever knows the account's PIN.
    if (!staff.roles.includes('staff')) return { ok: false, error: appError('NO_WINDOW_ROLE') };
    const result = await this.run({ type: 'signIn', windowId: input.windowId, staffId: staff.id }, device, key);
    if (!result.ok) return result;
    return { ok: true, data: { window: result.data.window, staff: this.views.staffCard(staff) } };
  }

  /** The window and its ticket as the sending device may see them (a console acting for a window: without identities). */
  private result(windowId: string, records: readonly JournalRecord[], device: Device): WindowResult {
    const window = this.views.window(windowId)!;
    // The queue's own event: a finish may also close the previous visit's rating (rating.expired).
    const touched = records.map((r) => r.event).find((e) => e.type.startsWith('ticket.') && 'ticketId' in e);
    const ticket = touched && 'ticketId' in touched ? this.views.ticketById(touched.ticketId) : window.current;
    if (seesIdentities(device)) return { window, ticket };
    return { window: publicWindow(window), ticket: ticket && publicTicket(ticket) };
  }
}
