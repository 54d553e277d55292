import type { HubModule, ModuleDeps } from '../modules.js';

export function createKioskModule(_deps: ModuleDeps): HubModule {
  return {};
}
