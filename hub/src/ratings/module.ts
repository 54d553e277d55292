// The ratings domain (好差评): window pads, staff figures, bad-rating cases, and the pad timer.
import type { HubModule, ModuleDeps } from '../modules.js';
import { badRatingAlerts } from './alerts.js';
import { CaseDesk } from './case-desk.js';
import { windowFigures } from './figures.js';
import { registerRatingHandlers } from './handlers.js';
import { PadDesk } from './pad-desk.js';
import { PadTimer } from './pad-timer.js';
import { Sealer } from '../security/sealer.js';
import { ratingsRoutes } from './routes.js';
import { VisitDesk } from './visit-desk.js';

export function createRatingsModule(deps: ModuleDeps): HubModule {
  const contacts = new Sealer(deps.secretKey, 'rating-contact');
  const desks = {
    pads: new PadDesk(deps, contacts),
    cases: new CaseDesk(deps, contacts),
    visits: new VisitDesk(deps, contacts),
    figures: (windowId: string) => windowFigures(deps.hall.current, deps.config(), windowId),
  };
  ratingsRoutes(deps.api, { ...deps, visits: desks.visits });
  const timer = new PadTimer(deps);
  timer.start();
  deps.hall.onRecords((records) => {
    for (const alert of badRatingAlerts(records, deps.hall.current, deps.config())) deps.bus.emit('alert:raise', alert);
  });
  return {
    register: (ctx) => registerRatingHandlers(ctx, desks),
    async close() {
      timer.stop();
    },
  };
}
