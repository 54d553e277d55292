import type { LiveCommands } from '@yichuang/shared/live';
import type { Rule } from './rule.js';

export const LIVE_PERMISSIONS = {} satisfies Record<keyof LiveCommands, Rule>;
