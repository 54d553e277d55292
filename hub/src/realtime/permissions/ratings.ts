import type { RatingCommands } from '@yichuang/shared/ratings';
import type { Rule } from './rule.js';

export const RATING_PERMISSIONS = {} satisfies Record<keyof RatingCommands, Rule>;
