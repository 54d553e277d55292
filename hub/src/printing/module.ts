// The printing domain in the hub: printers per kiosk (serial, TCP, or a print agent), their live
// states for the console and the kiosks, slips for new tickets, reprints, and printers.json.
import { PRINTABLE, type PrinterState, type PrinterStatus } from '@yichuang/shared/printing';
import { t } from '@yichuang/shared/console-i18n';
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Domain } from '../realtime/socket-server.js';
import type { AuditLog } from '../security/audit-log.js';
import { auditWriter } from '../security/audit-write.js';
import type { TicketLinks } from '../security/ticket-links.js';
import { PrintJobLog } from '../storage/print-job-log.js';
import { registerPrintingHandlers, type PrintingComponents } from './handlers.js';
import { PrinterFleet } from './printer-fleet.js';
import { PrintingSettingsService } from './printing-settings.js';
import { printingRoutes } from './routes.js';
import { SlipService } from './slip-service.js';

/** Local printers are asked for their status this often (DLE EOT: a few bytes each way). */
const POLL_MS = 5000;

export interface PrintingDeps extends HallCore {
  api: Routes;
  broadcaster: Broadcaster;
  dataDir: string;
  ticketLinks: TicketLinks;
  audit: AuditLog;
  /** http://host:port phones reach the hub at, for the slips' QR codes when the layout names none. */
  phoneBase: () => string;
}

/** The domain, and its slip service for the queue (kiosks' tickets are printed as they are issued). */
export function createPrintingModule(deps: PrintingDeps): Domain & { slips: SlipService } {
  const alerted = new Map<string, PrinterStatus>();
  const publish = (state: PrinterState): void => {
    // Consoles and windows follow every printer; a kiosk, its own.
    deps.broadcaster.toDevices([state.kioskId], 'console', 'window').emit('printer:changed', state);
    const status = state.enabled ? state.status : 'offline';
    if (alerted.get(state.printerId) === (state.enabled ? status : undefined)) return;
    const key = `printer:${state.printerId}`;
    if (!state.enabled) {
      // Disabled or removed: it serves nobody, and its alert has no cause left.
      alerted.delete(state.printerId);
      deps.bus.emit('alert:resolve', key);
      return;
    }
    if (status === 'unknown') return; // being asked: its alert stands until the answer
    alerted.set(state.printerId, status);
    if (status === 'ready') {
      deps.bus.emit('alert:resolve', key);
      return;
    }
    const zh = t(`printer.status.${status}`, 'zh');
    const en = t(`printer.status.${status}`, 'en');
    deps.bus.emit('alert:raise', {
      kind: 'printer',
      key,
      message: `${state.name}：${zh}${PRINTABLE.includes(status) ? '' : '，该取号机出电子号票'}`,
      messageEn: `${state.name}: ${en}${PRINTABLE.includes(status) ? '' : '; its kiosk gives e-tickets'}`,
      deviceId: state.kioskId,
    });
  };

  const jobs = PrintJobLog.open(deps.dataDir, deps.clock, () => deps.config().hall.timeZone).catch((err: unknown) => {
    deps.log(`打印任务记录无法打开 / print job log unavailable: ${(err as Error).message}`);
    return undefined;
  });
  const fleet = new PrinterFleet({ publish, clock: deps.clock, pollMs: POLL_MS });
  const settings = new PrintingSettingsService({ dataDir: deps.dataDir, config: deps.config, fleet, audit: deps.audit, log: deps.log });
  const slips = new SlipService({
    hall: deps.hall,
    views: deps.views,
    config: deps.config,
    fleet,
    settings,
    jobs,
    lanBaseUrl: deps.phoneBase,
    links: deps.ticketLinks,
    clock: deps.clock,
    log: deps.log,
    audit: auditWriter(deps.audit, deps.log),
  });
  const components: PrintingComponents = { fleet, settings, slips };
  printingRoutes(deps.api, components);

  return {
    slips,
    register(ctx) {
      const { device, socket } = ctx;
      const kioskId = device.kioskId;
      if (device.role === 'agent' && kioskId) {
        fleet.attachAgent(kioskId, socket);
        socket.on('disconnect', () => fleet.detachAgent(kioskId, socket));
      }
      registerPrintingHandlers(ctx, components);
    },
    async close() {
      await settings.ready;
      await fleet.close();
      await (await jobs)?.close();
    },
  };
}
