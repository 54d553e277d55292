// Writing a person's action to the operation log once the action itself is durable: a log that
// cannot be written is reported, not turned into a failure of what was already done.
import type { AuditEntry } from '@yichuang/shared/admin';
import type { AuditLog } from './audit-log.js';

export type AuditWrite = (entry: Omit<AuditEntry, 'at'>) => Promise<void>;

export function auditWriter(audit: AuditLog, log: (line: string) => void): AuditWrite {
  return (entry) => audit.append(entry).then(
    () => undefined,
    (err: unknown) => log(`audit log write failed for ${entry.action} ${entry.target}: ${String(err)}`),
  );
}
