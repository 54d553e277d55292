import type { HubModule, ModuleDeps } from '../modules.js';

export function createLiveModule(_deps: ModuleDeps): HubModule {
  return {};
}
