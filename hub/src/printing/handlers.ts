// Socket commands of the printing domain: thin, each a call into a service. Who may send which is in
// realtime/permissions/printing.ts; payloads are parsed with shared/printing-schemas.ts.
import { appError } from '@yichuang/shared/errors';
import * as P from '@yichuang/shared/printing-schemas';
import { connectionActor, onCommandOnce, onQuery, type CommandContext } from '../realtime/command.js';
import type { PrinterFleet } from './printer-fleet.js';
import type { PrintingSettingsService } from './printing-settings.js';
import type { SlipService } from './slip-service.js';

export interface PrintingComponents {
  fleet: PrinterFleet;
  settings: PrintingSettingsService;
  slips: SlipService;
}

export function registerPrintingHandlers(ctx: CommandContext, c: PrintingComponents): void {
  const { device } = ctx;

  onQuery(ctx, 'printer:status', P.printingQuery, () => ({
    ok: true,
    data: c.fleet.states().filter((s) => device.role !== 'kiosk' || s.kioskId === device.id),
  }));
  onQuery(ctx, 'printer:unprinted', P.printingQuery, () => ({ ok: true, data: c.slips.unprinted() }));
  onQuery(ctx, 'printer:settings', P.printingQuery, () => ({ ok: true, data: c.settings.view() }));
  onCommandOnce(ctx, 'printer:save', P.savePrinter, (p) => c.settings.savePrinter(p.printer, connectionActor(ctx)));
  onCommandOnce(ctx, 'printer:remove', P.removePrinter, (p) => c.settings.removePrinter(p.printerId, connectionActor(ctx)));
  onCommandOnce(ctx, 'printer:layout', P.saveLayout, (p) => c.settings.saveLayout(p.layout, connectionActor(ctx)));
  onCommandOnce(ctx, 'ticket:reprint', P.reprintTicket, (p, key) => c.slips.reprint(p, device, key, connectionActor(ctx)));
  onQuery(ctx, 'agent:state', P.agentState, (p) => {
    const printerId = device.kioskId ? c.fleet.agentReport(device.kioskId, { status: p.status, where: p.port, baudRate: p.baudRate }) : undefined;
    return printerId ? { ok: true, data: { printerId } } : { ok: false, error: appError('AGENT_NOT_LINKED') };
  });
  // Idempotent by job ids (each outcome is recorded once under its job's key): no command id.
  onQuery(ctx, 'agent:settle', P.agentSettle, async (p) => ({ ok: true, data: { settled: await c.slips.settle(p.outcomes, device) } }));
}
