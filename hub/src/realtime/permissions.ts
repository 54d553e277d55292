// Which device may send which command, and where. Checked before any command reaches a service.
import type { Device, DeviceRole } from '@yichuang/shared/domain';
import type { ClientToServerEvents } from '@yichuang/shared/events';

export type CommandName = keyof ClientToServerEvents;

interface Rule {
  roles: readonly DeviceRole[];
  /** The command names a window; a window-bound device may only act on its own. */
  ownWindow?: boolean;
}

const ALL: readonly DeviceRole[] = ['kiosk', 'board', 'display', 'window', 'pad', 'console'];
const AT_WINDOW: Rule = { roles: ['window', 'console'], ownWindow: true };

export const PERMISSIONS: Record<CommandName, Rule> = {
  'ticket:issue': { roles: ['kiosk', 'window', 'console'] },
  'ticket:cancel': { roles: ['window', 'console'] },
  'ticket:lookup': { roles: ALL },
  'window:callNext': AT_WINDOW,
  'window:callNumber': AT_WINDOW,
  'window:recall': AT_WINDOW,
  'window:start': AT_WINDOW,
  'window:finish': AT_WINDOW,
  'window:noShow': AT_WINDOW,
  'window:transfer': AT_WINDOW,
  'window:hold': AT_WINDOW,
  'window:resume': AT_WINDOW,
  'window:requeue': AT_WINDOW,
  'window:pause': AT_WINDOW,
  'window:unpause': AT_WINDOW,
  'staff:signIn': { roles: ['window'], ownWindow: true },
  'staff:signOut': AT_WINDOW,
  'sync:snapshot': { roles: ALL },
};

export function mayRun(device: Device, command: CommandName, payload: unknown): boolean {
  const rule = PERMISSIONS[command];
  if (!rule.roles.includes(device.role)) return false;
  if (rule.ownWindow && device.role !== 'console') {
    const windowId = (payload as { windowId?: unknown }).windowId;
    return device.windowId !== undefined && windowId === device.windowId;
  }
  return true;
}
