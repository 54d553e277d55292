import { SCREEN_ROLES, type DeviceRole } from '@yichuang/shared/domain';

export const ALL_ROLES: readonly DeviceRole[] = SCREEN_ROLES;

export interface Rule {
  roles: readonly DeviceRole[];
  /** The command names a window; a window-bound device may only act on its own. */
  ownWindow?: boolean;
}
