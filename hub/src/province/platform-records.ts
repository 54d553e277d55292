// What the provincial platform gets from the journal: each rating as its national record, and each
// case step it asks for (核实, 整改, 回访) with its result, each under an id that never changes, so a
// record built twice (after a restart) is the same record and the platform can keep it once.
import type { HallConfig } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import type { PlatformRecordKind } from '@yichuang/shared/province';
import type { Case, Rating, RatingLevel } from '@yichuang/shared/ratings';
import { formatBasic } from '@yichuang/shared/time';
import { evaluationOf } from '../engine/state.js';
import type { EngineState } from '../engine/types.js';
import type { JournalRecord } from '../storage/journal.js';
import { nationalRecord, timesRated, visitRecordId } from '../stats/ratings-export.js';

export interface PlatformRecord {
  id: string;
  kind: PlatformRecordKind;
  /** The journal record it was made from. */
  seq: number;
  day: string;
  /** Posted as it is, with `recordId` and `kind`. */
  body: Record<string, unknown>;
}

const STEP_OF = { 'case.verified': 'verify', 'case.rectified': 'rectify', 'case.followedUp': 'followUp' } as const;
/** The events that give the platform a record. */
export const PUSHED_EVENTS: ReadonlySet<string> = new Set(['rating.recorded', ...Object.keys(STEP_OF)]);

/**
 * The platform's records of one journal record, built from the state the hall is in (which still
 * holds the day's ratings and every open or recent case); [] for every other event, and for a
 * rating or case no longer in the state.
 */
export function platformRecords(record: JournalRecord, state: EngineState, config: HallConfig): PlatformRecord[] {
  const e = record.event;
  const evaluation = evaluationOf(state);
  const at = { seq: record.seq, day: record.day };
  if (e.type === 'rating.recorded') {
    const rating = evaluation.ratings[e.ticketId];
    if (!rating || rating.level === 'unrated') return [];
    const rated = rating as Rating & { level: RatingLevel };
    const body = nationalRecord(rated, timesRated(rated, Object.values(evaluation.ratings), config), config);
    return [{ id: body.recordId, kind: 'rating', ...at, body: { kind: 'rating', ...body } }];
  }
  if (e.type === 'case.verified' || e.type === 'case.rectified' || e.type === 'case.followedUp') {
    const c = evaluation.cases[e.caseId];
    if (!c) return [];
    const kind = STEP_OF[e.type];
    const id = `${visitRecordId(c.rating, config)}-${kind}`;
    return [{ id, kind, ...at, body: caseStepBody(id, kind, c, e, config) }];
  }
  return [];
}

type StepEvent = Extract<JournalRecord['event'], { type: keyof typeof STEP_OF }>;

function caseStepBody(recordId: string, kind: PlatformRecordKind, c: Case, e: StepEvent, config: HallConfig): Record<string, unknown> {
  const result =
    e.type === 'case.verified'
      ? { resultCode: e.verdict, result: t(`verdict.${e.verdict}`, 'zh'), text: e.notes }
      : e.type === 'case.followedUp'
        ? { resultCode: e.result, result: t(`followUp.${e.result}`, 'zh'), text: e.notes }
        : { text: e.measures };
  const ratingId = visitRecordId(c.rating, config);
  return {
    recordId,
    kind,
    ratingRecordId: ratingId,
    caseNumber: c.rating.caseNumber ?? ratingId,
    caseId: c.id,
    regionCode: config.evaluation.platform.regionCode,
    step: t(`step.${kind as 'verify' | 'rectify' | 'followUp'}`, 'zh'),
    at: formatBasic(e.at, config.hall.timeZone),
    handler: e.by.name,
    department: c.department,
    ...result,
  };
}
