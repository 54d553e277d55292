// Read models for screens and the REST API, projected from engine state + configuration.
// Identities are already masked in the state, and only staff screens get even those; PIN hashes and
// device tokens never leave here.
import type {
  Availability,
  CallView,
  Category,
  Device,
  HallConfig,
  HallSnapshot,
  QueueView,
  Staff,
  StaffCard,
  Ticket,
  TicketView,
  WindowView,
} from '@yichuang/shared/domain';
import { OPEN_TICKET_STATES, RECENT_CALLS_CAP } from '@yichuang/shared/tickets';
import { localParts, nextOpening, periodsOn, serviceDay, withinPeriods } from '@yichuang/shared/time';
import type { WindowCase, WindowQueueEntry } from '@yichuang/shared/window-queue';
import { nextStep, standings } from '../engine/cases.js';
import { evaluationOf } from '../engine/state.js';
import { QueueIndex } from './queue-index.js';
import {
  callOrder,
  categoryAvailability,
  paceMinutes,
  placesInQueue,
  windowCategories,
  windowsServing,
  type EngineState,
  type QueueLoad,
} from '../engine/index.js';

/** How long screens asking for the same snapshot share one (its opening state and clock stay this fresh). */
const SNAPSHOT_SHARED_MS = 1000;

/** A ticket for a device that is not shown even its masked identity (docs/design.md §7: boards mask personal data). */
export function publicTicket({ identity: _identity, ...ticket }: TicketView): TicketView {
  return ticket;
}
export const publicWindow = (w: WindowView): WindowView => (w.current ? { ...w, current: publicTicket(w.current) } : w);

/**
 * What a screen follows of the hall, each stream numbered on its own (realtime/publisher.ts): window
 * staff and consoles every change, tickets included (staff with their masked identities, for the
 * real-name follow-up); boards and kiosks the calls, windows and queues; a window's display and pad
 * that window alone.
 */
export type HallStream = { kind: 'all'; identities: boolean } | { kind: 'public' } | { kind: 'window'; windowId: string };

/** Whether a device is shown tickets' masked phone or ID tails (the window caller shows them). */
export const seesIdentities = (device: Device): boolean => device.role === 'window';

export class Views {
  private built: { version: number; index: QueueIndex } | undefined;
  /** Places in each category's queue, for one state version and instant. */
  private placed: { version: number; at: number; places: Map<string, Map<string, number>> } | undefined;
  private readonly snapshots = new Map<string, { version: number; config: HallConfig; snapshot: HallSnapshot }>();

  /**
   * `version` changes whenever the state does (HallService.version), and `index` is the hall's queue
   * index, kept in step with the state event by event. Without it the index is built from the state
   * once per version; without either (tests driving an engine directly) on every use.
   */
  constructor(
    private readonly state: () => EngineState,
    private readonly config: () => HallConfig,
    private readonly clock: () => number,
    private readonly version?: () => number,
    private readonly index?: () => QueueIndex,
  ) {}

  private queueIndex(): QueueIndex {
    if (this.index) return this.index();
    const version = this.version?.();
    if (version !== undefined && this.built?.version === version) return this.built.index;
    const index = new QueueIndex(this.state());
    if (version !== undefined) this.built = { version, index };
    return index;
  }

  /** Today's waiting tickets of a category. */
  waitingIn(categoryId: string): readonly Ticket[] {
    return this.queueIndex().waiting(categoryId);
  }

  staffCard(staff: Staff): StaffCard {
    const { id, number, name, department, title, photo, badge } = staff;
    return { id, number, name, department, title, photo, badge };
  }

  ticket(ticket: Ticket): TicketView {
    const window = ticket.windowId ? this.config().windows.find((w) => w.id === ticket.windowId) : undefined;
    const view: TicketView = {
      id: ticket.id,
      number: ticket.number,
      categoryId: ticket.categoryId,
      priority: ticket.priority,
      source: ticket.source,
      state: ticket.state,
      issuedAt: ticket.issuedAt,
      windowId: ticket.windowId,
      windowNumber: window?.number,
      recalls: ticket.recalls,
      identity: ticket.identity?.masked,
      outcome: ticket.outcome,
      printed: ticket.print?.ok,
    };
    if (ticket.targetWindowId !== undefined) view.targetWindowId = ticket.targetWindowId;
    if (ticket.state === 'waiting') view.ahead = this.placesIn(ticket.categoryId).get(ticket.id) ?? 0;
    if (ticket.state === 'called') view.recallsLeft = Math.max(0, this.config().rules.recallCap - ticket.recalls);
    return view;
  }

