import type { NoticeCommands } from '@yichuang/shared/notices';
import type { Rule } from './rule.js';

/** Managers post and withdraw notices at a console (the operator's roles are checked too). */
const CONSOLE: Rule = { roles: ['console'] };

export const NOTICE_PERMISSIONS = {
  'notice:list': CONSOLE,
  'notice:post': CONSOLE,
  'notice:withdraw': CONSOLE,
  // A window-top display reads its own window's notices only.
  'notice:showing': { roles: ['display', 'console'], ownWindow: true },
} satisfies Record<keyof NoticeCommands, Rule>;
