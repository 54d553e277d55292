// A domain plugs into the hub as a module: socket handlers per connected device, its REST routes
// (added to `api` as it is created, each with who may use it), and a close step. hub.ts creates the
// modules; the domains never edit each other's wiring.
import type { HallConfig } from '@yichuang/shared/domain';
import type { HubOptions } from './config.js';
import type { Routes } from './http/routes.js';
import type { CommandContext } from './realtime/command.js';
import type { Publisher } from './realtime/publisher.js';
import type { HubServer } from './realtime/types.js';
import type { AuditLog } from './security/audit-log.js';
import type { Sessions } from './security/sessions.js';
import type { TicketLinks } from './security/ticket-links.js';
import type { HallService } from './services/hall-service.js';
import type { HubBus } from './services/hub-bus.js';
import type { Ticketing } from './services/ticketing.js';
import type { Views } from './services/views.js';
import type { ConfigStore } from './storage/config-store.js';
import type { Journal } from './storage/journal.js';

export interface ModuleDeps {
  options: HubOptions;
  store: ConfigStore;
  config: () => HallConfig;
  hall: HallService;
  /** Read only: the day journals (HallService appends). */
  journal: Journal;
  views: Views;
  /** Issues tickets (and has their slips printed): for domains that issue, e.g. appointment check-in. */
  ticketing: Ticketing;
  io: HubServer;
  publisher: Publisher;
  bus: HubBus;
  /** The hall's secret key (<dataDir>/secret.key): keys the identity hash and the ticket links. */
  secretKey: Buffer;
  /** Signs and checks the phone links printed on slips. */
  ticketLinks: TicketLinks;
  /** The REST API under /api. */
  api: Routes;
  /** Who is signed in at which console. */
  sessions: Sessions;
  /** Who changed, paired, signed in, or read personal data. */
  audit: AuditLog;
  clock: () => number;
  log: (line: string) => void;
}

export interface HubModule {
  /** Registers this domain's socket handlers for one connected device. */
  register?(ctx: CommandContext): void;
  close?(): Promise<void>;
}
