// Socket handlers of the administration domain: thin, parse → service → ack. Changes run once per
// cmdId (onCommandOnce). The operator is known here: command.ts refused the command otherwise.
import type { AdminConfig, AuditActor, Operator } from '@yichuang/shared/admin';
import * as A from '@yichuang/shared/admin-schemas';
import { noInput } from '@yichuang/shared/schemas';
import { connectionActor, onCommandOnce, onQuery, type CommandContext } from '../realtime/command.js';
import type { AuditLog } from '../security/audit-log.js';
import type { ConfigService } from './config-service.js';
import type { DeviceService } from './device-service.js';
import type { StaffService } from './staff-service.js';

export interface AdminServices {
  config: ConfigService;
  staff: StaffService;
  devices: DeviceService;
  audit: AuditLog;
  view: () => AdminConfig;
}

export function registerAdminHandlers(ctx: CommandContext, d: AdminServices): void {
  const operator = (): Operator => ctx.operator()!;
  const actor = (): AuditActor => connectionActor(ctx);

  onQuery(ctx, 'admin:config', noInput, () => ({ ok: true, data: d.view() }));
  onCommandOnce(ctx, 'admin:saveHall', A.saveHall, (p) => d.config.saveHall(p, actor()));
  onCommandOnce(ctx, 'admin:saveRules', A.saveRules, (p) => d.config.saveRules(p, actor()));
  onCommandOnce(ctx, 'admin:saveCategory', A.saveCategory, (p) => d.config.saveCategory(p, actor()));
  onCommandOnce(ctx, 'admin:removeCategory', A.removeCategory, (p) => d.config.removeCategory(p, actor()));
  onCommandOnce(ctx, 'admin:saveWindow', A.saveWindow, (p) => d.config.saveWindow(p, actor()));
  onCommandOnce(ctx, 'admin:removeWindow', A.removeWindow, (p) => d.config.removeWindow(p, actor()));
  onCommandOnce(ctx, 'admin:saveEvaluation', A.saveEvaluation, (p) => d.config.saveEvaluation(p, actor()));
  onCommandOnce(ctx, 'admin:saveRetention', A.saveRetention, (p) => d.config.saveRetention(p, actor()));
  onCommandOnce(ctx, 'admin:saveStaff', A.saveStaff, (p) => d.staff.save(p, operator(), actor()));
  onCommandOnce(ctx, 'admin:removeStaff', A.removeStaff, (p) => d.staff.remove(p, operator(), actor()));
  onCommandOnce(ctx, 'admin:resetPin', A.resetPin, (p) => d.staff.resetPin(p, operator(), actor()));
  onCommandOnce(ctx, 'admin:setPassword', A.setPassword, (p) => d.staff.setPassword(p, operator(), actor()));

  onQuery(ctx, 'device:list', noInput, () => ({ ok: true, data: d.devices.list() }));
  onCommandOnce(ctx, 'device:approve', A.approveDevice, (p) => d.devices.approve(p, actor()));
  onCommandOnce(ctx, 'device:revoke', A.revokeDevice, (p) => d.devices.revoke(p, actor()));
  onCommandOnce(ctx, 'device:revokeDemo', A.revokeDemo, () => d.devices.revokeDemo(actor()));

  onQuery(ctx, 'audit:list', A.auditList, async (p) => ({ ok: true, data: await d.audit.read(p.month, p.limit) }));
}
