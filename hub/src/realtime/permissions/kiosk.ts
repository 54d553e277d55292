import type { KioskCommands } from '@yichuang/shared/kiosk';
import type { Rule } from './rule.js';

const KIOSKS: Rule = { roles: ['kiosk'] };
const MANAGERS: Rule = { roles: ['console'] };

export const KIOSK_PERMISSIONS = {
  'kiosk:heartbeat': KIOSKS,
  'kiosk:help': KIOSKS,
  'kiosk:suggest': KIOSKS,
  'kiosk:suggestions': MANAGERS,
  'kiosk:handleSuggestion': MANAGERS,
  'kiosk:status': MANAGERS,
} satisfies Record<keyof KioskCommands, Rule>;
