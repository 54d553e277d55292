// Socket.IO: authenticate each device once at the handshake (by its token's hash), put it in its
// rooms (its own too, so revoking it can disconnect it at once), register handlers.
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError } from '@yichuang/shared/errors';
import { Server } from 'socket.io';
import type { HubModule } from '../modules.js';
import { deviceByToken } from '../security/device-tokens.js';
import { RateLimiter } from '../security/rate-limit.js';
import type { HubBus } from '../services/hub-bus.js';
import type { Ticketing } from '../services/ticketing.js';
import type { Views } from '../services/views.js';
import type { PinRehashed, WindowDesk } from '../services/window-desk.js';
import type { CommandContext } from './command.js';
import { registerStaffHandlers } from './handlers/staff.js';
import { registerSyncHandlers } from './handlers/sync.js';
import { registerTicketHandlers } from './handlers/tickets.js';
import { registerWindowHandlers } from './handlers/windows.js';
import { Publisher } from './publisher.js';
import { roomsOf } from './rooms.js';
import type { HubServer } from './types.js';

export interface RealtimeComponents {
  config: () => HallConfig;
  views: Views;
  ticketing: Ticketing;
  desk: WindowDesk;
  bus: HubBus;
  /** The domain modules; read at each connection, so they may be created after the server. */
  modules: () => readonly HubModule[];
  version: string;
  log: (line: string) => void;
}

declare module '../services/hub-bus.js' {
  interface HubBusEvents {
    /** A staff member signed in with a PIN whose hash was outdated; the admin module stores the new one. */
    'staff:pinRehashed': Parameters<PinRehashed>;
  }
}

/** Each device's own room: what is meant for it alone (its revocation), and how to disconnect it. */
export const deviceRoom = (deviceId: string): string => `device:${deviceId}`;

/** Transport-level cap; payloads between the command cap and this get a clear error ack. */
const MAX_HTTP_BUFFER = 1024 * 1024;

export function createRealtime(http: HttpServer | HttpsServer, c: RealtimeComponents): { io: HubServer; publisher: Publisher } {
  const io: HubServer = new Server(http, { maxHttpBufferSize: MAX_HTTP_BUFFER, serveClient: false });
  const publisher = new Publisher(io, c.views);
  // Rate limits go by real elapsed time, not the hall's clock (which tests and drills move).
  const limits = new RateLimiter(Date.now);
  c.desk.onPinRehashed((change) => c.bus.emit('staff:pinRehashed', change));

  io.use((socket, next) => {
    const device = deviceByToken(c.config().devices, (socket.handshake.auth as { token?: unknown } | undefined)?.token);
    if (!device) {
      const err = new Error(appError('UNAUTHENTICATED').message) as Error & { data: unknown };
      err.data = appError('UNAUTHENTICATED');
      next(err);
      return;
    }
    socket.data.deviceId = device.id;
    next();
  });

  io.on('connection', (socket) => {
    const device = c.config().devices.find((d) => d.id === socket.data.deviceId);
    if (!device) {
      socket.disconnect(true);
      return;
    }
    void socket.join([...roomsOf(device), deviceRoom(device.id)]);
    const ctx: CommandContext = {
      socket,
      device,
      log: c.log,
      limits,
      // Nobody is signed in until the admin module, which keeps the sessions, says otherwise.
      operator: () => undefined,
      audit: () => Promise.reject(new Error('no audit log to record a read of personal data in')),
    };
    registerSyncHandlers(ctx, c.views, publisher);
    registerTicketHandlers(ctx, c.ticketing);
    registerWindowHandlers(ctx, c.desk);
    registerStaffHandlers(ctx, c.desk);
    for (const m of c.modules()) m.register?.(ctx);
    c.bus.emit('device:online', device);
    socket.on('disconnect', () => c.bus.emit('device:offline', device));
    const { id, name, role, windowId, zone, demo } = device;
    socket.emit('device:welcome', { device: { id, name, role, windowId, zone, demo }, hubVersion: c.version });
  });

  return { io, publisher };
}
