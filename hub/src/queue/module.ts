// The queue domain: taking numbers, calling and serving them at windows, and the hall's snapshot.
// Its rules live in the engine; these are the services that run them and the socket handlers.
import type { HallConfig } from '@yichuang/shared/domain';
import type { HallService } from '../hall/hall-service.js';
import type { HubBus } from '../hall/hub-bus.js';
import type { Views } from '../hall/views.js';
import type { Routes } from '../http/routes.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Publisher } from '../realtime/publisher.js';
import type { Domain } from '../realtime/socket-server.js';
import type { AuditLog } from '../security/audit-log.js';
import { auditWriter } from '../security/audit-write.js';
import type { PersonalData } from '../security/personal-data.js';
import { registerQueueHandlers } from './handlers.js';
import { queueRoutes } from './routes.js';
import { noticeCaseChanges } from './case-notices.js';
import { Ticketing, type SlipPrinter } from './ticketing.js';
import { WindowService } from './window-service.js';

export interface QueueDeps {
  config: () => HallConfig;
  hall: HallService;
  views: Views;
  bus: HubBus;
  publisher: Publisher;
  slips: SlipPrinter;
  personal: PersonalData;
  api: Routes;
  broadcaster: Broadcaster;
  /** Cancels made by a person go to the operation log. */
  audit: AuditLog;
  log: (line: string) => void;
  /** Whether the hall's catalogue has this 事项编码 (a 办结 names only items it has). */
  itemKnown: (code: string) => boolean;
}

/** The domain, and its ticketing for the domains that issue tickets too (appointment check-in). */
export function createQueueModule(deps: QueueDeps): Domain & { ticketing: Ticketing } {
  const { config, hall, views, bus, publisher, slips, personal, api, broadcaster } = deps;
  const ticketing = new Ticketing({ config, hall, views, slips, personal, audit: auditWriter(deps.audit, deps.log) });
  const windows = new WindowService(hall, views, config, bus, deps.itemKnown);
  queueRoutes(api, views);
  noticeCaseChanges(hall, broadcaster);
  return {
    ticketing,
    register: (ctx) => registerQueueHandlers(ctx, { ticketing, windows, views, publisher }),
  };
}
