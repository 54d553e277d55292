import type { HubModule, ModuleDeps } from '../modules.js';

export function createAdminModule(_deps: ModuleDeps): HubModule {
  return {};
}
