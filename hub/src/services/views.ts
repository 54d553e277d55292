// Read models for screens and the REST API, projected from engine state + configuration.
// Identities are already masked in the state; PIN hashes and device tokens never leave here.
import type {
  CallView,
  HallConfig,
  HallSnapshot,
  QueueView,
  Staff,
  StaffCard,
  Ticket,
  TicketView,
  WindowView,
} from '@yichuang/shared/domain';
import { localParts, nextOpening, periodsOn, withinPeriods } from '@yichuang/shared/time';
import { aheadOf, waitingIn, type EngineState } from '../engine/index.js';

const MINUTE = 60_000;
/** Assumed service time until a category has finished visits today. */
const DEFAULT_SERVICE_MIN = 6;
const SERVICE_SAMPLE = 20;
const OPEN_STATES = new Set(['waiting', 'called', 'serving', 'on-hold']);

export class Views {
  constructor(
    private readonly state: () => EngineState,
    private readonly config: () => HallConfig,
    private readonly clock: () => number,
  ) {}

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
    if (ticket.state === 'waiting') view.ahead = aheadOf(this.state(), ticket.id, this.config(), this.clock());
    return view;
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
      categories: def.categories,
    };
  }

  windows(): WindowView[] {
    return this.config().windows.flatMap((w) => this.window(w.id) ?? []);
  }

  /** Minutes a ticket taken now in this category would wait. */
  estimatedWaitMin(categoryId: string): number {
    const state = this.state();
    const config = this.config();
    const waiting = waitingIn(state, categoryId).length;
    if (waiting === 0) return 0;
    const serving = config.windows.filter(
      (w) => w.categories.some((c) => c.categoryId === categoryId) && state.windows[w.id]?.status === 'open',
    ).length;
    return Math.round((waiting * this.averageServiceMin(categoryId)) / Math.max(1, serving));
  }

  private averageServiceMin(categoryId: string): number {
    const durations: number[] = [];
    for (const t of Object.values(this.state().tickets)) {
      if (t.state !== 'finished' || t.categoryId !== categoryId) continue;
      const served = t.periods.filter((p) => p.state === 'serving').reduce((s, p) => s + ((p.end ?? p.start) - p.start), 0);
      if (served > 0) durations.push(served);
    }
    const recent = durations.slice(-SERVICE_SAMPLE);
    if (recent.length === 0) return DEFAULT_SERVICE_MIN;
    return recent.reduce((a, b) => a + b, 0) / recent.length / MINUTE;
  }

  queues(): QueueView[] {
    return this.config().categories.map((c) => {
      const waiting = waitingIn(this.state(), c.id);
      return {
        categoryId: c.id,
        prefix: c.prefix,
        name: c.name,
        nameEn: c.nameEn,
        waiting: waiting.length,
        estimatedWaitMin: this.estimatedWaitMin(c.id),
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

  snapshot(seq: number): HallSnapshot {
    const state = this.state();
    const { hall, categories } = this.config();
    return {
      seq,
      day: state.day ?? '',
      at: this.clock(),
      hall: { id: hall.id, name: hall.name, nameEn: hall.nameEn, address: hall.address, timeZone: hall.timeZone },
      categories,
      windows: this.windows(),
      queues: this.queues(),
      tickets: Object.values(state.tickets)
        .filter((t) => OPEN_STATES.has(t.state))
        .map((t) => this.ticket(t)),
      recentCalls: state.calls.slice(0, 20).flatMap((c) => this.call(c) ?? []),
      ...this.opening(),
    };
  }
}