  /**
   * The places of a category's waiting tickets, once per category, state and instant: a snapshot of
   * 600 waiting costs one sort per category, and a ticket just issued only its own category's.
   */
  private placesIn(categoryId: string): Map<string, number> {
    const version = this.version?.();
    const now = this.clock();
    const place = (): Map<string, number> => placesInQueue([this.waitingIn(categoryId)], now, this.config().rules);
    if (version === undefined) return place();
    if (this.placed?.version !== version || this.placed.at !== now) this.placed = { version, at: now, places: new Map() };
    let places = this.placed.places.get(categoryId);
    if (!places) this.placed.places.set(categoryId, (places = place()));
    return places;
  }

  ticketById(id: string): TicketView | undefined {
    const t = this.state().tickets[id];
    return t && this.ticket(t);
  }

  ticketByNumber(number: string): TicketView | undefined {
    const id = this.state().byNumber[number.toUpperCase()];
    return id ? this.ticketById(id) : undefined;
  }

  window(windowId: string): WindowView | undefined {
    const config = this.config();
    const def = config.windows.find((w) => w.id === windowId);
    if (!def) return undefined;
    const live = this.state().windows[windowId];
    const staff = live?.staffId ? config.staff.find((s) => s.id === live.staffId) : undefined;
    const current = live?.currentTicketId ? this.ticketById(live.currentTicketId) : undefined;
    return {
      id: def.id,
      number: def.number,
      name: def.name,
      nameEn: def.nameEn,
      kind: def.kind,
      status: live?.status ?? 'closed',
      pauseReason: live?.pauseReason,
      staff: staff && this.staffCard(staff),
      current,
      categories: [...windowCategories(this.state(), def)],
    };
  }

  /** A window's waiting tickets in the order its calls-next take them; undefined for an unknown window. */
  windowQueue(windowId: string, limit?: number): WindowQueueEntry[] | undefined {
    const config = this.config();
    if (!config.windows.some((w) => w.id === windowId)) return undefined;
    return callOrder(this.state(), windowId, config, this.clock(), this.queueIndex().allWaiting(), limit).map(({ ticket: t }) => ({
      number: t.number,
      categoryId: t.categoryId,
      priority: t.priority,
      issuedAt: t.issuedAt,
      targeted: t.targetWindowId === windowId,
    }));
  }

  /**
   * Bad-rating cases concerning a window: rated at it, or of the staff member signed in there now.
   * Open ones first (oldest first), then those closed today; no citizen's data.
   */
  windowCases(windowId: string): WindowCase[] {
    const state = this.state();
    const { timeZone } = this.config().hall;
    const today = serviceDay(this.clock(), timeZone);
    const staffId = state.windows[windowId]?.staffId;
    const shown: WindowCase[] = [];
    for (const c of Object.values(evaluationOf(state).cases)) {
      if (c.rating.windowId !== windowId && (staffId === undefined || c.rating.staffId !== staffId)) continue;
      const next = nextStep(c);
      const closedAt = c.steps.find((s) => s.step === 'close')?.at;
      if (next === null && (closedAt === undefined || serviceDay(closedAt, timeZone) !== today)) continue;
      const standing = standings(c, today, timeZone);
      shown.push({
        id: c.id,
        ticketNumber: c.rating.ticketNumber,
        level: c.rating.level,
        openedAt: c.openedAt,
        reached: c.reached,
        next,
        ...(next !== null && next !== 'close' && { dueBy: c.due[next] }),
        overdue: Object.values(standing).includes('overdue'),
      });
    }
    return shown.sort((a, b) => Number(a.next === null) - Number(b.next === null) || a.openedAt - b.openedAt);
  }

  windows(): WindowView[] {
    return this.config().windows.flatMap((w) => this.window(w.id) ?? []);
  }

  /** Minutes a ticket taken now in this category would wait. */
  /** Wait for a ticket already in the queue: the people ahead of it, served at its category's pace. */
  ticketWaitMin(ticket: TicketView): number {
    const waiting = this.queueIndex().waitingCount(ticket.categoryId);
    if (waiting === 0 || ticket.ahead === undefined) return 0;
    return Math.round((this.estimatedWaitMin(ticket.categoryId) * ticket.ahead) / waiting);
  }

