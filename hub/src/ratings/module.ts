import type { HubModule, ModuleDeps } from '../modules.js';

export function createRatingsModule(_deps: ModuleDeps): HubModule {
  return {};
}
