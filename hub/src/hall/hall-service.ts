// Runs engine commands one at a time: decide → journal (durable) → evolve → notify.
// Serialising here is the hall-wide lock: no two windows can ever be given the same ticket.
// Commands that arrive together (ten kiosks pressed at once) or while the last batch is written are
// decided one after another, then journaled with one write and one fdatasync (group commit). A batch
// is decided and written while the last one's listeners (the broadcasts) run, and applied after them.
//
// Commands are decided on a twin of the state (`draft`), which evolve changes as each command is
// decided; the state everyone reads (`state`) takes the events only once they are durable. evolve
// mutates in place, so the twin is a separate copy kept in step event by event: a copy of the whole
// day per batch (a structuredClone of 2,000 tickets) took 40–60 ms and was most of a burst's wait.
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack, type ErrorParams } from '@yichuang/shared/errors';
import { stateName } from '@yichuang/shared/i18n';
import { TICKET_STATES, type TicketState } from '@yichuang/shared/lists';
import { serviceDay } from '@yichuang/shared/time';
import { decide, evolve, initialState, type Command, type EngineEvent, type EngineState } from '../engine/index.js';
import type { Journal, JournalRecord } from '../storage/journal.js';
import { CommandLog } from './command-log.js';
import { QueueIndex } from './queue-index.js';

/**
 * A client command's key: the device and its client-made command id (realtime/command.ts makes it),
 * or the phone page's own for a citizen's request. A command run with a key runs once.
 */
export type CommandKey = string;

export interface Actor {
  deviceId: string;
  staffId?: string;
}

/** Citizens on their phones: the booking page and a ticket's page have no device of the hall's. */
export const PHONE_PAGE_ACTOR: Actor = { deviceId: 'phone-page' };
/** The hub's own timers: a pad's time running out, no-shows of appointments, notices sent. */
export const HUB_ACTOR: Actor = { deviceId: 'hub' };

export type RecordsListener = (records: JournalRecord[]) => void;

interface Pending {
  command: Command;
  actor: Actor;
  key: CommandKey | undefined;
  answer: (ack: Ack<JournalRecord[]>) => void;
}

export interface HallServiceDeps {
  journal: Journal;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
}

export class HallService {
  private state: EngineState = initialState();
  /** The state with the batch being decided applied: equal to `state` between batches, never shared with it. */
  private draft: EngineState = initialState();
  /** Each state's queue index, kept in step with it. */
  private index = new QueueIndex(this.state);
  private draftIndex = new QueueIndex(this.draft);
  private applied = 0;
  private pending: Pending[] = [];
  private draining = false;
  /** Settles once the last command's listeners have run. */
  private notified: Promise<void> = Promise.resolve();
  private readonly commands = new CommandLog();
  /** The journal refused the last write (disk full, read-only): logged once, and again when it recovers. */
  private failing = false;
  private readonly listeners: RecordsListener[] = [];

  private constructor(private readonly deps: HallServiceDeps) {}

  /**
   * Rebuilds the state (and the answers to its commands) from the last journal day up to today that
   * has records: a day file a crash left empty (made at midnight, its first record never written)
   * holds nothing to start from. Before today's first event that is the last day's state: the new day
   * starts from it, carrying over what outlives a day (open bad-rating cases, the appointment book)
   * in its day.started event.
   */
  static async load(deps: HallServiceDeps): Promise<HallService> {
    const service = new HallService(deps);
    const config = deps.config();
    const today = serviceDay(deps.clock(), config.hall.timeZone);
    const days = (await deps.journal.days()).filter((day) => day <= today);
    let records: JournalRecord[] = [];
    for (let i = days.length - 1; i >= 0 && records.length === 0; i--) records = await deps.journal.readDay(days[i]!);
    for (const record of records) {
      service.state = evolve(service.state, record.event);
      service.draft = evolve(service.draft, record.event);
      service.applied++;
      if (record.cmd) service.commands.remember(record.cmd, record);
    }
    service.index = new QueueIndex(service.state);
    service.draftIndex = new QueueIndex(service.draft);
    return service;
  }

  /** The records a client command produced, if it ran (today or, before today's first event, on the last day). */
  recorded(key: CommandKey): JournalRecord[] | undefined {
    return this.commands.recall(key)?.records;
  }

  get current(): EngineState {
    return this.state;
  }

  /** The current state's queue facts by category (Views reads them instead of scanning the day). */
  get queues(): QueueIndex {
    return this.index;
  }

  /** Changes every time an event is applied: read models cache their indexes by it. */
  get version(): number {
    return this.applied;
  }

