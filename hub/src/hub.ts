// Assembles a running hub from its parts, in one order the constructors enforce: storage and the
// hall's state, security, HTTP and sockets, then the domains (printing before the queue, whose
// kiosks' slips it prints; the queue before appointments, whose check-ins issue tickets), and last
// the connection handler that registers every domain's commands. main.ts calls this; so do tests.
import type { AddressInfo } from 'node:net';
import type { HallConfig } from '@yichuang/shared/domain';
import type { Express } from 'express';
import { createAdminModule } from './admin/module.js';
import { createAppointmentsModule } from './appointments/module.js';
import type { HubOptions } from './config.js';
import { createCatalogueModule } from './catalogue/module.js';
import { followDistrictCatalogue } from './federation/district-catalogue.js';
import { demoHall } from './demo/demo-hall.js';
import { DistrictConfig } from './federation/district-config.js';
import { startForwarder } from './federation/module.js';
import type { HallCore } from './hall/core.js';
import { startDaysOnTime } from './hall/day-start.js';
import { HallService } from './hall/hall-service.js';
import { HubBus } from './hall/hub-bus.js';
import { Views } from './hall/views.js';
import { RestAccess } from './http/access.js';
import { integrationRoutes } from './http/api.js';
import { createHttpApp } from './http/http-app.js';
import { Routes } from './http/routes.js';
import { demoScreenLinks, screenRoutes, type ScreenLink } from './http/screens.js';
import { createHubServer } from './http/server.js';
import { createKioskModule } from './kiosk/module.js';
import { createCapacityModule } from './capacity/module.js';
import { createLiveModule } from './live/module.js';
import { createNoticesModule } from './notices/module.js';
import { lanBaseUrlEvery } from './printing/page-url.js';
import { createPrintingModule } from './printing/module.js';
import { createProvinceModule } from './province/module.js';
import { createQueueModule } from './queue/module.js';
import { createRatingsModule } from './ratings/module.js';
import { Broadcaster } from './realtime/broadcaster.js';
import { Publisher } from './realtime/publisher.js';
import { createSocketServer, serveSockets, type Domain } from './realtime/socket-server.js';
import { AuditLog } from './security/audit-log.js';
import { PersonalData } from './security/personal-data.js';
import { loadSecretKey } from './security/secret-key.js';
import { Sessions } from './security/sessions.js';
import { TicketLinks } from './security/ticket-links.js';
import { seedHolidayYears } from './hall/holiday-years.js';
import { createStatsModule } from './stats/module.js';
import { AnswerLog } from './storage/answer-log.js';
import { ConfigStore } from './storage/config-store.js';
import { refuseUnwritable } from './storage/data-folder.js';
import { Journal } from './storage/journal.js';

/** How long a stopping hub lets requests in flight finish before it cuts their connections. */
const CLOSE_GRACE_MS = 1000;

export interface RunningHub {
  port: number;
  url: string;
  screens: ScreenLink[];
  /** The HTTP app: its router lists every route the hub answers (the access test walks it). */
  app: Express;
  /** The configuration the hall runs on (its own, with what it took from the district). */
  config(): HallConfig;
  /** What the district published, as the hall last took it (the catalogue store listens to it). */
  districtConfig: DistrictConfig;
  close(): Promise<void>;
}

export interface HubEnvironment {
  clock: () => number;
  log: (line: string) => void;
}

