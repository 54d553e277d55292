// Writing a person's action to the operation log once the action itself is durable: a log that
// cannot be written is reported, not turned into a failure of what was already done.
import type { AuditActor, AuditEntry } from '@yichuang/shared/admin';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import type { EngineState } from '../engine/index.js';
import type { JournalRecord } from '../storage/journal.js';
import type { AuditLog } from './audit-log.js';

export type AuditWrite = (entry: Omit<AuditEntry, 'at'>) => Promise<void>;

export function writeAudit(audit: AuditLog, log: (line: string) => void, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  return audit.append(entry).then(
    () => undefined,
    (err: unknown) => log(`audit log write failed for ${entry.action} ${entry.target}: ${String(err)}`),
  );
}

export const auditWriter =
  (audit: AuditLog, log: (line: string) => void): AuditWrite =>
  (entry) =>
    writeAudit(audit, log, entry);

/**
 * Whether an engine command's records come from its first run, so that only that run is written to
 * the log. A retried command id is answered with the first run's records: the same objects while the
 * hub runs (also for a retry sent before the first was answered), read back from the journal after a
 * restart — for that case the caller says whether the hub knew the command id before it ran.
 */
export class FirstRuns {
  readonly #seen = new WeakSet<JournalRecord>();

  first(records: readonly JournalRecord[], knownBefore: boolean): boolean {
    const record = records[0];
    if (!record || knownBefore || this.#seen.has(record)) return false;
    this.#seen.add(record);
    return true;
  }
}

/** Who acted at a window, for the log: the person signed in there, not the window's device. */
export function personAt(device: Device, who: AuditActor, state: EngineState, config: HallConfig): AuditActor {
  const staffId = device.role === 'window' && device.windowId ? state.windows[device.windowId]?.staffId : undefined;
  const staff = staffId === undefined ? undefined : config.staff.find((s) => s.id === staffId);
  return staff ? { ...who, staffId: staff.id, name: staff.name } : who;
}
