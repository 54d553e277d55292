// A bad rating is raised on the managers' live board as soon as its case opens.
import type { HallConfig } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import type { AlertInput } from '@yichuang/shared/live';
import type { EngineState } from '../engine/types.js';
import type { JournalRecord } from '../storage/journal.js';

export function badRatingAlerts(records: readonly JournalRecord[], state: EngineState, config: HallConfig): AlertInput[] {
  return records.flatMap(({ event }): AlertInput[] => {
    if (event.type !== 'case.opened') return [];
    const c = state.evaluation?.cases[event.caseId];
    if (!c || c.rating.level === 'unrated') return [];
    const n = config.windows.find((w) => w.id === c.rating.windowId)?.number ?? c.rating.windowId;
    const params = { n, number: c.rating.ticketNumber, caseId: c.id };
    return [
      {
        kind: 'bad-rating',
        key: `bad-rating:${c.id}`,
        message: t('alert.badRating', 'zh', { ...params, level: t(`level.${c.rating.level}`, 'zh') }),
        messageEn: t('alert.badRating', 'en', { ...params, level: t(`level.${c.rating.level}`, 'en') }),
        windowId: c.rating.windowId,
        ticketNumber: c.rating.ticketNumber,
      },
    ];
  });
}