export async function startHub(options: HubOptions, env: HubEnvironment): Promise<RunningHub> {
  const startedAt = env.clock();
  const { dataDir } = options;
  const { clock, log } = env;

  // Storage and the hall's state.
  await refuseUnwritable(dataDir);
  const store = await ConfigStore.open(dataDir, () => demoHall(options.demoIdentity));
  // The configuration as the hall runs on it: its own, with the district's published holidays in its calendar.
  const districtConfig = await DistrictConfig.open(dataDir, log);
  const config = () => districtConfig.applyTo(store.config);
  await seedHolidayYears(store, log);
  if (options.demoIdentity && options.demoIdentity.id !== config().hall.id) {
    log(`--hall-id ${options.demoIdentity.id} 未使用：数据目录中已有大厅 ${config().hall.id} / not used: the data folder already holds hall ${config().hall.id}`);
  }
  const journal = await Journal.open(dataDir, config().hall.id);
  const hall = await HallService.load({ journal, config, clock, log });
  // Off the command path: it takes records once they are durable, and the hall never waits on it.
  const forwarder = options.federate && startForwarder({ federate: options.federate, journal, hall, config, dataDir, districtConfig, log });
  const views = new Views(() => hall.current, config, clock, () => hall.version, () => hall.queues);
  const core: HallCore = { config, hall, views, bus: new HubBus(), clock, log };

  // Security: the hall's secret key, consoles' sessions, the audit log, answers to retried commands.
  const secretKey = await loadSecretKey(dataDir, { inUse: journal.lastSeq > 0, log });
  const sessions = await Sessions.open(dataDir, clock, config, log);
  const audit = new AuditLog(dataDir, clock, () => config().hall.timeZone);
  const answers = await AnswerLog.open(dataDir, clock, () => config().hall.timeZone, log);

  // HTTP and sockets. Express owns the server's request listener before Socket.IO attaches (which
  // wraps it, so /socket.io requests never reach Express); routes join routers mounted up front.
  const access = new RestAccess({ config, sessions, audit: (entry) => audit.append(entry), log });
  const api = new Routes(access);
  const pages = new Routes(access);
  const app = createHttpApp({ api: api.router, screens: pages.router }, log);
  const http = createHubServer(app, options.tls);
  const io = createSocketServer(http, config);
  const broadcaster = new Broadcaster(io);
  const publisher = new Publisher(broadcaster, views);
  hall.onRecords((records) => publisher.publish(records));
  const port = (): number => (http.address() as AddressInfo | null)?.port ?? options.port;
  const phoneBase = lanBaseUrlEvery(options.host, port);
  const screens = (): ScreenLink[] => demoScreenLinks(config(), options.screensDir);
  integrationRoutes(api, {
    config,
    state: () => hall.current,
    views,
    startedAt,
    clock,
    version: options.version,
    seq: () => publisher.seqOf({ kind: 'all', identities: false }),
    storage: () => journal.problem,
    ...(forwarder && { district: () => ({ ...forwarder.status, behind: Math.max(0, journal.lastSeq - forwarder.status.forwardedSeq) }) }),
  });
  screenRoutes(pages, options.screensDir, screens, () => config().hall.name);

  // The domains.
  const ticketLinks = new TicketLinks(secretKey);
  const printing = createPrintingModule({ ...core, api, broadcaster, audit, dataDir, ticketLinks, phoneBase });
  const catalogue = await createCatalogueModule({ ...core, api, broadcaster, audit, dataDir });
  const itemKnown = (code: string): boolean => catalogue.current().items.some((i) => i.code === code);
  followDistrictCatalogue(districtConfig, catalogue, () => config().categories[0]?.id, log);
  const queue = createQueueModule({ ...core, api, broadcaster, publisher, audit, slips: printing.slips, personal: new PersonalData(secretKey), itemKnown });
  const stats = await createStatsModule({ ...core, api, journal, dataDir, catalogue: catalogue.current, ...(options.chromium && { chromium: options.chromium }) });
  // Staffing advice reads the statistics' roll-ups; the live board's tidal advice looks ahead with it.
  const { capacity } = createCapacityModule({ ...core, api, days: () => stats.stats.knownDays(), tickets: (day) => stats.stats.ticketsOf(day) });
  const domains: Domain[] = [
    queue,
    printing,
    createAdminModule({ ...core, api, broadcaster, store, journal, sessions, audit, dataDir }),
    createRatingsModule({ ...core, api, broadcaster, secretKey, ticketLinks, audit }),
    createLiveModule({ ...core, broadcaster, audit, dataDir, lookAhead: (now, minutes) => capacity.lookAhead(now, minutes) }),
    await createAppointmentsModule({ ...core, api, broadcaster, ticketing: queue.ticketing, dataDir }),
    catalogue,
    createKioskModule({ ...core, api, broadcaster, dataDir, phoneBase, audit, catalogue: catalogue.current }),
    stats,
    await createNoticesModule({ ...core, broadcaster, audit, dataDir }),
    await createProvinceModule({ ...core, api, journal, dataDir, ...(options.province && { options: options.province }) }),
  ];
  serveSockets(io, { config, broadcaster, bus: core.bus, sessions, audit, answers, domains, version: options.version, log });
  const days = await startDaysOnTime(hall, config, clock, log);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  return {
    port: port(),
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port()}`,
    screens: screens(),
    app,
    config,
    districtConfig,
    async close() {
      days.stop();
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // Chromium keeps spare connections open with no finished request, and the server's close waits for
      // every connection: requests in flight get a moment to end, then whatever is left is cut.
      const cut = setTimeout(() => http.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      for (const d of domains) await d.close?.();
      await forwarder?.stop();
      await sessions.flush();
      await answers.close();
      await audit.close();
      await journal.close();
    },
  };
}
