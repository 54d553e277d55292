// Turns journal records into hall broadcasts. Each screen follows one stream (broadcaster.ts,
// streamOf) with its own sequence numbers, so it can tell when it missed one, and gets only what it
// shows: window staff and consoles every change, tickets included; boards and kiosks the calls, the
// windows and the queues that changed; a window's display and pad that window alone. Queues travel
// as deltas: only those the change altered. What shows no call and no window — boards' queue changes,
// staff's tickets issued, printed or cancelled at a kiosk — goes out gathered, a moment after the first
// and then at most once a second however fast tickets are taken (a message per ticket to every board,
// kiosk and window client was the largest cost of a ticket at a steady few a second); calls and window
// changes go out at once, after what was gathered before them.
import type { CallView, QueueView, TicketView, WindowView } from '@yichuang/shared/domain';
import type { GatheredBroadcast, HallBroadcast, ServerToClientEvents, TicketChanged } from '@yichuang/shared/events';
import type { EngineEvent } from '../engine/index.js';
import { publicTicket, publicWindow, type Views } from '../hall/views.js';
import type { JournalRecord } from '../storage/journal.js';
import type { Broadcaster, HallStream } from './broadcaster.js';

const TICKET_BROADCASTS = {
  'ticket.issued': 'ticket:issued',
  'ticket.called': 'ticket:called',
  'ticket.recalled': 'ticket:recalled',
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

/** How long gathered changes wait for others to go out with them. */
const GATHER_MS = 250;
/** After gathered changes went out, the next go out this much later at the earliest. */
const GATHERED_EVERY_MS = 1000;

const WINDOW_EVENTS = new Set<EngineEvent['type']>(['window.paused', 'window.unpaused', 'window.assigned', 'window.restored', 'staff.signedIn', 'staff.signedOut']);

type TicketBroadcastEvent = Extract<EngineEvent, { type: keyof typeof TICKET_BROADCASTS }>;
/** Queue ticket events become hall broadcasts; other domains' events (ratings, cases…) do not. */
const isTicketBroadcast = (e: EngineEvent): e is TicketBroadcastEvent => e.type in TICKET_BROADCASTS;

type Payload<E extends HallBroadcast> = Parameters<ServerToClientEvents[E]>[0];

/** What one change brings: the broadcast's name and its parts, each stream taking what it shows. */
interface Change {
  name: HallBroadcast;
  at: number;
  ticket?: TicketView;
  window?: WindowView;
  call?: CallView;
  queues: QueueView[];
}

export class Publisher {
  #all = 0;
  #public = 0;
  readonly #windows = new Map<string, number>();
  /** The queues as last sent, by category, to send only those a change altered. */
  readonly #queues = new Map<string, string>();
  /** Queue changes not yet sent to boards and kiosks, by category. */
  readonly #boardQueues = new Map<string, QueueView>();
  /** Ticket changes not yet sent to window staff (`staff`) and consoles (`open`: without identities), in seq order. */
  #staffPending: { name: GatheredBroadcast['name']; staff: TicketChanged; open: TicketChanged }[] = [];
  #gathering: ReturnType<typeof setTimeout> | undefined;
  /** Set for GATHERED_EVERY_MS after gathered changes went out: those that come meanwhile wait for its end. */
  #cooling: ReturnType<typeof setTimeout> | undefined;
  #gatheredAt = 0;

  constructor(
    private readonly broadcaster: Broadcaster,
    private readonly views: Views,
  ) {
    this.#changedQueues(); // what a snapshot taken now shows
  }

  /** The stream's last sequence number: a snapshot taken now is consistent with it. */
  seqOf(stream: HallStream): number {
    if (stream.kind === 'all') return this.#all;
    if (stream.kind === 'public') return this.#public;
    return this.#windows.get(stream.windowId) ?? 0;
  }

  /**
   * One batch's records, published once they are applied. The queues are compared once for the
   * batch: every change reads the state the whole batch made, so only its first could find any.
   */
  publish(records: readonly JournalRecord[]): void {
    let compared = false;
    const changedQueues = (): QueueView[] => {
      if (compared) return [];
      compared = true;
      return this.#changedQueues();
    };
    for (const { event } of records) this.#publishEvent(event, changedQueues);
  }

  #publishEvent(event: EngineEvent, changedQueues: () => QueueView[]): void {
    if (event.type === 'day.started') {
      // A new day is a new hall for everyone: each stream's screens take a fresh snapshot, which
      // shows the queues as they are now.
      changedQueues();
      this.#sendStaffPending();
      this.#takeBoardQueues();
      const day = { at: event.at, day: event.day };
      this.broadcaster.toAll('day:started', { seq: ++this.#all, ...day });
      this.broadcaster.toPublic('day:started', { seq: ++this.#public, ...day });
      for (const windowId of this.views.windowIds()) this.broadcaster.toWindowScreens(windowId, 'day:started', { seq: this.#nextWindowSeq(windowId), ...day });
      return;
    }
    const change = this.#changeOf(event, changedQueues);
    if (change) this.#send(change);
  }

  #changeOf(event: EngineEvent, changedQueues: () => QueueView[]): Change | undefined {
    const at = event.at;
    if (WINDOW_EVENTS.has(event.type) && 'windowId' in event) {
      const window = this.views.window(event.windowId);
      return window && { name: 'window:changed', at, window, queues: changedQueues() };
    }
    if (!isTicketBroadcast(event)) return undefined;
    const ticket = this.views.ticketById(event.ticketId);
    if (!ticket) return undefined;
    const windowId = 'windowId' in event ? event.windowId : undefined;
    const window = windowId === undefined ? undefined : this.views.window(windowId);
    const change: Change = { name: TICKET_BROADCASTS[event.type], at, ticket, window, queues: changedQueues() };
    if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
      change.call = this.views.call({ ticketId: event.ticketId, windowId: event.windowId, at, recall: event.type === 'ticket.recalled' ? event.count : 0 });
      if (!change.call || !window) return undefined;
    }
    return change;
  }

  #send({ name, at, ticket, window, call, queues }: Change): void {
    const parts = { ...(window && { window }), ...(call && { call }), ...(queues.length > 0 && { queues }) };
    // Window staff see tickets' masked identities; consoles the same change without them.
    const staff = { seq: ++this.#all, at, ...(ticket && { ticket }), ...parts } as Payload<typeof name>;
    const staffOpen = withoutIdentities(staff as { ticket?: TicketView; window?: WindowView }) as Payload<typeof name>;
    const open = { ...(window && { window: publicWindow(window) }), ...(call && { call }) };
    for (const q of queues) this.#boardQueues.set(q.categoryId, q);
    this.#gatheredAt = at;
    if (window || call) {
      // At once, after what was gathered: boards and kiosks with the queue changes gathered so far.
      this.#sendStaffPending();
      this.broadcaster.toAll(name, staff, staffOpen);
      this.broadcaster.toPublic(name, { seq: ++this.#public, at, ...open, ...this.#takeBoardQueues() } as Payload<typeof name>);
    } else {
      // Only a ticket changed (issued, its slip printed, cancelled at the kiosk): staff get it gathered;
      // boards and kiosks the queues it changed, if any, gathered too.
      this.#staffPending.push({ name: name as GatheredBroadcast['name'], staff: staff as TicketChanged, open: staffOpen as TicketChanged });
      if (!this.#cooling) this.#gathering ??= setTimeout(() => this.#sendGathered(), GATHER_MS).unref();
    }
    if (window) this.broadcaster.toWindowScreens(window.id, name, { seq: this.#nextWindowSeq(window.id), at, ...open } as Payload<typeof name>);
  }

  /** The ticket changes gathered for window staff and consoles, in one message each (one for both when none shows an identity). */
  #sendStaffPending(): boolean {
    const pending = this.#staffPending;
    if (pending.length === 0) return false;
    this.#staffPending = [];
    const staff = { broadcasts: pending.map(({ name, staff }) => ({ name, event: staff })) };
    const same = pending.every((p) => p.open === p.staff);
    this.broadcaster.toAll('hall:gathered', staff, same ? staff : { broadcasts: pending.map(({ name, open }) => ({ name, event: open })) });
    return true;
  }

  /** The queue changes gathered for boards and kiosks (and the timer stopped: the caller sends everything gathered). */
  #takeBoardQueues(): { queues?: QueueView[] } {
    clearTimeout(this.#gathering);
    this.#gathering = undefined;
    if (this.#boardQueues.size === 0) return {};
    const queues = [...this.#boardQueues.values()];
    this.#boardQueues.clear();
    return { queues };
  }

  #sendGathered(): void {
    const staffSent = this.#sendStaffPending();
    const { queues } = this.#takeBoardQueues();
    if (queues) this.broadcaster.toPublic('queues:changed', { seq: ++this.#public, at: this.#gatheredAt, queues });
    if (!staffSent && !queues) return;
    this.#cooling = setTimeout(() => {
      this.#cooling = undefined;
      this.#sendGathered();
    }, GATHERED_EVERY_MS).unref();
  }

  #nextWindowSeq(windowId: string): number {
    const seq = (this.#windows.get(windowId) ?? 0) + 1;
    this.#windows.set(windowId, seq);
    return seq;
  }

  /** The queues whose view differs from the last one sent or shown in a snapshot. */
  #changedQueues(): QueueView[] {
    const changed: QueueView[] = [];
    for (const q of this.views.queues()) {
      const json = JSON.stringify(q);
      if (this.#queues.get(q.categoryId) === json) continue;
      this.#queues.set(q.categoryId, json);
      changed.push(q);
    }
    return changed;
  }
}

/** A broadcast without tickets' masked identities: the same object when it carries none. */
function withoutIdentities<P extends { ticket?: TicketView; window?: WindowView }>(payload: P): P {
  const { ticket, window } = payload;
  const hideTicket = ticket?.identity !== undefined;
  const hideCurrent = window?.current?.identity !== undefined;
  if (!hideTicket && !hideCurrent) return payload;
  return { ...payload, ...(hideTicket && { ticket: publicTicket(ticket) }), ...(hideCurrent && { window: publicWindow(window) }) };
}
