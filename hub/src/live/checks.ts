// The hub's own alert checks, pure: given the hall at time `now`, which alert conditions hold (and
// which other domains' alerts have lost their cause). The live service raises and resolves them.
import type { DeviceRole } from '@yichuang/shared/domain';
import { pauseReasonName } from '@yichuang/shared/console-i18n';
import type { AlertInput } from '@yichuang/shared/live';
import { formatClock } from '@yichuang/shared/time';
import { bi, CHECK_PREFIX, type CheckInput } from './check-input.js';
import { calendarCheck } from './calendar-check.js';
import { coverageChecks } from './coverage-checks.js';
import { currentPeriodStart, minutesBetween } from './waits.js';

/** Devices whose absence is worth an alert: the public screens and kiosks. */
const WATCHED_ROLES: ReadonlySet<DeviceRole> = new Set(['kiosk', 'board', 'display']);

export interface CheckResult {
  conditions: AlertInput[];
  /** Keys of other domains' alerts whose cause has ended (a bad rating whose case is closed). */
  ended: string[];
}

export function runChecks(input: CheckInput): CheckResult {
  return {
    conditions: [...longWaits(input), ...longPauses(input), ...offlineDevices(input), ...coverageChecks(input), ...calendarCheck(input)],
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

function longWaits({ now, config, thresholds, figures }: CheckInput): AlertInput[] {
  return config.categories.flatMap((c) => {
    const ticket = figures.longest.get(c.id);
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
