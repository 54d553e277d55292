// The printing domain in the hub: printers per kiosk (serial, TCP, or a print agent), their live
// states for the console and the kiosks, slips for new tickets, reprints, and printers.json.
import type { AddressInfo } from 'node:net';
import { PRINTABLE, type PrinterState, type PrinterStatus } from '@yichuang/shared/printing';
import { t } from '@yichuang/shared/console-i18n';
import type { HubModule, ModuleDeps } from '../modules.js';
import { roleRoom } from '../realtime/rooms.js';
import { registerPrintingHandlers, type PrintingComponents } from './handlers.js';
import { lanBaseUrl } from './page-url.js';
import { PrinterFleet } from './printer-fleet.js';
import { PrintingSettingsService } from './printing-settings.js';
import { printingRoutes } from './routes.js';
import { SlipService } from './slip-service.js';

declare module '../services/hub-bus.js' {
  interface HubBusEvents {
    /** A printer's state changed (status, queue, agent connection). */
    'printer:state': [state: PrinterState];
  }
}

/** Local printers are asked for their status this often (DLE EOT: a few bytes each way). */
const POLL_MS = 5000;

/** Each kiosk listens to its own printer's state in this room. */
export const printerRoom = (kioskId: string): string => `printer:${kioskId}`;

export function createPrintingModule(deps: ModuleDeps): HubModule {
  const alerted = new Map<string, PrinterStatus>();
  const publish = (state: PrinterState): void => {
    deps.io.to([roleRoom('console'), roleRoom('window'), printerRoom(state.kioskId)]).emit('printer:changed', state);
    deps.bus.emit('printer:state', state);
    if (alerted.get(state.printerId) === state.status) return;
    alerted.set(state.printerId, state.status);
    if (state.enabled && state.status !== 'ready' && state.status !== 'unknown') {
      const status = t(`printer.status.${state.status}`, 'zh');
      const statusEn = t(`printer.status.${state.status}`, 'en');
      deps.bus.emit('alert:raise', {
        kind: 'printer',
        key: `printer:${state.printerId}`,
        message: `${state.name}：${status}${PRINTABLE.includes(state.status) ? '' : '，该取号机出电子号票'}`,
        messageEn: `${state.name}: ${statusEn}${PRINTABLE.includes(state.status) ? '' : '; its kiosk gives e-tickets'}`,
        deviceId: state.kioskId,
      });
    }
  };

  const fleet = new PrinterFleet({ publish, clock: deps.clock, pollMs: POLL_MS });
  const settings = new PrintingSettingsService({ dataDir: deps.options.dataDir, config: deps.config, fleet, log: deps.log });
  const slips = new SlipService({
    hall: deps.hall,
    views: deps.views,
    config: deps.config,
    fleet,
    settings,
    lanBaseUrl: () => lanBaseUrl(deps.options.host, (deps.io.httpServer.address() as AddressInfo | null)?.port ?? deps.options.port),
    links: deps.ticketLinks,
    log: deps.log,
  });
  const components: PrintingComponents = { fleet, settings, slips };
  deps.ticketing.useSlipPrinter(slips);
  printingRoutes(deps.api, components);

  return {
    register(ctx) {
      const { device, socket } = ctx;
      if (device.role === 'kiosk') void socket.join(printerRoom(device.id));
      const kioskId = device.kioskId;
      if (device.role === 'agent' && kioskId) {
        fleet.attachAgent(kioskId, socket);
        socket.on('disconnect', () => fleet.detachAgent(kioskId, socket));
      }
      registerPrintingHandlers(ctx, components);
    },
    async close() {
      deps.ticketing.useSlipPrinter(undefined);
      await settings.ready;
      await fleet.close();
    },
  };
}
