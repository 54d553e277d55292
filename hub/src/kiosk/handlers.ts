// Socket handlers of the kiosk domain: thin, each parses, checks permission (onCommand) and calls a service.
import type { Ack } from '@yichuang/shared/errors';
import type { Suggestion } from '@yichuang/shared/kiosk';
import * as K from '@yichuang/shared/kiosk-schemas';
import { connectionActor, onCommandOnce, onQuery, type CommandContext } from '../realtime/command.js';
import type { AuditWrite } from '../security/audit-write.js';
import type { HelpService } from './help-service.js';
import type { KioskPresence } from './kiosk-presence.js';
import type { SuggestionBox } from './suggestion-box.js';

export interface KioskServices {
  presence: KioskPresence;
  help: HelpService;
  box: SuggestionBox;
}

export interface KioskComponents {
  ready: Promise<KioskServices>;
  /** After a suggestion came in or was handled: tell the consoles. */
  suggestionChanged: (s: Suggestion) => void;
  /** A suggestion handled at the console goes to the operation log. */
  audit: AuditWrite;
}

export function registerKioskHandlers(ctx: CommandContext, c: KioskComponents): void {
  const { device } = ctx;
  const announce = (ack: Ack<Suggestion>): Ack<Suggestion> => {
    if (ack.ok) c.suggestionChanged(ack.data);
    return ack;
  };
  onQuery(ctx, 'kiosk:heartbeat', K.heartbeat, async (p) => ({ ok: true, data: { at: (await c.ready).presence.heartbeat(device, p.mode, p.assisted) } }));
  onCommandOnce(ctx, 'kiosk:help', K.help, async (p) => (await c.ready).help.request(device, p));
  onCommandOnce(ctx, 'kiosk:suggest', K.suggest, async (p) => announce(await (await c.ready).box.submit(p, device)));
  onQuery(ctx, 'kiosk:suggestions', K.query, async () => ({ ok: true, data: (await c.ready).box.list() }));
  // Run once per command id (onCommandOnce), so written to the operation log once: which one (not its reply number), and the note.
  onCommandOnce(ctx, 'kiosk:handleSuggestion', K.handleSuggestion, async (p) => {
    const ack = await (await c.ready).box.handle(p);
    if (ack.ok) {
      const { id, kind, topics, text, at, handled } = ack.data;
      await c.audit({ actor: connectionActor(ctx), action: 'suggestion.handle', target: id, after: { kind, topics, text, submittedAt: at, handler: handled?.by, note: handled?.note } });
    }
    return announce(ack);
  });
  onQuery(ctx, 'kiosk:status', K.query, async () => ({ ok: true, data: await (await c.ready).presence.statuses() }));
}
