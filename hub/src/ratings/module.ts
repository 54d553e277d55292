// The ratings domain (好差评): window pads, staff figures, bad-rating cases, and the pad timer.
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { AuditLog } from '../security/audit-log.js';
import { auditWriter } from '../security/audit-write.js';
import type { Domain } from '../realtime/socket-server.js';
import { Sealer } from '../security/sealer.js';
import type { TicketLinks } from '../security/ticket-links.js';
import { evaluationOf } from '../engine/state.js';
import { badRatingAlerts } from './alerts.js';
import { CaseService } from './case-service.js';
import { windowFigures } from './figures.js';
import { registerRatingHandlers } from './handlers.js';
import { PadService, ratedElsewhere } from './pad-service.js';
import { PadTimer } from './pad-timer.js';
import { ratingsRoutes } from './routes.js';
import { VisitService } from './visit-service.js';

export interface RatingsDeps extends HallCore {
  api: Routes;
  /** Tells a window's pad that its visit was rated on the phone or at a kiosk. */
  broadcaster: Broadcaster;
  /** The hall's secret key: seals the phone a citizen leaves with a bad rating, for the 回访. */
  secretKey: Buffer;
  ticketLinks: TicketLinks;
  /** Case steps taken at a console go to the operation log. */
  audit: AuditLog;
}

export function createRatingsModule(deps: RatingsDeps): Domain {
  const contacts = new Sealer(deps.secretKey, 'rating-contact');
  const services = {
    pads: new PadService(deps, contacts),
    cases: new CaseService({ ...deps, audit: auditWriter(deps.audit, deps.log) }, contacts),
    visits: new VisitService(deps, contacts),
    figures: (windowId: string) => windowFigures(deps.hall.current, deps.config(), windowId),
  };
  ratingsRoutes(deps.api, { ...deps, visits: services.visits });
  const timer = new PadTimer(deps);
  timer.start();
  deps.hall.onRecords((records) => {
    for (const alert of badRatingAlerts(records, deps.hall.current, deps.config())) deps.bus.emit('alert:raise', alert);
    for (const { event } of records) {
      const told = event.type === 'rating.recorded' ? ratedElsewhere(evaluationOf(deps.hall.current).ratings[event.ticketId]) : undefined;
      if (told) deps.broadcaster.toWindows([told.windowId]).emit('pad:ratedElsewhere', told);
    }
  });
  return {
    register: (ctx) => registerRatingHandlers(ctx, services),
    async close() {
      timer.stop();
    },
  };
}
