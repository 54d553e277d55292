// The kiosk domain in the hub: the guide catalogue and the tickets' phone pages (REST), heartbeats
// and presence of the kiosks, help requests, and the suggestion box.
import type { HallCatalogue, HelpRequested, Suggestion } from '@yichuang/shared/kiosk';
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Domain } from '../realtime/socket-server.js';
import type { AuditLog } from '../security/audit-log.js';
import { auditWriter } from '../security/audit-write.js';
import { ItemCatalogue } from './catalogue.js';
import { dataFolder } from '../storage/data-folder.js';
import { DayFiles } from '../storage/day-files.js';
import { registerKioskHandlers, type KioskServices } from './handlers.js';
import { HelpService } from './help-service.js';
import { BEATS_EVERY_MS, KioskPresence } from './kiosk-presence.js';
import { kioskRoutes } from './routes.js';
import { SuggestionBox } from './suggestion-box.js';
import type { PresenceRecord } from './uptime.js';

/** How often the hall's opening hours are checked for a change. */
const HOURS_CHECK_MS = 5_000;

export interface KioskDeps extends HallCore {
  api: Routes;
  broadcaster: Broadcaster;
  dataDir: string;
  /** http://host:port phones reach the hub at. */
  phoneBase: () => string;
  audit: AuditLog;
  /** The hall's catalogue of service items, as it is now (the catalogue domain keeps it). */
  catalogue: () => HallCatalogue;
}

export function createKioskModule(deps: KioskDeps): Domain {
  const { dataDir } = deps;
  const timeZone = () => deps.config().hall.timeZone;
  const toConsoles = () => deps.broadcaster.toRoles('console');
  const catalogue = new ItemCatalogue(deps.catalogue, deps.config);

  const ready: Promise<KioskServices> = (async () => {
    const presence = await KioskPresence.open({
      files: new DayFiles<PresenceRecord>(dataFolder(dataDir).presence, timeZone),
      kiosks: () => deps.config().devices.filter((d) => d.role === 'kiosk'),
      zones: () => deps.config().hall.zones.map(({ id, name, nameEn }) => ({ id, name, nameEn })),
      clock: deps.clock,
      timeZone,
      log: deps.log,
      changed: (status) => toConsoles().emit('kiosk:statusChanged', status),
    });
    const help = new HelpService({
      files: new DayFiles<HelpRequested>(dataFolder(dataDir).help, timeZone),
      config: deps.config,
      bus: deps.bus,
      clock: deps.clock,
      log: deps.log,
      notifyWindows: (windowIds, request) => {
        if (windowIds.length > 0) deps.broadcaster.toWindows(windowIds).emit('kiosk:helpRequested', request);
      },
    });
    return { presence, help, box: await SuggestionBox.open(dataDir, deps.clock) };
  })();
  ready.catch((err: unknown) => deps.log(`kiosk module failed to start: ${(err as Error).stack ?? String(err)}`));

  deps.bus.on('retention:due', (before) => {
    void ready
      .then((s) => s.box.forgetContacts(before, deps.config().hall.timeZone))
      .then(
        (n) => n > 0 && deps.log(`retention: reply numbers purged from ${n} suggestions left before ${before}`),
        (err: unknown) => deps.log(`retention of suggestions failed: ${String(err)}`),
      );
  });
  // A module that failed to start was logged once (above): presence is then not kept.
  deps.bus.on('device:online', (device) => {
    if (device.role === 'kiosk') ready.then((s) => s.presence.online(device), () => undefined);
  });
  deps.bus.on('device:offline', (device) => {
    if (device.role === 'kiosk') ready.then((s) => s.presence.offline(device), () => undefined);
  });
  const timer = setInterval(() => {
    void ready
      .then((s) => s.presence.summarise())
      .catch((err: unknown) => deps.log(`kiosk heartbeats not recorded: ${(err as Error).message}`));
  }, BEATS_EVERY_MS);
  // No engine event marks the hall opening or closing: watched here, so 24-hour terminals switch mode on time.
  let open = deps.views.opening().open;
  const hoursTimer = setInterval(() => {
    const now = deps.views.opening();
    if (now.open === open) return;
    open = now.open;
    deps.broadcaster.toRoles('kiosk').emit('kiosk:hoursChanged', now);
  }, HOURS_CHECK_MS);

  kioskRoutes(deps.api, {
    catalogue,
    follow: () => ({ views: deps.views, config: deps.config(), stateDay: deps.hall.current.day, now: deps.clock() }),
    phoneBase: deps.phoneBase,
  });

  const components = {
    ready,
    suggestionChanged: (s: Suggestion) => toConsoles().emit('kiosk:suggestionChanged', s),
    audit: auditWriter(deps.audit, deps.log),
  };

  return {
    register: (ctx) => registerKioskHandlers(ctx, components),
    async close() {
      clearInterval(timer);
      clearInterval(hoursTimer);
      const services = await ready.catch(() => undefined);
      await services?.presence.close();
      await services?.help.close();
      await services?.box.close();
    },
  };
}
