// Socket commands of the printing domain: thin, each a call into a service. Who may send which is in
// realtime/permissions/printing.ts; payloads are parsed with shared/printing-schemas.ts.
import { appError, type Ack } from '@yichuang/shared/errors';
import type { PrintingSettingsView } from '@yichuang/shared/printing';
import * as P from '@yichuang/shared/printing-schemas';
import { onCommand, type CommandContext } from '../realtime/command.js';
import { cmdKey } from '../services/ticketing.js';
import { AnswerMemo } from './answer-memo.js';
import type { PrinterFleet } from './printer-fleet.js';
import type { PrintingSettingsService } from './printing-settings.js';
import type { SlipService } from './slip-service.js';

export interface PrintingComponents {
  fleet: PrinterFleet;
  settings: PrintingSettingsService;
  slips: SlipService;
  /** Answers to settings changes, shared by every connection. */
  changes: AnswerMemo<Ack<PrintingSettingsView>>;
}

export function registerPrintingHandlers(ctx: CommandContext, c: PrintingComponents): void {
  const { device } = ctx;
  const change = (cmdId: string, run: () => Promise<Ack<PrintingSettingsView>>) => c.changes.run(cmdKey(device, cmdId), run);

  onCommand(ctx, 'printer:status', P.printingQuery, () => ({
    ok: true,
    data: c.fleet.states().filter((s) => device.role !== 'kiosk' || s.kioskId === device.id),
  }));
  onCommand(ctx, 'printer:unprinted', P.printingQuery, () => ({ ok: true, data: c.slips.unprinted() }));
  onCommand(ctx, 'printer:settings', P.printingQuery, () => ({ ok: true, data: c.settings.view() }));
  onCommand(ctx, 'printer:save', P.savePrinter, (p) => change(p.cmdId, () => c.settings.savePrinter(p.printer)));
  onCommand(ctx, 'printer:remove', P.removePrinter, (p) => change(p.cmdId, () => c.settings.removePrinter(p.printerId)));
  onCommand(ctx, 'printer:layout', P.saveLayout, (p) => change(p.cmdId, () => c.settings.saveLayout(p.layout)));
  onCommand(ctx, 'ticket:reprint', P.reprintTicket, (p) => c.slips.reprint(p, device));
  onCommand(ctx, 'agent:state', P.agentState, (p) => {
    const printerId = device.kioskId ? c.fleet.agentReport(device.kioskId, { status: p.status, where: p.port }) : undefined;
    return printerId ? { ok: true, data: { printerId } } : { ok: false, error: appError('AGENT_NOT_LINKED') };
  });
}
