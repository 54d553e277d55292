// One configuration change: checked against the configuration it is applied to (inside the store's
// queue, so two managers' changes never overwrite each other), written durably, then audited.
import type { AdminConfig, AuditActor, StaffAccount } from '@yichuang/shared/admin';
import type { HallConfig, Staff } from '@yichuang/shared/domain';
import { appError, atField, type Ack, type AppError, type ErrorCode, type ErrorParams } from '@yichuang/shared/errors';
import type { EngineState } from '../engine/index.js';
import type { AuditLog } from '../security/audit-log.js';
import { writeAudit } from '../security/audit-write.js';
import type { ConfigStore } from '../storage/config-store.js';

/** Thrown by a change's mutator to refuse it; nothing is written. */
export class Refusal extends Error {
  constructor(readonly error: AppError) {
    super(error.messageEn);
  }
}

/** Refuses the change; `field`: the input's path the refusal is about, shown beside that field. */
export function refuse(code: ErrorCode, params?: ErrorParams, field?: string): never {
  const error = appError(code, params);
  throw new Refusal(field ? atField(error, field) : error);
}

export interface ChangeDeps {
  store: ConfigStore;
  audit: AuditLog;
  state: () => EngineState;
  log: (line: string) => void;
}

export interface Change {
  /** e.g. 'category.save'. */
  action: string;
  target: string;
  /** Changes the draft or refuses; returns what the audit log keeps of before and after. */
  mutate(draft: HallConfig): { before?: unknown; after?: unknown };
}

export async function applyChange(deps: ChangeDeps, actor: AuditActor, change: Change): Promise<Ack<AdminConfig>> {
  let record: { before?: unknown; after?: unknown } = {};
  try {
    await deps.store.update((draft) => {
      record = change.mutate(draft);
    });
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.error };
    deps.log(`config change ${change.action} ${change.target} not saved: ${(err as Error).stack ?? String(err)}`);
    return { ok: false, error: appError('STORAGE_FAILED') };
  }
  // The change is durable; an audit log that cannot be written is reported, not turned into a failure.
  await writeAudit(deps.audit, deps.log, { actor, action: change.action, target: change.target, ...record });
  return { ok: true, data: adminConfig(deps.store.config, deps.state()) };
}

export function staffAccount({ pinHash: _pin, passwordHash, ...staff }: Staff): StaffAccount {
  return { ...staff, hasPassword: passwordHash !== undefined };
}

/** The configuration pages' view: no hashes, and which windows are busy now. */
export function adminConfig(config: HallConfig, state: EngineState): AdminConfig {
  const { hall, categories, windows, rules, evaluation, retention } = config;
  const busyWindows = windows.filter((w) => state.windows[w.id]?.staffId || state.windows[w.id]?.currentTicketId).map((w) => w.id);
  return { hall, categories, windows, staff: config.staff.map(staffAccount), rules, evaluation, retention, busyWindows };
}
