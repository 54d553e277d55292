// Socket.IO: authenticate each device once at the handshake, put it in its rooms, register handlers.
import type { Server as HttpServer } from 'node:http';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError } from '@yichuang/shared/errors';
import { Server } from 'socket.io';
import type { HubModule } from '../modules.js';
import type { HubBus } from '../services/hub-bus.js';
import type { Ticketing } from '../services/ticketing.js';
import type { Views } from '../services/views.js';
import type { WindowDesk } from '../services/window-desk.js';
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

/** Transport-level cap; payloads between the command cap and this get a clear error ack. */
const MAX_HTTP_BUFFER = 1024 * 1024;

export function createRealtime(http: HttpServer, c: RealtimeComponents): { io: HubServer; publisher: Publisher } {
  const io: HubServer = new Server(http, { maxHttpBufferSize: MAX_HTTP_BUFFER, serveClient: false });
  const publisher = new Publisher(io, c.views);

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const device = typeof token === 'string' ? c.config().devices.find((d) => d.token === token) : undefined;
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
    void socket.join(roomsOf(device));
    const ctx = { socket, device, log: c.log };
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
