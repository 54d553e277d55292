import type { AdminCommands } from '@yichuang/shared/admin';
import type { Rule } from './rule.js';

export const ADMIN_PERMISSIONS = {} satisfies Record<keyof AdminCommands, Rule>;
