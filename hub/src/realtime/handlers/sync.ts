import { z } from 'zod';
import type { Views } from '../../services/views.js';
import { onCommand, type CommandContext } from '../command.js';
import type { Publisher } from '../publisher.js';
import { seesIdentities } from '../../services/views.js';

export function registerSyncHandlers(ctx: CommandContext, views: Views, publisher: Publisher): void {
  onCommand(ctx, 'sync:snapshot', z.object({}), () => ({ ok: true, data: views.snapshot(publisher.lastSeq, seesIdentities(ctx.device)) }));
}
