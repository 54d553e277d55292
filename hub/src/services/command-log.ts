// Remembers which journal records each client command produced, so a retried command is answered
// with its first result. Bounded: old entries go first.
import type { JournalRecord } from '../storage/journal.js';

const MAX_COMMANDS = 50_000;

export class CommandLog {
  private readonly records = new Map<string, JournalRecord[]>();

  remember(cmdKey: string, record: JournalRecord): void {
    const list = this.records.get(cmdKey);
    if (list) {
      list.push(record);
      return;
    }
    if (this.records.size >= MAX_COMMANDS) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
    this.records.set(cmdKey, [record]);
  }

  recall(cmdKey: string): JournalRecord[] | undefined {
    return this.records.get(cmdKey);
  }
}
