import type { RatingCommands } from '@yichuang/shared/ratings';
import type { Rule } from './rule.js';

/** Only managers work on cases; staff must not verify their own bad ratings. */
const CASES: Rule = { roles: ['console'] };

export const RATING_PERMISSIONS = {
  // A pad acts for its own window only; which visit it may rate is the engine's call.
  'pad:state': { roles: ['pad', 'console'], ownWindow: true },
  'pad:rate': { roles: ['pad'], ownWindow: true },
  'pad:choose': { roles: ['pad'], ownWindow: true },
  'window:figures': { roles: ['window', 'console'], ownWindow: true },
  // A citizen at a kiosk (24-hour terminals too) rates a visit of today by its number.
  'visit:find': { roles: ['kiosk'] },
  'visit:rate': { roles: ['kiosk'] },
  'case:list': CASES,
  'case:verify': CASES,
  'case:rectify': CASES,
  'case:followUp': CASES,
  'case:close': CASES,
  'case:contact': CASES,
} satisfies Record<keyof RatingCommands, Rule>;
