// Assembles a running hub from its parts. main.ts calls this; so do the tests, on port 0.
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import type { HubOptions } from './config.js';
import { createAdminModule } from './admin/module.js';
import { createAppointmentsModule } from './appointments/module.js';
import { demoHall } from './demo/demo-hall.js';
import { apiRouter } from './http/api.js';
import { createHttpApp } from './http/http-app.js';
import { demoScreenLinks, screensRouter, type ScreenLink } from './http/screens.js';
import { createHubServer } from './http/server.js';
import { createKioskModule } from './kiosk/module.js';
import { createLiveModule } from './live/module.js';
import type { HubModule, ModuleDeps } from './modules.js';
import { createPrintingModule } from './printing/module.js';
import { createRatingsModule } from './ratings/module.js';
import { createRealtime } from './realtime/socket-server.js';
import { loadSecretKey } from './security/secret-key.js';
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

  // Express must own the server's request listener before Socket.IO attaches, which wraps it so
  // /socket.io requests never reach Express. Module routes join a router mounted up front.
  const moduleRoutes = Router();
  let modules: HubModule[] = [];
  let seq = (): number => 0;
  const api = apiRouter({ config, state: () => hall.current, views, startedAt, version: options.version, seq: () => seq() });
  const screensRoutes = screensRouter(options.screensDir, screens, () => config().hall.name);
  const http = createHubServer(createHttpApp({ api: [moduleRoutes, api], screens: screensRoutes }, env.log), options.tls);
  const ticketing = new Ticketing(hall, views);
  const { io, publisher } = createRealtime(http, {
    config,
    views,
    ticketing,
    desk: new WindowDesk(hall, views, config),
    bus,
    modules: () => modules,
    version: options.version,
    log: env.log,
  });
  seq = () => publisher.lastSeq;
  hall.onRecords((records) => publisher.publish(records));

  const secretKey = loadSecretKey(options.dataDir);
  const ticketLinks = new TicketLinks(secretKey);
  const deps: ModuleDeps = { options, store, config, hall, journal, views, ticketing, io, publisher, bus, secretKey, ticketLinks, clock: env.clock, log: env.log };
  modules = [
    // First: its routes decide who may use every module's REST routes, and it keeps the consoles' sessions.
    createAdminModule(deps),
    createPrintingModule(deps),
    createRatingsModule(deps),
    createLiveModule(deps),
    createAppointmentsModule(deps),
    createKioskModule(deps),
    await createStatsModule(deps),
  ];
  for (const m of modules) if (m.routes) moduleRoutes.use(m.routes);

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
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      for (const m of modules) await m.close?.();
      await journal.close();
    },
  };
}
