// The console's work on bad-rating cases: list them, and do each step in turn (who and when are journaled).
import type { AuditActor } from '@yichuang/shared/admin';
import type { Device } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { CaseContact, CaseView } from '@yichuang/shared/ratings';
import { evaluationOf } from '../engine/state.js';
import type { Command } from '../engine/types.js';
import type { HallCore } from '../hall/core.js';
import type { CommandKey } from '../hall/hall-service.js';
import { FirstRuns, type AuditWrite } from '../security/audit-write.js';
import type { Sealer } from '../security/sealer.js';
import { caseList, caseView, isCallable } from './case-views.js';

/** Omit on each member of a union (a plain Omit would merge the members into one). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CaseCommand = Extract<Command, { caseId: string }>;
/** A case step as the console sends it; the hub adds who did it. */
export type CaseStepInput = OmitEach<CaseCommand, 'by'>;

/** The audit action of each step (case.verify …), as the console names the steps. */
const STEP_OF: Record<CaseStepInput['type'], string> = { verifyCase: 'verify', rectifyCase: 'rectify', followUpCase: 'followUp', closeCase: 'close' };

export class CaseService {
  readonly #runs = new FirstRuns();

  constructor(
    private readonly deps: Pick<HallCore, 'hall' | 'config' | 'clock'> & { audit: AuditWrite },
    private readonly contacts: Sealer,
  ) {}

  list(): Ack<CaseView[]> {
    return { ok: true, data: caseList(this.deps.hall.current, this.deps.config(), this.deps.clock()) };
  }

  /** The sealed number of an open case, opened for the 回访 (the command layer audits the answer). */
  contact(caseId: string): Ack<CaseContact> {
    const c = evaluationOf(this.deps.hall.current).cases[caseId];
    if (!c) return { ok: false, error: appError('UNKNOWN_CASE', { caseId }) };
    if (!isCallable(c)) return { ok: false, error: appError('NO_CONTACT') };
    const phone = this.contacts.unseal(c.sealedContact);
    return phone ? { ok: true, data: { caseId, phone } } : { ok: false, error: appError('NO_CONTACT') };
  }

  /** A step, journaled, then written to the operation log under the person signed in (a retried command id: once). */
  async step(input: CaseStepInput, handler: string, device: Device, key: CommandKey, actor: AuditActor): Promise<Ack<CaseView>> {
    const command = { ...input, by: { deviceId: device.id, name: handler } } as CaseCommand;
    const known = this.deps.hall.recorded(key) !== undefined;
    const before = evaluationOf(this.deps.hall.current).cases[input.caseId]?.reached;
    const result = await this.deps.hall.execute(command, { deviceId: device.id }, key);
    if (!result.ok) return result;
    const c = evaluationOf(this.deps.hall.current).cases[input.caseId];
    if (c && this.#runs.first(result.data, known)) {
      const { type: _type, caseId: _caseId, ...said } = input;
      await this.deps.audit({ actor, action: `case.${STEP_OF[input.type]}`, target: c.id, before: { reached: before }, after: { number: c.rating.ticketNumber, reached: c.reached, handler, ...said } });
    }
    return c ? { ok: true, data: caseView(c, this.deps.config(), this.deps.clock()) } : { ok: false, error: appError('INTERNAL') };
  }
}
