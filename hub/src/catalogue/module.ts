// The catalogue domain: the hall's service items (事项) and life events (一件事) as hall configuration
// (catalogue.json), its admin REST, and the notice to kiosks when it changes. Other
// domains are handed `current` (the kiosk's guide, reports).
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Domain } from '../realtime/socket-server.js';
import type { AuditLog } from '../security/audit-log.js';
import { auditWriter } from '../security/audit-write.js';
import { demoCatalogue } from '../demo/demo-items.js';
import { CatalogueService } from './catalogue-service.js';
import { catalogueRoutes } from './routes.js';

export interface CatalogueDeps extends HallCore {
  api: Routes;
  broadcaster: Broadcaster;
  audit: AuditLog;
  dataDir: string;
}

export async function createCatalogueModule(deps: CatalogueDeps): Promise<Domain & { current: () => HallCatalogue; importFile: CatalogueService['import'] }> {
  const service = await CatalogueService.open({
    dataDir: deps.dataDir,
    config: deps.config,
    // A hall that still has its demo devices is the demo hall; a production hall starts empty.
    seed: () => (deps.config().devices.some((d) => d.demo) ? demoCatalogue() : { items: [], lifeEvents: [] }),
    audit: auditWriter(deps.audit, deps.log),
    log: deps.log,
    // Window callers read it each time their 办结 dialog opens; kiosks keep it, so they are told.
    changed: () => deps.broadcaster.toRoles('kiosk').emit('kiosk:catalogueChanged'),
  });
  catalogueRoutes(deps.api, service, () => deps.config().hall.name);
  // importFile: the district's published list taken in (federation/district-catalogue.ts).
  return { current: () => service.current(), importFile: (bytes, actor) => service.import(bytes, actor) };
}
