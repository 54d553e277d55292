// What every domain builds on: the hall's configuration, the engine runner and its read models, the
// hub's in-process bus, the clock and the log. hub.ts makes one; each domain takes the parts it uses.
import type { HallConfig } from '@yichuang/shared/domain';
import type { HallService } from './hall-service.js';
import type { HubBus } from './hub-bus.js';
import type { Views } from './views.js';

export interface HallCore {
  config: () => HallConfig;
  hall: HallService;
  views: Views;
  bus: HubBus;
  clock: () => number;
  log: (line: string) => void;
}
