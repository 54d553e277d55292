import type { QueueCommands } from '@yichuang/shared/events';
import { ALL_ROLES, type Rule } from './rule.js';

const AT_WINDOW: Rule = { roles: ['window', 'console'], ownWindow: true };

export const QUEUE_PERMISSIONS = {
  'ticket:issue': { roles: ['kiosk', 'window', 'console'] },
  'ticket:cancel': { roles: ['window', 'console'] },
  'ticket:lookup': { roles: ALL_ROLES },
  'window:callNext': AT_WINDOW,
  'window:callNumber': AT_WINDOW,
  'window:recall': AT_WINDOW,
  'window:start': AT_WINDOW,
  'window:finish': AT_WINDOW,
  'window:noShow': AT_WINDOW,
  'window:linkCase': AT_WINDOW,
  'window:transfer': AT_WINDOW,
  'window:hold': AT_WINDOW,
  'window:resume': AT_WINDOW,
  'window:requeue': AT_WINDOW,
  'window:pause': AT_WINDOW,
  'window:unpause': AT_WINDOW,
  'window:cases': AT_WINDOW,
  'staff:signIn': { roles: ['window'], ownWindow: true },
  'staff:signOut': AT_WINDOW,
  'sync:snapshot': { roles: ALL_ROLES },
} satisfies Record<keyof QueueCommands, Rule>;
