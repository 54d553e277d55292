// Turns journal records into hall broadcasts, numbered so a client can tell when it missed one.
import type { TicketView, WindowView } from '@yichuang/shared/domain';
import type { HallBroadcast, Sequenced, ServerToClientEvents, TicketChanged } from '@yichuang/shared/events';
import type { EngineEvent } from '../engine/index.js';
import { publicTicket, publicWindow, type Views } from '../hall/views.js';
import type { JournalRecord } from '../storage/journal.js';
import type { Broadcaster } from './broadcaster.js';

const TICKET_BROADCASTS = {
  'ticket.issued': 'ticket:issued',
  'ticket.started': 'ticket:started',
  'ticket.finished': 'ticket:finished',
  'ticket.noShow': 'ticket:noShow',
  'ticket.transferred': 'ticket:transferred',
  'ticket.held': 'ticket:held',
  'ticket.resumed': 'ticket:resumed',
  'ticket.requeued': 'ticket:requeued',
  'ticket.cancelled': 'ticket:cancelled',
  'ticket.printed': 'ticket:printed',
} as const satisfies Partial<Record<EngineEvent['type'], HallBroadcast>>;

type TicketBroadcastEvent = Extract<EngineEvent, { type: keyof typeof TICKET_BROADCASTS }>;
/** Queue ticket events become hall broadcasts; other domains' events (ratings, cases…) do not. */
const isTicketBroadcast = (e: EngineEvent): e is TicketBroadcastEvent => e.type in TICKET_BROADCASTS;

type Payload<E extends HallBroadcast> = Parameters<ServerToClientEvents[E]>[0];

/** A broadcast without tickets' masked identities: the same object when it carries none. */
function withoutIdentities<P extends Sequenced & { ticket?: TicketView; window?: WindowView }>(payload: P): P {
  const { ticket, window } = payload;
  const hideTicket = ticket?.identity !== undefined;
  const hideCurrent = window?.current?.identity !== undefined;
  if (!hideTicket && !hideCurrent) return payload;
  return { ...payload, ...(hideTicket && { ticket: publicTicket(ticket) }), ...(hideCurrent && { window: publicWindow(window) }) };
}

export class Publisher {
  private seq = 0;

  constructor(
    private readonly broadcaster: Broadcaster,
    private readonly views: Views,
  ) {}

  /** Sequence number of the last broadcast; a snapshot taken now is consistent with it. */
  get lastSeq(): number {
    return this.seq;
  }

  publish(records: readonly JournalRecord[]): void {
    for (const { event } of records) this.publishEvent(event);
  }

  /** Each device gets one copy, with the same seq: window staff with tickets' masked identities, the rest without. */
  private emit<E extends HallBroadcast>(name: E, payload: Payload<E>): void {
    this.broadcaster.hall(name, payload, withoutIdentities(payload));
  }

  private publishEvent(event: EngineEvent): void {
    const at = event.at;
    switch (event.type) {
      case 'day.started':
        this.emit('day:started', { seq: ++this.seq, at, day: event.day });
        return;
      case 'ticket.called':
      case 'ticket.recalled': {
        const changed = this.ticketChanged(event.ticketId, event.windowId, at);
        const window = this.views.window(event.windowId);
        const ticket = changed && this.views.call({ ticketId: event.ticketId, windowId: event.windowId, at, recall: event.type === 'ticket.recalled' ? event.count : 0 });
        if (!changed || !window || !ticket) return;
        this.emit(event.type === 'ticket.called' ? 'ticket:called' : 'ticket:recalled', { ...changed, window, call: ticket });
        return;
      }
      case 'window.paused':
      case 'window.unpaused':
      case 'window.assigned':
      case 'staff.signedIn':
      case 'staff.signedOut': {
        const window = this.views.window(event.windowId);
        if (window) this.emit('window:changed', { seq: ++this.seq, at, window });
        return;
      }
      default: {
        if (!isTicketBroadcast(event)) return;
        const changed = this.ticketChanged(event.ticketId, 'windowId' in event ? event.windowId : undefined, at);
        if (changed) this.emit(TICKET_BROADCASTS[event.type], changed);
      }
    }
  }

  private ticketChanged(ticketId: string, windowId: string | undefined, at: number): TicketChanged | undefined {
    const ticket = this.views.ticketById(ticketId);
    if (!ticket) return undefined;
    const window = windowId ? this.views.window(windowId) : undefined;
    return { seq: ++this.seq, at, ticket, window, queues: this.views.queues() };
  }
}
