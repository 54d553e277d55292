// The live domain in the hub: board settings for the boards, alerts and the live board for managers.
// Checks run on the hub's clock every few seconds and after engine records: a moment after the first
// of a burst, then at most once a second however fast records come (at a steady 5 tickets/s, running
// them after each was the largest part of a ticket's CPU, #19).
import type { AlertInput } from '@yichuang/shared/live';
import type { HallCore } from '../hall/core.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { AuditLog } from '../security/audit-log.js';
import type { Domain } from '../realtime/socket-server.js';
import { registerLiveHandlers } from './handlers.js';
import { LiveService, type LiveServiceDeps } from './live-service.js';
import { Presence } from './presence.js';

/** Time-based conditions (waits, pauses, offline devices) are checked this often. */
const CHECK_EVERY_MS = 5_000;
/** Bursts of hall events are coalesced into one check and one console update… */
const COALESCE_MS = 250;
/** …and checks run at most once in this long (real time, not the hub's clock, which tests move). */
const AT_MOST_EVERY_MS = 1_000;

export interface LiveDeps extends HallCore {
  broadcaster: Broadcaster;
  audit: AuditLog;
  dataDir: string;
  /** The hall's forecast for the next minutes (staffing advice), for tidal advice that looks ahead. */
  lookAhead?: LiveServiceDeps['lookAhead'];
}

export function createLiveModule(deps: LiveDeps): Domain {
  const presence = new Presence(deps.clock());
  const ready = LiveService.open({
    dataDir: deps.dataDir,
    config: deps.config,
    hall: deps.hall,
    views: deps.views,
    presence,
    audit: deps.audit,
    clock: deps.clock,
    log: deps.log,
    lookAhead: deps.lookAhead,
  });
  ready.catch((err: unknown) => deps.log(`live module failed to start: ${(err as Error).stack ?? String(err)}`));

  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  let closed = false;
  /** Checks, then sends the live board to the consoles (if any are connected). */
  const refresh = (): void => {
    if (pending || closed) return;
    pending = setTimeout(() => {
      pending = undefined;
      lastRun = performance.now();
      void ready
        .then(async (live) => {
          await live.check();
          if (!closed && deps.broadcaster.watched('console')) deps.broadcaster.toRoles('console').emit('live:updated', live.board());
        })
        .catch((err: unknown) => deps.log(`live refresh failed: ${(err as Error).stack ?? String(err)}`));
    }, Math.max(COALESCE_MS, lastRun + AT_MOST_EVERY_MS - performance.now()));
  };
  const boardsChanged = (): void => {
    ready.then((live) => {
      for (const device of deps.config().devices) {
        if (device.role === 'board') deps.broadcaster.toDevices([device.id]).emit('board:settingsChanged', live.boardView(device));
      }
    }, () => undefined); // a module that failed to start was logged once (above)
  };

  deps.bus.on('device:online', (device) => {
    presence.online(device.id);
    refresh(); // a device back closes its alerts at once
  });
  deps.bus.on('device:offline', (device) => {
    presence.offline(device.id, deps.clock());
    refresh();
  });
  deps.bus.on('alert:raise', (alert: AlertInput) => {
    void ready
      .then((live) => live.raise(alert))
      .then(refresh, (err: unknown) => deps.log(`alert ${alert.key} not recorded: ${(err as Error).stack ?? String(err)}`));
  });
  deps.bus.on('alert:resolve', (key: string) => {
    void ready
      .then((live) => live.resolve(key))
      .then(refresh, (err: unknown) => deps.log(`alert ${key} not resolved: ${(err as Error).stack ?? String(err)}`));
  });
  deps.hall.onRecords(refresh);
  const timer = setInterval(refresh, CHECK_EVERY_MS);

  return {
    register: (ctx) => registerLiveHandlers(ctx, ready, { boardsChanged, liveChanged: refresh }),
    async close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(pending);
      await ready.then((live) => live.settled(), () => undefined);
    },
  };
}
