// Runs commands through the real engine on a virtual clock, as HallService does (decide → record →
// evolve), and collects each service day's journal lines and roll-up without any I/O. Sequence
// numbers start at 1: a block of days simulated in parallel with earlier ones is renumbered later.
import { randomUUID } from 'node:crypto';
import type { HallConfig, ServiceDay } from '@yichuang/shared/domain';
import { decide, evolve, initialState, type Command, type Decision, type EngineState } from '../../../hub/src/engine/index.js';
import { DayAccumulator } from '../../../hub/src/stats/day-accumulator.js';
import type { DayRollup } from '../../../hub/src/stats/rollup.js';
import type { JournalActor, JournalRecord } from '../../../hub/src/storage/journal.js';

export interface FinishedDay {
  day: ServiceDay;
  /** The day file's content: one JournalRecord per line. */
  text: string;
  records: number;
  rollup: DayRollup;
}

export class EngineRunner {
  private engine: EngineState = initialState();
  private seq = 0;
  /** Command ids count per day, so a day's ids do not depend on where its block started. */
  private commands = 0;
  private dayLabel = '';
  /** Refusals by 'command:code': most are the simulation's own races (a window calls an empty queue). */
  readonly refusals: Record<string, number> = {};
  private current: { day: ServiceDay; lines: string[]; acc: DayAccumulator } | undefined;

  constructor(private readonly config: HallConfig) {}

  get state(): EngineState {
    return this.engine;
  }

  /** Runs one command at `now`: its events once applied, or why the engine refused it. */
  exec(command: Command, actor: JournalActor, now: number): Decision {
    const decision = decide(this.engine, command, { now, config: this.config });
    if (!decision.ok) {
      const key = `${command.type}:${decision.error.code}`;
      this.refusals[key] = (this.refusals[key] ?? 0) + 1;
      return decision;
    }
    const cmd = `${actor.deviceId}:${this.dayLabel}-${++this.commands}`;
    for (const event of decision.events) {
      // The engine owns the service day: day.started names it, later events belong to it.
      const day = event.type === 'day.started' ? event.day : this.engine.day!;
      const record: JournalRecord = { v: 1, id: randomUUID(), hall: this.config.hall.id, seq: ++this.seq, day, at: event.at, cmd, actor, event };
      this.engine = evolve(this.engine, event);
      if (this.current?.day !== day) {
        if (this.current) throw new Error(`bench history: ${this.current.day} was not closed before ${day}`);
        this.current = { day, lines: [], acc: new DayAccumulator(day) };
      }
      this.current.lines.push(JSON.stringify(record));
      this.current.acc.apply(record);
    }
    return decision;
  }

  /** Starts numbering the commands of a new day. */
  beginDay(day: ServiceDay): void {
    this.dayLabel = day;
    this.commands = 0;
  }

  /** Hands over the day simulated so far (undefined when nothing happened that day). */
  closeDay(): FinishedDay | undefined {
    const c = this.current;
    this.current = undefined;
    if (!c) return undefined;
    return { day: c.day, text: c.lines.join('\n') + '\n', records: c.lines.length, rollup: c.acc.rollup(this.config.hall.timeZone) };
  }
}
