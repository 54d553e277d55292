// Each category's queue facts (who waits, how long finished visits took, the day's walk-ins) kept up
// to date event by event. Scanning the day's tickets for them on every change was the largest cost of
// issuing a ticket in a hub profile (2,000 tickets scanned for each issue guard, each ack's place in
// the queue, and each broadcast's queue views).
import type { Ticket, TicketState } from '@yichuang/shared/domain';
import { isAppointment, servedMs } from '../engine/availability.js';
import type { EngineEvent, EngineState, QueueLoad } from '../engine/index.js';
import { DayTally } from './day-tally.js';

/** Where a ticket is indexed now. */
interface Indexed {
  categoryId: string;
  state: TicketState;
  /** Issue order: the pace takes the latest finished visits in the order they were issued. */
  ordinal: number;
}

/** A category's finished visits with a service time, in issue order (ordinals ascending, `ms` beside them). */
interface Served {
  ordinals: number[];
  ms: number[];
}

const NO_TICKETS: readonly Ticket[] = [];
const NO_SERVED: readonly number[] = [];

export class QueueIndex {
  readonly #tickets = new Map<string, Indexed>();
  readonly #waiting = new Map<string, Map<string, Ticket>>();
  readonly #served = new Map<string, Served>();
  /** Walk-in tickets by the category they were first issued in (caps and slot quotas count these). */
  readonly #walkIns = new Map<string, Ticket[]>();
  #next = 0;
  /** The day's waits, visits handled and ratings (the live board's figures), kept with the queues. */
  readonly tally = new DayTally();

  constructor(state: EngineState) {
    this.#rebuild(state);
  }

  /** Takes one event, just after `evolve` applied it to `state`. */
  apply(state: EngineState, event: EngineEvent): void {
    if (event.type === 'day.started') return this.#rebuild(state);
    if (!('ticketId' in event)) return;
    const ticket = state.tickets[event.ticketId];
    if (!ticket) return;
    this.#index(ticket);
    this.tally.touch(state, ticket);
  }

  /** The category's load as the engine's issue guard and the screens' estimates take it. */
  load(categoryId: string): QueueLoad {
    return { waiting: this.#waiting.get(categoryId)?.size ?? 0, servedMs: this.#served.get(categoryId)?.ms ?? NO_SERVED, walkIns: this.#walkIns.get(categoryId) ?? NO_TICKETS };
  }

  /** The category's waiting tickets (in no particular order: call order has its own keys). */
  waiting(categoryId: string): readonly Ticket[] {
    const waiting = this.#waiting.get(categoryId);
    return waiting ? [...waiting.values()] : NO_TICKETS;
  }

  /** Every category's waiting tickets, read-only (the live checks walk these, not the whole day). */
  get waitingByCategory(): ReadonlyMap<string, ReadonlyMap<string, Ticket>> {
    return this.#waiting;
  }

  /** Every waiting ticket, category after category (a window's call order picks its own from these). */
  *allWaiting(): Iterable<Ticket> {
    for (const tickets of this.#waiting.values()) yield* tickets.values();
  }

  waitingCount(categoryId: string): number {
    return this.#waiting.get(categoryId)?.size ?? 0;
  }

  #rebuild(state: EngineState): void {
    this.#tickets.clear();
    this.#waiting.clear();
    this.#served.clear();
    this.#walkIns.clear();
    this.tally.clear();
    this.#next = 0;
    for (const id in state.tickets) {
      this.#index(state.tickets[id]!);
      this.tally.touch(state, state.tickets[id]!);
    }
  }

  #index(t: Ticket): void {
    const was = this.#tickets.get(t.id);
    if (was?.state === t.state && was.categoryId === t.categoryId) return;
    if (was) this.#unindex(t.id, was);
    else if (!isAppointment(t)) listOf(this.#walkIns, t.periods[0]?.categoryId ?? t.categoryId).push(t);
    const now: Indexed = { categoryId: t.categoryId, state: t.state, ordinal: was?.ordinal ?? this.#next++ };
    this.#tickets.set(t.id, now);
    if (t.state === 'waiting') {
      let waiting = this.#waiting.get(t.categoryId);
      if (!waiting) this.#waiting.set(t.categoryId, (waiting = new Map()));
      waiting.set(t.id, t);
    } else if (t.state === 'finished') {
      const ms = servedMs(t.periods);
      if (ms > 0) this.#addServed(t.categoryId, now.ordinal, ms);
    }
  }

  #unindex(id: string, was: Indexed): void {
    if (was.state === 'waiting') this.#waiting.get(was.categoryId)?.delete(id);
    else if (was.state === 'finished') {
      const served = this.#served.get(was.categoryId);
      const at = served ? served.ordinals.indexOf(was.ordinal) : -1;
      if (at >= 0) {
        served!.ordinals.splice(at, 1);
        served!.ms.splice(at, 1);
      }
    }
  }

  /** Visits mostly finish in the order they were issued: the place is found from the end. */
  #addServed(categoryId: string, ordinal: number, ms: number): void {
    let served = this.#served.get(categoryId);
    if (!served) this.#served.set(categoryId, (served = { ordinals: [], ms: [] }));
    let at = served.ordinals.length;
    while (at > 0 && served.ordinals[at - 1]! > ordinal) at--;
    served.ordinals.splice(at, 0, ordinal);
    served.ms.splice(at, 0, ms);
  }
}

function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
