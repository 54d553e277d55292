// What every alert check reads (checks.ts, coverage-checks.ts), the prefix of the alerts they raise,
// and how an alert's message is made in both languages.
import type { HallConfig, QueueView } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import type { Alert, AlertInput, AlertThresholds } from '@yichuang/shared/live';
import type { EngineState } from '../engine/index.js';
import type { DayFigures } from './day-figures.js';

/** Keys of the alerts the checks raise; they resolve them too, when the condition is over. */
export const CHECK_PREFIX = 'check:';

export interface CheckInput {
  now: number;
  config: HallConfig;
  state: EngineState;
  queues: readonly QueueView[];
  /** The day's figures (waiting tickets, tallies), made once for the checks and the board. */
  figures: DayFigures;
  thresholds: AlertThresholds;
  /** Device id → when its last connection closed, for devices that are offline. */
  offlineSince: ReadonlyMap<string, number>;
  /** Devices connected now. */
  online: ReadonlySet<string>;
  /** When the hub started: a device never seen since is offline since then. */
  startedAt: number;
  /** The alerts as they stand (to close other domains' alerts whose cause has ended). */
  alerts: readonly Alert[];
}

/** An alert's message in Chinese and English from one catalogue key. */
export function bi(key: Parameters<typeof t>[0], params: Record<string, string | number>, paramsEn = params): Pick<AlertInput, 'message' | 'messageEn'> {
  return { message: t(key, 'zh', params), messageEn: t(key, 'en', paramsEn) };
}
