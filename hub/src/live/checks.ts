// The hub's own alert checks, pure: given the hall at time `now`, which alert conditions hold (and
// which other domains' alerts have lost their cause). The live service raises and resolves them.
import type { DeviceRole, HallConfig, QueueView } from '@yichuang/shared/domain';
import { pauseReasonName, t } from '@yichuang/shared/console-i18n';
import type { Alert, AlertInput, AlertThresholds } from '@yichuang/shared/live';
import { formatClock } from '@yichuang/shared/time';
import type { EngineState } from '../engine/index.js';
import { coverageChecks } from './coverage-checks.js';
import { currentPeriodStart, longestWaiting, minutesBetween } from './waits.js';

/** Keys of the alerts these checks raise; they resolve them too, when the condition is over. */
export const CHECK_PREFIX = 'check:';
/** Devices whose absence is worth an alert: the public screens and kiosks. */
const WATCHED_ROLES: ReadonlySet<DeviceRole> = new Set(['kiosk', 'board', 'display']);

export interface CheckInput {
  now: number;
  config: HallConfig;
  state: EngineState;
  queues: readonly QueueView[];
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

export interface CheckResult {
  conditions: AlertInput[];
  /** Keys of other domains' alerts whose cause has ended (a bad rating whose case is closed). */
  ended: string[];
}

export function runChecks(input: CheckInput): CheckResult {
  return {
    conditions: [...longWaits(input), ...longPauses(input), ...offlineDevices(input), ...coverageChecks(input)],
    ended: closedCases(input),
  };
}

/** A bad-rating alert (ratings/alerts.ts: key bad-rating:<case id>) closes with its case. */
export const BAD_RATING_PREFIX = 'bad-rating:';
function closedCases({ state, alerts }: CheckInput): string[] {
  const cases = state.evaluation?.cases ?? {};
  return alerts
    .filter((a) => a.resolvedAt === undefined && a.key.startsWith(BAD_RATING_PREFIX))
    .filter((a) => cases[a.key.slice(BAD_RATING_PREFIX.length)]?.reached === 'close')
    .map((a) => a.key);
}

function bi(key: Parameters<typeof t>[0], params: Record<string, string | number>, paramsEn = params): Pick<AlertInput, 'message' | 'messageEn'> {
  return { message: t(key, 'zh', params), messageEn: t(key, 'en', paramsEn) };
}

function longWaits({ now, config, state, thresholds }: CheckInput): AlertInput[] {
  return config.categories.flatMap((c) => {
    const ticket = longestWaiting(state, c.id);
    if (!ticket) return [];
    if (minutesBetween(currentPeriodStart(ticket), now) < thresholds.waitAlertMin) return [];
    const params = { number: ticket.number, minutes: thresholds.waitAlertMin };
    return [
      {
        kind: 'long-wait' as const,
        key: `${CHECK_PREFIX}long-wait:${c.id}`,
        ticketNumber: ticket.number,
        ...bi('live.alert.longWait', { ...params, category: c.name }, { ...params, category: c.nameEn }),
      },
    ];
  });
}

function longPauses({ now, config, state, thresholds }: CheckInput): AlertInput[] {
  return config.windows.flatMap((w) => {
    const live = state.windows[w.id];
    if (live?.status !== 'paused') return [];
    if (minutesBetween(live.since, now) < thresholds.pausedAlertMin) return [];
    const reason = live.pauseReason;
    const params = { n: w.number, minutes: thresholds.pausedAlertMin };
    return [
      {
        kind: 'paused-too-long' as const,
        key: `${CHECK_PREFIX}paused:${w.id}`,
        windowId: w.id,
        ...bi(
          'live.alert.paused',
          { ...params, reason: reason ? pauseReasonName(reason, 'zh') : '' },
          { ...params, reason: reason ? pauseReasonName(reason, 'en') : '' },
        ),
      },
    ];
  });
}

function offlineDevices({ now, config, thresholds, offlineSince }: CheckInput): AlertInput[] {
  return config.devices.flatMap((d) => {
    const since = offlineSince.get(d.id);
    if (since === undefined || !WATCHED_ROLES.has(d.role) || now - since < thresholds.offlineAlertSec * 1000) return [];
    return [
      {
        kind: 'device-offline' as const,
        key: `${CHECK_PREFIX}offline:${d.id}`,
        deviceId: d.id,
        windowId: d.windowId,
        ...bi('live.alert.offline', { device: d.name, time: formatClock(since, config.hall.timeZone) }, { device: d.id, time: formatClock(since, config.hall.timeZone) }),
      },
    ];
  });
}
