// Checks that someone is there to serve and to be seen (pure, like checks.ts): a queue with people
// waiting and no open window, a window shown as serving whose caller is revoked or gone, a ticket
// sent to a window that is closed, and no kiosk or no board online at all.
import type { DeviceRole } from '@yichuang/shared/domain';
import type { AlertInput } from '@yichuang/shared/live';
import { formatClock } from '@yichuang/shared/time';
import { serves } from '../engine/index.js';
import { bi, CHECK_PREFIX as PREFIX, type CheckInput } from './check-input.js';

export function coverageChecks(input: CheckInput): AlertInput[] {
  return [...queuesWithoutWindow(input), ...unattendedWindows(input), ...sentToClosed(input), ...noScreens(input, 'kiosk'), ...noScreens(input, 'board')];
}

const isOpen = (input: CheckInput, windowId: string): boolean => input.state.windows[windowId]?.status === 'open';

/** People wait in a queue (not sent to one window by name) and no open window serves it. */
function queuesWithoutWindow(input: CheckInput): AlertInput[] {
  const { config, state, figures } = input;
  return config.categories.flatMap((c) => {
    if (!figures.queued.has(c.id)) return [];
    if (config.windows.some((w) => isOpen(input, w.id) && serves(state, config, w.id, c.id))) return [];
    return [{ kind: 'no-open-window' as const, key: `${PREFIX}no-window:${c.id}`, ...bi('live.alert.noWindow', { category: c.name }, { category: c.nameEn }) }];
  });
}

/**
 * A window someone is signed in at (shown as serving) whose every caller is revoked, or offline
 * past the grace time: nobody there can call, and its queue's estimate counts it.
 */
function unattendedWindows({ now, config, state, thresholds, online, offlineSince, startedAt }: CheckInput): AlertInput[] {
  return config.windows.flatMap((w) => {
    const live = state.windows[w.id];
    if (live?.staffId === undefined) return [];
    const callers = config.devices.filter((d) => d.role === 'window' && d.windowId === w.id);
    if (callers.some((d) => online.has(d.id))) return [];
    const since = Math.max(live.since, startedAt, ...callers.map((d) => offlineSince.get(d.id) ?? 0));
    if (callers.length > 0 && now - since < thresholds.offlineAlertSec * 1000) return [];
    return [{ kind: 'window-unattended' as const, key: `${PREFIX}unattended:${w.id}`, windowId: w.id, ...bi('live.alert.unattended', { n: w.number }) }];
  });
}

/** A ticket transferred to (or held for) a window by name waits while that window is closed. */
function sentToClosed({ config, state, figures }: CheckInput): AlertInput[] {
  const alerts: AlertInput[] = [];
  for (const ticket of figures.sentToWindow) {
    const to = ticket.targetWindowId!;
    if ((state.windows[to]?.status ?? 'closed') !== 'closed') continue;
    const n = config.windows.find((w) => w.id === to)?.number ?? to;
    alerts.push({ kind: 'sent-to-closed', key: `${PREFIX}to-closed:${ticket.id}`, windowId: to, ticketNumber: ticket.number, ...bi('live.alert.sentToClosed', { number: ticket.number, n }) });
  }
  return alerts;
}

/** The hall has kiosks (or boards) and none has been connected for the grace time. */
function noScreens({ now, config, thresholds, online, offlineSince, startedAt }: CheckInput, role: DeviceRole): AlertInput[] {
  const devices = config.devices.filter((d) => d.role === role);
  if (devices.length === 0 || devices.some((d) => online.has(d.id))) return [];
  const since = Math.max(startedAt, ...devices.map((d) => offlineSince.get(d.id) ?? 0));
  if (now - since < thresholds.offlineAlertSec * 1000) return [];
  const key = role === 'kiosk' ? 'live.alert.noKiosk' : 'live.alert.noBoard';
  const time = formatClock(since, config.hall.timeZone);
  return [{ kind: 'none-online' as const, key: `${PREFIX}none-online:${role}`, ...bi(key, { time }) }];
}
