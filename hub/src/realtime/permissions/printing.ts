import type { PrintingCommands } from '@yichuang/shared/printing';
import type { Rule } from './rule.js';

export const PRINTING_PERMISSIONS = {} satisfies Record<keyof PrintingCommands, Rule>;
