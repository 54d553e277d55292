// Socket.IO: authenticate each device once at the handshake (by its token's hash), put it in its
// rooms (its own too, so revoking it can disconnect it at once), register handlers.
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Operator } from '@yichuang/shared/admin';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import { appError } from '@yichuang/shared/errors';
import { Server } from 'socket.io';
import { sessionToken } from '../http/access.js';
import type { HubModule } from '../modules.js';
import type { AuditLog } from '../security/audit-log.js';
import type { AnswerLog } from '../storage/answer-log.js';
import { deviceByToken } from '../security/device-tokens.js';
import { RateLimiter } from '../security/rate-limit.js';
import { DEMO_OPERATOR, type Sessions } from '../security/sessions.js';
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
  sessions: Sessions;
  audit: AuditLog;
  answers: AnswerLog;
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
    const operator = operatorAt(device, sessionToken(socket.request.headers.cookie), c.sessions);
    const ctx: CommandContext = {
      socket,
      device,
      log: c.log,
      limits,
      operator,
      audit: async ({ action, target }) => {
        const who = operator();
        await c.audit.append({ actor: { deviceId: device.id, staffId: who?.staffId, name: who?.name ?? device.name, address: socket.handshake.address }, action, target });
      },
      answers: c.answers,
    };
    registerSyncHandlers(ctx, c.views, publisher);
    registerTicketHandlers(ctx, c.ticketing);
    registerWindowHandlers(ctx, c.desk);
    registerStaffHandlers(ctx, c.desk);
    for (const m of c.modules()) m.register?.(ctx);
    c.bus.emit('device:online', device);
    socket.on('disconnect', () => c.bus.emit('device:offline', device));
    const { id, name, role, windowId, zone, demo } = device;
    const { name: hallName, nameEn: hallNameEn } = c.config().hall;
    socket.emit('device:welcome', { device: { id, name, role, windowId, zone, demo }, hall: { name: hallName, nameEn: hallNameEn }, hubVersion: c.version });
  });

  return { io, publisher };
}

/**
 * Who a console connection acts for, asked at every command: the person of the session its handshake
 * carried, while that session lives; a console signs in again by reconnecting. Only a demo console
 * that came without any session is the demo manager: one whose session ended is nobody.
 */
function operatorAt(device: Device, token: string | undefined, sessions: Sessions): () => Operator | undefined {
  if (device.role !== 'console') return () => undefined;
  return () => {
    if (token === undefined) return device.demo ? DEMO_OPERATOR : undefined;
    const session = sessions.use(token);
    return session?.deviceId === device.id ? sessions.operator(session) : undefined;
  };
}
