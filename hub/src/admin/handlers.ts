// Socket handlers of the administration domain: thin, parse → desk → ack. Retried commands (same
// cmdId) get their first answer. The operator is known here: command.ts refused the command otherwise.
import type { AdminConfig, AuditActor, DeviceList, Operator } from '@yichuang/shared/admin';
import * as A from '@yichuang/shared/admin-schemas';
import type { Ack } from '@yichuang/shared/errors';
import { z } from 'zod';
import type { AnswerMemo } from '../printing/answer-memo.js';
import { onCommand, type CommandContext } from '../realtime/command.js';
import type { AuditLog } from '../security/audit-log.js';
import type { ConfigDesk } from './config-desk.js';
import type { DeviceDesk } from './device-desk.js';
import type { StaffDesk } from './staff-desk.js';

export interface AdminDesks {
  config: ConfigDesk;
  staff: StaffDesk;
  devices: DeviceDesk;
  audit: AuditLog;
  view: () => AdminConfig;
  changes: AnswerMemo<Ack<AdminConfig>>;
  deviceChanges: AnswerMemo<Ack<DeviceList>>;
}

export function registerAdminHandlers(ctx: CommandContext, d: AdminDesks): void {
  const operator = (): Operator => ctx.operator()!;
  const actor = (): AuditActor => {
    const { staffId, name } = operator();
    return { deviceId: ctx.device.id, staffId, name, address: ctx.socket.handshake.address };
  };
  const key = (cmdId: string): string => `${ctx.device.id}:${cmdId}`;
  const change = (cmdId: string, run: () => Promise<Ack<AdminConfig>>) => d.changes.run(key(cmdId), run);
  const deviceChange = (cmdId: string, run: () => Promise<Ack<DeviceList>>) => d.deviceChanges.run(key(cmdId), run);

  onCommand(ctx, 'admin:config', z.object({}), () => ({ ok: true, data: d.view() }));
  onCommand(ctx, 'admin:saveHall', A.saveHall, (p) => change(p.cmdId, () => d.config.saveHall(p, actor())));
  onCommand(ctx, 'admin:saveRules', A.saveRules, (p) => change(p.cmdId, () => d.config.saveRules(p, actor())));
  onCommand(ctx, 'admin:saveCategory', A.saveCategory, (p) => change(p.cmdId, () => d.config.saveCategory(p, actor())));
  onCommand(ctx, 'admin:removeCategory', A.removeCategory, (p) => change(p.cmdId, () => d.config.removeCategory(p, actor())));
  onCommand(ctx, 'admin:saveWindow', A.saveWindow, (p) => change(p.cmdId, () => d.config.saveWindow(p, actor())));
  onCommand(ctx, 'admin:removeWindow', A.removeWindow, (p) => change(p.cmdId, () => d.config.removeWindow(p, actor())));
  onCommand(ctx, 'admin:saveEvaluation', A.saveEvaluation, (p) => change(p.cmdId, () => d.config.saveEvaluation(p, actor())));
  onCommand(ctx, 'admin:saveRetention', A.saveRetention, (p) => change(p.cmdId, () => d.config.saveRetention(p, actor())));
  onCommand(ctx, 'admin:saveStaff', A.saveStaff, (p) => change(p.cmdId, () => d.staff.save(p, operator(), actor())));
  onCommand(ctx, 'admin:removeStaff', A.removeStaff, (p) => change(p.cmdId, () => d.staff.remove(p, operator(), actor())));
  onCommand(ctx, 'admin:resetPin', A.resetPin, (p) => change(p.cmdId, () => d.staff.resetPin(p, operator(), actor())));
  onCommand(ctx, 'admin:setPassword', A.setPassword, (p) => change(p.cmdId, () => d.staff.setPassword(p, operator(), actor())));

  onCommand(ctx, 'device:list', z.object({}), () => ({ ok: true, data: d.devices.list() }));
  onCommand(ctx, 'device:approve', A.approveDevice, (p) => deviceChange(p.cmdId, () => d.devices.approve(p, actor())));
  onCommand(ctx, 'device:revoke', A.revokeDevice, (p) => deviceChange(p.cmdId, () => d.devices.revoke(p, actor())));
  onCommand(ctx, 'device:revokeDemo', A.revokeDemo, (p) => deviceChange(p.cmdId, () => d.devices.revokeDemo(actor())));

  onCommand(ctx, 'audit:list', A.auditList, async (p) => ({ ok: true, data: await d.audit.read(p.month, p.limit) }));
}
