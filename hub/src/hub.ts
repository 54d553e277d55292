// Assembles a running hub from its parts. main.ts calls this; so do the tests, on port 0.
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { HubOptions } from './config.js';
import { createAdminModule } from './admin/module.js';
import { createAppointmentsModule } from './appointments/module.js';
import { demoHall } from './demo/demo-hall.js';
import { RestAccess } from './http/access.js';
import { apiNotFound, integrationRoutes } from './http/api.js';
import { createHttpApp } from './http/http-app.js';
import { Routes } from './http/routes.js';
import { demoScreenLinks, screenRoutes, type ScreenLink } from './http/screens.js';
import { createHubServer } from './http/server.js';
import { createKioskModule } from './kiosk/module.js';
import { createLiveModule } from './live/module.js';
import type { HubModule, ModuleDeps } from './modules.js';
import { createPrintingModule } from './printing/module.js';
import { createRatingsModule } from './ratings/module.js';
import { createRealtime } from './realtime/socket-server.js';
import { AuditLog } from './security/audit-log.js';
import { AnswerLog } from './storage/answer-log.js';
import { loadSecretKey } from './security/secret-key.js';
import { Sessions } from './security/sessions.js';
import { TicketLinks } from './security/ticket-links.js';
import { HallService } from './services/hall-service.js';
import { createStatsModule } from './stats/module.js';
import { HubBus } from './services/hub-bus.js';
import { Ticketing } from './services/ticketing.js';
import { Views } from './services/views.js';
import { WindowDesk } from './services/window-desk.js';
import { ConfigStore } from './storage/config-store.js';
import { Journal } from './storage/journal.js';

export interface RunningHub {
  port: number;
  url: string;
  screens: ScreenLink[];
  /** The HTTP app: its router lists every route the hub answers (the access test walks it). */
  app: Express;
  close(): Promise<void>;
}

export interface HubEnvironment {
  clock: () => number;
  log: (line: string) => void;
}

export async function startHub(options: HubOptions, env: HubEnvironment): Promise<RunningHub> {
  const startedAt = env.clock();
  const store = await ConfigStore.open(options.dataDir, demoHall);
  const config = () => store.config;
  const journal = await Journal.open(options.dataDir, config().hall.id);
  const hall = await HallService.load({ journal, config, clock: env.clock, log: env.log });
  const views = new Views(() => hall.current, config, env.clock, () => hall.version);
  const bus = new HubBus();
  const screens = () => demoScreenLinks(config(), options.screensDir);

  const sessions = await Sessions.open(options.dataDir, env.clock, config, env.log);
  const audit = new AuditLog(options.dataDir, env.clock, () => config().hall.timeZone);
  const answers = await AnswerLog.open(options.dataDir, env.clock, () => config().hall.timeZone, env.log);
  const access = new RestAccess({ config, sessions, audit: (entry) => audit.append(entry), log: env.log });

  // Express must own the server's request listener before Socket.IO attaches, which wraps it so
  // /socket.io requests never reach Express. Module routes join the API router mounted up front.
  const api = new Routes(access);
  const screenPages = new Routes(access);
  let modules: HubModule[] = [];
  let seq = (): number => 0;
  integrationRoutes(api, { config, state: () => hall.current, views, startedAt, version: options.version, seq: () => seq() });
  screenRoutes(screenPages, options.screensDir, screens, () => config().hall.name);
  const app = createHttpApp({ api: api.router, screens: screenPages.router }, env.log);
  const http = createHubServer(app, options.tls);
  const ticketing = new Ticketing(hall, views);
  const { io, publisher } = createRealtime(http, {
    config,
    views,
    ticketing,
    desk: new WindowDesk(hall, views, config),
    bus,
    sessions,
    audit,
    answers,
    modules: () => modules,
    version: options.version,
    log: env.log,
  });
  seq = () => publisher.lastSeq;
  hall.onRecords((records) => publisher.publish(records));

  const secretKey = loadSecretKey(options.dataDir);
  const ticketLinks = new TicketLinks(secretKey);
  const deps: ModuleDeps = { options, store, config, hall, journal, views, ticketing, io, publisher, bus, secretKey, ticketLinks, api, sessions, audit, clock: env.clock, log: env.log };
  modules = [
    createAdminModule(deps),
    createPrintingModule(deps),
    createRatingsModule(deps),
    createLiveModule(deps),
    createAppointmentsModule(deps),
    createKioskModule(deps),
    await createStatsModule(deps),
  ];
  api.router.use(apiNotFound);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    screens: screens(),
    app,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      for (const m of modules) await m.close?.();
      await sessions.flush();
      await answers.close();
      await audit.close();
      await journal.close();
    },
  };
}
