// Which device may send which command, and where. Checked before any command reaches a service.
import type { Device } from '@yichuang/shared/domain';
import type { ClientToServerEvents } from '@yichuang/shared/events';
import { ADMIN_PERMISSIONS } from './permissions/admin.js';
import { APPOINTMENT_PERMISSIONS } from './permissions/appointments.js';
import { KIOSK_PERMISSIONS } from './permissions/kiosk.js';
import { LIVE_PERMISSIONS } from './permissions/live.js';
import { NOTICE_PERMISSIONS } from './permissions/notices.js';
import { PRINTING_PERMISSIONS } from './permissions/printing.js';
import { QUEUE_PERMISSIONS } from './permissions/queue.js';
import { RATING_PERMISSIONS } from './permissions/ratings.js';
import type { Rule } from './permissions/rule.js';

export type CommandName = keyof ClientToServerEvents;


/** Every command of the one event map, each with its rule; each domain keeps its table in permissions/. */
export const PERMISSIONS = {
  ...QUEUE_PERMISSIONS,
  ...PRINTING_PERMISSIONS,
  ...RATING_PERMISSIONS,
  ...LIVE_PERMISSIONS,
  ...APPOINTMENT_PERMISSIONS,
  ...KIOSK_PERMISSIONS,
  ...ADMIN_PERMISSIONS,
  ...NOTICE_PERMISSIONS,
} satisfies Record<CommandName, Rule>;

export function mayRun(device: Device, command: CommandName, payload: unknown): boolean {
  const rule: Rule = PERMISSIONS[command];
  if (!rule.roles.includes(device.role)) return false;
  if (rule.ownWindow && device.role !== 'console') {
    const windowId = (payload as { windowId?: unknown }).windowId;
    return device.windowId !== undefined && windowId === device.windowId;
  }
  return true;
}
