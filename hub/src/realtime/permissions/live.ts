import type { LiveCommands } from '@yichuang/shared/live';
import type { Rule } from './rule.js';

const MANAGERS: Rule = { roles: ['console'] };

export const LIVE_PERMISSIONS = {
  'board:settings': { roles: ['board', 'console'] },
  'live:snapshot': MANAGERS,
  'live:acknowledge': MANAGERS,
  'live:acknowledgeAll': MANAGERS,
  'live:assignTidal': MANAGERS,
  'live:restoreTidal': MANAGERS,
  'live:updateSettings': MANAGERS,
  'live:setBoard': MANAGERS,
} satisfies Record<keyof LiveCommands, Rule>;