  estimatedWaitMin(categoryId: string): number {
    return paceMinutes(this.load(categoryId), windowsServing(this.state(), this.config(), categoryId).open);
  }

  private load(categoryId: string): QueueLoad {
    return this.queueIndex().load(categoryId);
  }

  /** The engine's issue guard, without its refusal: what kiosks, the guide and phone pages show. */
  availability(category: Category): Availability {
    const { refusal: _refusal, ...availability } = categoryAvailability(this.state(), category, this.clock(), this.config(), this.load(category.id));
    return availability;
  }

  queues(): QueueView[] {
    return this.config().categories.map((c) => {
      const waiting = this.waitingIn(c.id);
      return {
        categoryId: c.id,
        prefix: c.prefix,
        name: c.name,
        nameEn: c.nameEn,
        waiting: waiting.length,
        estimatedWaitMin: this.estimatedWaitMin(c.id),
        availability: this.availability(c),
        oldestWaitingSince: waiting.reduce<number | undefined>((m, t) => (m === undefined || t.queueAt < m ? t.queueAt : m), undefined),
      };
    });
  }

  call(record: { ticketId: string; windowId: string; at: number; recall: number }): CallView | undefined {
    const ticket = this.state().tickets[record.ticketId];
    const window = this.config().windows.find((w) => w.id === record.windowId);
    if (!ticket || !window) return undefined;
    return {
      ticketNumber: ticket.number,
      windowId: window.id,
      windowNumber: window.number,
      windowName: window.name,
      categoryId: ticket.categoryId,
      at: record.at,
      recall: record.recall,
    };
  }

  /** Whether the hall issues walk-in tickets now, and when it next opens. */
  opening(): { open: boolean; nextOpening?: number } {
    const { hall } = this.config();
    const now = this.clock();
    const local = localParts(now, hall.timeZone);
    const open = withinPeriods(periodsOn(hall.schedule.hours, local.day, hall.schedule), local.minutes);
    return open ? { open } : { open, nextOpening: nextOpening(hall.schedule.hours, now, hall.timeZone, hall.schedule) };
  }

  windowIds(): string[] {
    return this.config().windows.map((w) => w.id);
  }

  /**
   * The hall as a screen of this stream starts from, holding what the stream's broadcasts update.
   * Screens that ask within a second of each other with nothing changed between, neither the state
   * nor the configuration (hundreds at once, after a restart), share one.
   */
  snapshot(stream: HallStream, seq: number): HallSnapshot {
    const key = stream.kind === 'all' ? `all:${stream.identities}` : stream.kind === 'public' ? 'public' : `window:${stream.windowId}`;
    const version = this.version?.();
    const config = this.config();
    const now = this.clock();
    const shared = this.snapshots.get(key);
    if (version !== undefined && shared?.version === version && shared.config === config && shared.snapshot.seq === seq && now - shared.snapshot.at < SNAPSHOT_SHARED_MS) {
      return shared.snapshot;
    }
    const snapshot = this.#snapshot(stream, seq);
    if (version !== undefined) this.snapshots.set(key, { version, config, snapshot });
    return snapshot;
  }

  #snapshot(stream: HallStream, seq: number): HallSnapshot {
    const state = this.state();
    const { hall, categories } = this.config();
    const all = stream.kind === 'all';
    const identities = all && stream.identities;
    const windows = stream.kind === 'window' ? [this.window(stream.windowId)].filter((w) => w !== undefined) : this.windows();
    const tickets = all ? Object.values(state.tickets).filter((t) => OPEN_TICKET_STATES.has(t.state)).map((t) => this.ticket(t)) : [];
    const calls = state.calls.slice(0, RECENT_CALLS_CAP).flatMap((c) => this.call(c) ?? []);
    return {
      seq,
      day: state.day ?? '',
      at: this.clock(),
      hall: { id: hall.id, name: hall.name, nameEn: hall.nameEn, address: hall.address, timeZone: hall.timeZone },
      categories,
      windows: identities ? windows : windows.map(publicWindow),
      queues: stream.kind === 'window' ? [] : this.queues(),
      tickets: identities ? tickets : tickets.map(publicTicket),
      recentCalls: stream.kind === 'window' ? calls.filter((c) => c.windowId === stream.windowId) : calls,
      ...this.opening(),
    };
  }
}
