// The administration domain in the hub: personal-data hashing, console sign-in, configuration
// changes with their audit log, device pairing and revocation, staff photos, and the daily
// personal-data retention job.
import type { ConfigSection } from '@yichuang/shared/admin';
import { SCREEN_ROLES, type HallConfig } from '@yichuang/shared/domain';
import { addDays, serviceDay } from '@yichuang/shared/time';
import type { HallCore } from '../hall/core.js';
import type { Routes } from '../http/routes.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Domain } from '../realtime/socket-server.js';
import type { AuditLog } from '../security/audit-log.js';
import { PairingCodes } from '../security/pairing.js';
import { RateLimiter } from '../security/rate-limit.js';
import { purgePersonalData } from '../security/retention.js';
import type { Sessions } from '../security/sessions.js';
import type { ConfigStore } from '../storage/config-store.js';
import type { Journal } from '../storage/journal.js';
import { adminConfig } from './config-change.js';
import { ConfigService } from './config-service.js';
import { ConsoleSignIn } from './console-sign-in.js';
import { DeviceService } from './device-service.js';
import { registerAdminHandlers, type AdminServices } from './handlers.js';
import { PhotoStore } from './photos.js';
import { adminRoutes } from './routes.js';
import { StaffService } from './staff-service.js';

/** The retention job looks this often; each journal day is purged once (retention.json marks how far). */
const RETENTION_CHECK_MS = 60 * 60_000;

export interface AdminDeps extends HallCore {
  api: Routes;
  broadcaster: Broadcaster;
  store: ConfigStore;
  /** The day journals, for the retention job's purge. */
  journal: Journal;
  sessions: Sessions;
  audit: AuditLog;
  dataDir: string;
}

export function createAdminModule(deps: AdminDeps): Domain {
  const { dataDir, store, config, hall, broadcaster, bus, sessions, audit, clock, log } = deps;
  const pairing = new PairingCodes(Date.now);
  const photos = new PhotoStore(dataDir);
  const changeDeps = { store, audit, state: () => hall.current, log };
  const devices = new DeviceService({ store, hall, pairing, sessions, audit, broadcaster, clock, log });
  const services: AdminServices = {
    config: new ConfigService(changeDeps),
    staff: new StaffService({ ...changeDeps, sessions, removePhoto: (url) => photos.remove(url) }),
    devices,
    audit,
    view: () => adminConfig(config(), hall.current),
  };

  let retention: Promise<unknown> = Promise.resolve();
  const purge = (): void => {
    retention = retention.then(async () => {
      const { hall: h, retention: r } = config();
      const before = addDays(serviceDay(clock(), h.timeZone), -r.personalDataDays);
      const result = await purgePersonalData(deps.journal, dataDir, before, log);
      bus.emit('retention:due', before);
      if (result.records === 0) return;
      log(`retention: personal data purged from ${result.records} journal records (${result.days[0]} … ${result.days.at(-1)})`);
      await audit.append({ actor: { name: '保留期限清理 / retention job' }, action: 'personal.purge', target: `journal before ${before}`, after: result });
    }).catch((err: unknown) => log(`retention job failed: ${(err as Error).stack ?? String(err)}`));
  };
  purge();
  const timer = setInterval(purge, RETENTION_CHECK_MS);
  timer.unref();

  store.onChange((after, before) => {
    const sections = changedSections(after, before, deps.views.staffCard.bind(deps.views));
    if (sections.some((s) => s !== 'devices' && s !== 'retention')) {
      broadcaster.toRoles(...SCREEN_ROLES).emit('config:changed', { at: clock(), sections });
    }
    if (sections.includes('retention')) purge();
  });
  bus.on('staff:pinRehashed', ({ staffId, previous, next }) => {
    store
      .update((draft) => {
        const staff = draft.staff.find((s) => s.id === staffId);
        if (staff?.pinHash === previous) staff.pinHash = next;
      })
      .catch((err: unknown) => log(`PIN hash of ${staffId} not upgraded: ${String(err)}`));
  });
  bus.on('device:online', () => devices.presenceChanged());
  bus.on('device:offline', () => devices.presenceChanged());

  const auditEntry = (entry: Parameters<AuditLog['append']>[0]) => audit.append(entry);
  const signIn = new ConsoleSignIn({ config, sessions, audit, log });

  adminRoutes(deps.api, {
    sessions,
    audit: auditEntry,
    signIn,
    pairing,
    pairingRequested: () => devices.announce(),
    limits: new RateLimiter(Date.now),
    photos,
    setPhoto: (staffId, url, operator, actor) => services.staff.setPhoto(staffId, url, operator, actor),
  });

  return {
    register: (ctx) => registerAdminHandlers(ctx, services),
    async close() {
      clearInterval(timer);
      devices.close();
      await retention;
    },
  };
}

/** Which sections differ; staff only by what their cards show (a rehashed PIN is no news to screens). */
function changedSections(after: HallConfig, before: HallConfig, card: (s: HallConfig['staff'][number]) => unknown): ConfigSection[] {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const sections: ConfigSection[] = [];
  for (const key of ['hall', 'categories', 'windows', 'devices', 'rules', 'evaluation', 'retention'] as const) {
    if (!same(after[key], before[key])) sections.push(key);
  }
  if (!same(after.staff.map(card), before.staff.map(card))) sections.push('staff');
  return sections;
}