  onRecords(listener: RecordsListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs one command. A `key` makes it idempotent: a retry gets
   * the records of the first run instead of running again.
   */
  execute(command: Command, actor: Actor, key?: CommandKey): Promise<Ack<JournalRecord[]>> {
    return new Promise((answer) => {
      this.pending.push({ command, actor, key, answer });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Commands of this turn of the event loop join the first batch: ten kiosks pressed at once arrive
    // as ten socket messages, each handled in its own callback, and take one write instead of two.
    // Later batches hold the commands that came while the one before was being written.
    await new Promise(setImmediate);
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        this.pending.unshift(...(await this.run(batch)));
      } catch (err) {
        this.deps.log(`command batch failed: ${(err as Error).stack ?? String(err)}`);
        for (const p of batch) p.answer({ ok: false, error: appError('INTERNAL') });
        this.restoreDraft();
      }
    }
    this.draining = false;
  }

  /** The draft made again from the state, after a batch that was not journaled. */
  private restoreDraft(): void {
    this.draft = structuredClone(this.state);
    this.draftIndex = new QueueIndex(this.draft);
  }

  private notify(records: JournalRecord[]): void {
    for (const listener of this.listeners) {
      // The command is durable and applied; a failing listener must not turn that into an error.
      try {
        listener(records);
      } catch (err) {
        this.deps.log(`records listener failed: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }

  /**
   * Decides the batch's commands in order, journals what they decided in one write, then applies it
   * and answers each. Returns the commands left for the next batch (those of a new service day).
   * The batch is decided on the draft, so nothing of it shows (a snapshot, a REST read) before it is
   * durable; a write that fails leaves the state as it was, and the draft is made again from it.
   */
  private async run(batch: Pending[]): Promise<Pending[]> {
    const now = this.deps.clock();
    const config = this.deps.config();
    const decided: Array<{ p: Pending; events: EngineEvent[] }> = [];
    const retried: Array<{ p: Pending; of: Pending }> = [];
    let day: string | undefined;
    let left: Pending[] = [];
    for (const [i, p] of batch.entries()) {
      const earlier = p.key ? this.commands.recall(p.key) : undefined;
      if (earlier) {
        p.answer(earlier.op === undefined || earlier.op === p.command.type ? { ok: true, data: earlier.records } : reused(p.command));
        continue;
      }
      const twin = p.key === undefined ? undefined : decided.find((d) => d.p.key === p.key);
      if (twin) {
        if (twin.p.command.type === p.command.type) retried.push({ p, of: twin.p });
        else p.answer(reused(p.command));
        continue;
      }
      const decision = decide(this.draft, p.command, { now, config, load: (categoryId) => this.draftIndex.load(categoryId) });
      if (!decision.ok) {
        p.answer({ ok: false, error: appError(decision.error.code, inWords(decision.error.params)) });
        continue;
      }
      if (decision.events.length === 0) {
        p.answer({ ok: true, data: [] });
        continue;
      }
      // The engine owns the service day (it keeps today's if the clock steps back over midnight).
      const started = decision.events.find((e) => e.type === 'day.started');
      const eventsDay = started?.type === 'day.started' ? started.day : (this.draft.day ?? serviceDay(now, config.hall.timeZone));
      // One journal write holds one day: a command that starts a new day waits for the next batch.
      if (day !== undefined && eventsDay !== day) {
        left = batch.slice(i);
        break;
      }
      day = eventsDay;
      decided.push({ p, events: decision.events });
      // Both states take the same event objects: evolve never changes what an event holds (it replaces
      // a carried-over case or booking), so sharing them is safe, as it is for the journal's answers.
      for (const event of decision.events) {
        this.draft = evolve(this.draft, event);
        this.draftIndex.apply(this.draft, event);
      }
    }
    if (day === undefined) return left;

    let records: JournalRecord[];
    try {
      records = await this.deps.journal.append(
        decided.flatMap(({ p, events }) => events.map((event) => ({ day: day!, at: event.at, cmd: p.key, op: p.command.type, actor: p.actor, event }))),
      );
    } catch (err) {
      // Once per outage: a full disk with busy kiosks would otherwise fill the log it cannot write.
      if (!this.failing) this.deps.log(`journal append failed, commands answer STORAGE_FAILED until it recovers: ${(err as Error).message}`);
      this.failing = true;
      for (const p of [...decided.map((d) => d.p), ...retried.map((r) => r.p)]) p.answer({ ok: false, error: appError('STORAGE_FAILED') });
      this.restoreDraft();
      return left;
    }
    if (this.failing) this.deps.log('journal writes again: commands are journaled and answered as before');
    this.failing = false;
    // The batch was decided and written while the last one's listeners ran (broadcasts to hundreds of
    // sockets); it shows only once they are done, so every broadcast shows the state its command made.
    await this.notified;
    for (const record of records) {
      this.state = evolve(this.state, record.event);
      this.index.apply(this.state, record.event);
    }
    this.applied += records.length;

    const answers = new Map<Pending, JournalRecord[]>();
    let at = 0;
    for (const { p, events } of decided) {
      const own = records.slice(at, at + events.length);
      at += events.length;
      if (p.key) for (const record of own) this.commands.remember(p.key, record);
      answers.set(p, own);
      p.answer({ ok: true, data: own });
    }
    for (const { p, of } of retried) p.answer({ ok: true, data: answers.get(of) ?? [] });
    // Listeners (broadcasts to every screen among them) run just after the commands' answers have
    // gone out: the answers wait only for the journal, not for writes to hundreds of sockets.
    this.notified = new Promise((resolve) =>
      setImmediate(() => {
        this.notify(records);
        resolve();
      }),
    );
    return left;
  }
}

/** A client's command id is its own for one command: the same id for another one is a client's mistake, said plainly. */
function reused(command: Command): Ack<never> {
  return { ok: false, error: appError('CMD_ID_REUSED', { command: command.type }) };
}

/** A ticket's state in a refusal (WRONG_STATE) is said in words from the catalogue, never by its internal name. */
function inWords(params: ErrorParams | undefined): ErrorParams | undefined {
  const state = params?.state;
  if (typeof state !== 'string' || !TICKET_STATES.includes(state as TicketState)) return params;
  const s = state as TicketState;
  return { ...params, state: { zh: stateName(s, 'zh'), en: stateName(s, 'en').toLowerCase() } };
}
