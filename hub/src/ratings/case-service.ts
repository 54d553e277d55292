// The console's work on bad-rating cases: list them, and do each step in turn (who and when are journaled).
import type { Device } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { CaseContact, CaseView } from '@yichuang/shared/ratings';
import { evaluationOf } from '../engine/state.js';
import type { Command } from '../engine/types.js';
import type { HallCore } from '../hall/core.js';
import type { CommandKey } from '../hall/hall-service.js';
import type { Sealer } from '../security/sealer.js';
import { caseList, caseView, isCallable } from './case-views.js';

/** Omit on each member of a union (a plain Omit would merge the members into one). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CaseCommand = Extract<Command, { caseId: string }>;
/** A case step as the console sends it; the hub adds who did it. */
export type CaseStepInput = OmitEach<CaseCommand, 'by'>;

export class CaseService {
  constructor(
    private readonly deps: Pick<HallCore, 'hall' | 'config' | 'clock'>,
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

  async step(input: CaseStepInput, handler: string, device: Device, key: CommandKey): Promise<Ack<CaseView>> {
    const command = { ...input, by: { deviceId: device.id, name: handler } } as CaseCommand;
    const result = await this.deps.hall.execute(command, { deviceId: device.id }, key);
    if (!result.ok) return result;
    const c = evaluationOf(this.deps.hall.current).cases[input.caseId];
    return c ? { ok: true, data: caseView(c, this.deps.config(), this.deps.clock()) } : { ok: false, error: appError('INTERNAL') };
  }
}
