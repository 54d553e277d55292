import type { PrintingCommands } from '@yichuang/shared/printing';
import type { Rule } from './rule.js';

export const PRINTING_PERMISSIONS = {
  'printer:status': { roles: ['kiosk', 'window', 'console'] },
  'printer:unprinted': { roles: ['window', 'console'] },
  'printer:settings': { roles: ['console'] },
  'printer:save': { roles: ['console'] },
  'printer:remove': { roles: ['console'] },
  'printer:layout': { roles: ['console'] },
  'ticket:reprint': { roles: ['window', 'console'] },
  'agent:state': { roles: ['agent'] },
  'agent:settle': { roles: ['agent'] },
} satisfies Record<keyof PrintingCommands, Rule>;
