import type { HubModule, ModuleDeps } from '../modules.js';

export function createAppointmentsModule(_deps: ModuleDeps): HubModule {
  return {};
}
