import type { DeviceRole } from '@yichuang/shared/domain';

export const ALL_ROLES: readonly DeviceRole[] = ['kiosk', 'board', 'display', 'window', 'pad', 'console'];

export interface Rule {
  roles: readonly DeviceRole[];
  /** The command names a window; a window-bound device may only act on its own. */
  ownWindow?: boolean;
}
