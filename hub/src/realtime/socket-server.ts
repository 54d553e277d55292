// Socket.IO: each device authenticates once at the handshake (by its token's hash); once the domains
// exist, each connection is put in its rooms and every domain registers its handlers for it.
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Operator } from '@yichuang/shared/admin';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import { appError } from '@yichuang/shared/errors';
import { Server } from 'socket.io';
import type { HubBus } from '../hall/hub-bus.js';
import { sessionToken } from '../http/access.js';
import type { AuditLog } from '../security/audit-log.js';
import { deviceByToken } from '../security/device-tokens.js';
import { RateLimiter } from '../security/rate-limit.js';
import { DEMO_OPERATOR, type Sessions } from '../security/sessions.js';
import type { AnswerLog } from '../storage/answer-log.js';
import type { Broadcaster } from './broadcaster.js';
import type { CommandContext } from './command.js';
import { encodeMarkedOnce } from './encoded-once.js';
import type { HubServer } from './types.js';

/** A domain as the hub runs it: its socket handlers for each connected device, and how it stops. */
export interface Domain {
  register?(ctx: CommandContext): void;
  close?(): Promise<void>;
}

/** Transport-level cap; payloads between the command cap and this get a clear error ack. */
const MAX_HTTP_BUFFER = 1024 * 1024;

/** The Socket.IO server on the hub's HTTP server, refusing any device it does not know. */
export function createSocketServer(http: HttpServer | HttpsServer, config: () => HallConfig): HubServer {
  const io: HubServer = new Server(http, { maxHttpBufferSize: MAX_HTTP_BUFFER, serveClient: false });
  encodeMarkedOnce(io);
  io.use((socket, next) => {
    const device = deviceByToken(config().devices, (socket.handshake.auth as { token?: unknown } | undefined)?.token);
    if (!device) {
      const err = new Error(appError('UNAUTHENTICATED').message) as Error & { data: unknown };
      err.data = appError('UNAUTHENTICATED');
      next(err);
      return;
    }
    socket.data.deviceId = device.id;
    next();
  });
  return io;
}

export interface SocketComponents {
  config: () => HallConfig;
  broadcaster: Broadcaster;
  bus: HubBus;
  sessions: Sessions;
  audit: AuditLog;
  answers: AnswerLog;
  domains: readonly Domain[];
  version: string;
  log: (line: string) => void;
}

/** Serves connections: rooms, the command context, every domain's handlers, then the welcome. */
export function serveSockets(io: HubServer, c: SocketComponents): void {
  // Rate limits go by real elapsed time, not the hall's clock (which tests and drills move).
  const limits = new RateLimiter(Date.now);
  io.on('connection', (socket) => {
    const device = c.config().devices.find((d) => d.id === socket.data.deviceId);
    if (!device) {
      socket.disconnect(true);
      return;
    }
    c.broadcaster.admit(socket, device);
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
    for (const domain of c.domains) domain.register?.(ctx);
    c.bus.emit('device:online', device);
    socket.on('disconnect', () => c.bus.emit('device:offline', device));
    const { id, name, role, windowId, zone, demo } = device;
    const { name: hallName, nameEn: hallNameEn } = c.config().hall;
    socket.emit('device:welcome', { device: { id, name, role, windowId, zone, demo }, hall: { name: hallName, nameEn: hallNameEn }, hubVersion: c.version });
  });
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
