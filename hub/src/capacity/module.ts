// The capacity domain: staffing advice (排班建议) from the statistics' day roll-ups, and the look-ahead
// the live board's tidal advice uses. It reads what the statistics hand it; it writes nothing.
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Domain } from '../realtime/socket-server.js';
import { CapacityService, type CapacityDeps } from './capacity-service.js';
import { capacityRoutes } from './routes.js';

export interface CapacityModuleDeps extends Pick<HallCore, 'config' | 'clock' | 'log'> {
  api: Routes;
  days: CapacityDeps['days'];
  tickets: CapacityDeps['tickets'];
}

export function createCapacityModule(deps: CapacityModuleDeps): Domain & { capacity: CapacityService } {
  const capacity = new CapacityService(deps);
  capacityRoutes(deps.api, capacity, { clock: deps.clock, timeZone: () => deps.config().hall.timeZone });
  // Today's forecast is made when a live board first asks (lookAhead), not at start: reading a year of
  // roll-ups would compete with the hub's start for nothing when no console is open.
  return { capacity };
}
