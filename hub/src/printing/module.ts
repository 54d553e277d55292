import type { HubModule, ModuleDeps } from '../modules.js';

export function createPrintingModule(_deps: ModuleDeps): HubModule {
  return {};
}
