// Remembers which journal records each client command produced, and which command it was, so a
// retried command is answered with its first result, and a command id used again for another
// command is told apart. Bounded: old entries go first.
import type { Command } from '../engine/index.js';
import type { JournalRecord } from '../storage/journal.js';

const MAX_COMMANDS = 50_000;

export interface Remembered {
  /** The engine command; unknown for records journaled before it was kept. */
  op: Command['type'] | undefined;
  records: JournalRecord[];
}

export class CommandLog {
  private readonly commands = new Map<string, Remembered>();

  remember(key: string, record: JournalRecord): void {
    const known = this.commands.get(key);
    if (known) {
      known.records.push(record);
      return;
    }
    if (this.commands.size >= MAX_COMMANDS) {
      const oldest = this.commands.keys().next().value;
      if (oldest !== undefined) this.commands.delete(oldest);
    }
    this.commands.set(key, { op: record.op, records: [record] });
  }

  recall(key: string): Remembered | undefined {
    return this.commands.get(key);
  }
}
