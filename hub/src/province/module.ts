// The provincial 好差评 platform: the outbox that follows the hall's durable records, and the route
// the console reads it by (managers only: the records name staff and masked phones).
import type { ProvinceOptions } from '../config.js';
import type { HallCore } from '../hall/core.js';
import { MANAGERS } from '../http/access.js';
import type { Routes } from '../http/routes.js';
import type { Domain } from '../realtime/socket-server.js';
import type { Journal } from '../storage/journal.js';
import { ProvinceOutbox } from './outbox.js';
import { postRecord } from './post.js';

export interface ProvinceDeps extends HallCore {
  api: Routes;
  journal: Journal;
  dataDir: string;
  options?: ProvinceOptions;
}

export async function createProvinceModule(deps: ProvinceDeps): Promise<Domain> {
  const { hall, config, clock, log } = deps;
  const outbox = await ProvinceOutbox.open({
    dataDir: deps.dataDir,
    journal: deps.journal,
    state: () => hall.current,
    config,
    clock,
    log,
    post: postRecord,
    ...(deps.options && { options: deps.options }),
  });
  hall.onRecords(outbox.onRecords);
  outbox.start();
  deps.api.get('/province/outbox', MANAGERS, (_req, res) => {
    res.json({ ok: true, data: outbox.view() });
  });
  return {
    close: () => outbox.stop(),
  };
}
