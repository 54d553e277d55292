// The administration domain's rules, and the second check every console command passes: a console
// device alone is not enough, a person with a console role must be signed in at it.
import type { AdminCommands, Operator } from '@yichuang/shared/admin';
import type { ClientToServerEvents } from '@yichuang/shared/events';
import { t } from '@yichuang/shared/console-i18n';
import { CONSOLE_ROLES, MANAGING_ROLES, type StaffRole } from '@yichuang/shared/domain';
import { appError, type AppError } from '@yichuang/shared/errors';
import type { Rule } from './rule.js';

type Command = keyof ClientToServerEvents;

const CONSOLES: Rule = { roles: ['console'] };

export const ADMIN_PERMISSIONS = {
  'admin:config': CONSOLES,
  'admin:saveHall': CONSOLES,
  'admin:saveRules': CONSOLES,
  'admin:saveCategory': CONSOLES,
  'admin:removeCategory': CONSOLES,
  'admin:saveWindow': CONSOLES,
  'admin:removeWindow': CONSOLES,
  'admin:saveStaff': CONSOLES,
  'admin:removeStaff': CONSOLES,
  'admin:resetPin': CONSOLES,
  'admin:setPassword': CONSOLES,
  'admin:saveEvaluation': CONSOLES,
  'admin:saveRetention': CONSOLES,
  'device:list': CONSOLES,
  'device:approve': CONSOLES,
  'device:revoke': CONSOLES,
  'device:revokeDemo': CONSOLES,
  'audit:list': CONSOLES,
} satisfies Record<keyof AdminCommands, Rule>;

/**
 * What an evaluator (third-party assessor) may send besides a manager: reading the hall, figures and
 * cases, never changing anything. Every other console command needs a manager or an admin; the
 * admin pages hold back what only an admin may do (console roles, others' passwords).
 */
const READ_ONLY = new Set<Command>([
  'sync:snapshot',
  'admin:config',
  'audit:list',
  'appointment:day',
  'ticket:lookup',
  'case:list',
  'live:snapshot',
  'board:settings',
  'printer:status',
  'printer:settings',
  'printer:unprinted',
  'window:figures',
  'pad:state',
  'kiosk:status',
]);

export function operatorMay(operator: Operator, command: Command): boolean {
  const allowed: readonly StaffRole[] = READ_ONLY.has(command) ? CONSOLE_ROLES : MANAGING_ROLES;
  return operator.roles.some((role) => allowed.includes(role));
}

/** A person's refusal names their role, not the device they use ("评估员（只读）无权执行此操作"). */
export function roleRefusal(roles: readonly StaffRole[]): AppError {
  const said = (lang: 'zh' | 'en'): string => roles.map((r) => t(`role.${r}`, lang)).join(lang === 'zh' ? '、' : ', ');
  return appError('ROLE_FORBIDDEN', { roles: { zh: said('zh'), en: said('en') } });
}

/** Reads that show citizens' numbers (masked, or in full for a 回访) or words: each is written to the audit log. */
export const PERSONAL_DATA_READS = new Set<Command>(['case:list', 'case:contact', 'kiosk:suggestions']);
