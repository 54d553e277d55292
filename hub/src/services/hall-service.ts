// Runs engine commands one at a time: decide → journal (durable) → evolve → notify.
// Serialising here is the hall-wide lock: no two windows can ever be given the same ticket.
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import { serviceDay } from '@yichuang/shared/time';
import { decide, evolve, initialState, type Command, type EngineState } from '../engine/index.js';
import type { Journal, JournalRecord } from '../storage/journal.js';
import { CommandLog } from './command-log.js';

export interface Actor {
  deviceId: string;
  staffId?: string;
}

/** Citizens on their phones: the booking page and a ticket's page have no device of the hall's. */
export const PHONE_PAGE_ACTOR: Actor = { deviceId: 'phone-page' };

export type RecordsListener = (records: JournalRecord[]) => void;

export interface HallServiceDeps {
  journal: Journal;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
}

export class HallService {
  private state: EngineState = initialState();
  private applied = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles once the last command's listeners have run. */
  private notified: Promise<void> = Promise.resolve();
  private readonly commands = new CommandLog();
  private readonly listeners: RecordsListener[] = [];

  private constructor(private readonly deps: HallServiceDeps) {}

  /**
   * Rebuilds the state (and the answers to its commands) from the last journal day up to today.
   * Before today's first event that is the last day's state: the new day starts from it, carrying
   * over what outlives a day (open bad-rating cases) in its day.started event.
   */
  static async load(deps: HallServiceDeps): Promise<HallService> {
    const service = new HallService(deps);
    const config = deps.config();
    const today = serviceDay(deps.clock(), config.hall.timeZone);
    const last = (await deps.journal.days()).filter((day) => day <= today).at(-1);
    for (const record of last ? await deps.journal.readDay(last) : []) {
      service.state = evolve(service.state, record.event);
      service.applied++;
      if (record.cmd) service.commands.remember(record.cmd, record);
    }
    return service;
  }

  get current(): EngineState {
    return this.state;
  }

  /** Changes every time an event is applied: read models cache their indexes by it. */
  get version(): number {
    return this.applied;
  }

  onRecords(listener: RecordsListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs one command. `cmdKey` (device + client command id) makes it idempotent: a retry gets
   * the records of the first run instead of running again.
   */
  execute(command: Command, actor: Actor, cmdKey?: string): Promise<Ack<JournalRecord[]>> {
    const run = this.queue.then(() => this.run(command, actor, cmdKey));
    // The next command waits until this one's listeners have run, so they see the state it made.
    this.queue = run.then(() => this.notified).catch(() => undefined);
    return run;
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

  private async run(command: Command, actor: Actor, cmdKey?: string): Promise<Ack<JournalRecord[]>> {
    const earlier = cmdKey ? this.commands.recall(cmdKey) : undefined;
    if (earlier) return { ok: true, data: earlier };

    const now = this.deps.clock();
    const config = this.deps.config();
    const decision = decide(this.state, command, { now, config });
    if (!decision.ok) return { ok: false, error: appError(decision.error.code, decision.error.params) };
    if (decision.events.length === 0) return { ok: true, data: [] };

    // The engine owns the service day (it keeps today's if the clock steps back over midnight).
    const started = decision.events.find((e) => e.type === 'day.started');
    const day = started?.type === 'day.started' ? started.day : (this.state.day ?? serviceDay(now, config.hall.timeZone));
    let records: JournalRecord[];
    try {
      records = await this.deps.journal.append(
        decision.events.map((event) => ({ day, at: event.at, cmd: cmdKey, actor, event })),
      );
    } catch (err) {
      this.deps.log(`journal append failed: ${(err as Error).message}`);
      return { ok: false, error: appError('STORAGE_FAILED') };
    }
    for (const record of records) {
      this.state = evolve(this.state, record.event);
      this.applied++;
      if (cmdKey) this.commands.remember(cmdKey, record);
    }
    // Listeners (broadcasts to every screen among them) run just after the command's answer has
    // gone out: the answer waits only for the journal, not for writes to hundreds of sockets.
    this.notified = new Promise((resolve) =>
      setImmediate(() => {
        this.notify(records);
        resolve();
      }),
    );
    return { ok: true, data: records };
  }
}
