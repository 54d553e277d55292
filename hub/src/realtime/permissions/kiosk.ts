import type { KioskCommands } from '@yichuang/shared/kiosk';
import type { Rule } from './rule.js';

export const KIOSK_PERMISSIONS = {} satisfies Record<keyof KioskCommands, Rule>;
