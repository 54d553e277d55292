// Who may be what: the roles of paired devices and of staff accounts, each list defined once with its
// type derived from it. A leaf beside lists.ts; hub and screens import them through domain.ts.

/** Every kind of paired device. `agent`: a print agent on a kiosk PC, driving that kiosk's local printer. */
export const DEVICE_ROLES = ['kiosk', 'board', 'display', 'window', 'pad', 'console', 'agent'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];
/** Devices that are screens: every role but the print agent, a program without a page. */
export type ScreenRole = Exclude<DeviceRole, 'agent'>;
export const SCREEN_ROLES: readonly ScreenRole[] = DEVICE_ROLES.filter((r): r is ScreenRole => r !== 'agent');

/** In the order the console offers them. */
export const STAFF_ROLES = ['staff', 'manager', 'admin', 'evaluator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Roles that sign in at the console: admin (accounts, devices, everything), manager, evaluator (read only). */
export const CONSOLE_ROLES = ['admin', 'manager', 'evaluator'] as const satisfies readonly StaffRole[];
/** Console roles that change things (evaluators only read). */
export const MANAGING_ROLES = ['admin', 'manager'] as const satisfies readonly StaffRole[];
